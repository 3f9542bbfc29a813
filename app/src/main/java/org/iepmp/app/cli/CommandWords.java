package org.iepmp.app.cli;

import java.util.Set;

/**
 * Tells a command line ({@code iepmp list}) from a start of the window ({@code iepmp --practice}).
 * Its own small class on purpose: the launcher asks it before anything else, and it must not pull
 * in the logging backend or picocli, which would delay the window's start.
 */
public final class CommandWords {

    /** The commands; any other first word (or none) starts the window. */
    private static final Set<String> COMMANDS = Set.of("repo", "search", "show", "install", "upgrade", "rollback", "uninstall",
            "configure", "list", "status", "logs", "updates", "history", "doctor", "practice");
    /** Options of the launcher that take a value, to find the command word behind them. */
    private static final Set<String> WITH_VALUE = Set.of("--lang", "--kubeconfig", "--context", "--home", "--output", "-o",
            "--section", "--zoom");

    private CommandWords() {
    }

    public static boolean isCommand(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                return false;
            }
            if (arg.startsWith("-")) {
                if (WITH_VALUE.contains(arg)) {
                    i++;
                }
                continue;
            }
            return COMMANDS.contains(arg);
        }
        return false;
    }
}
