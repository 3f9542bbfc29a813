package org.iepmp.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How to start this program again with other arguments: the same Java and class path, or — in
 * the installed app image, whose runtime has no {@code java} command — the native launcher.
 */
final class SelfCommand {

    private SelfCommand() {
    }

    static List<String> current() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        if (Files.isExecutable(java)) {
            return List.of(java.toString(), "-cp", System.getProperty("java.class.path"), "org.iepmp.app.Main");
        }
        return List.of(ProcessHandle.current().info().command().orElse("iepmp"));
    }
}
