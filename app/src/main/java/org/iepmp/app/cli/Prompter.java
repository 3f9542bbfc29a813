package org.iepmp.app.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Asks the person at the terminal: a yes/no, a password. Secrets are read without echo from the
 * console and never come from the command line (which would leave them in the shell history).
 */
public interface Prompter {

    /** One line of answer, empty when nobody can answer (no terminal, end of input). */
    Optional<String> line(String question);

    /** A secret, read without echo when a console exists; empty when nobody can answer. */
    Optional<String> secret(String question);

    /** The real terminal: {@link System#console()} when there is one, otherwise lines of standard input (for pipes). */
    static Prompter system(CliOutput output) {
        Console console = System.console();
        if (console != null) {
            return new Prompter() {
                @Override
                public Optional<String> line(String question) {
                    return Optional.ofNullable(console.readLine("%s", question));
                }

                @Override
                public Optional<String> secret(String question) {
                    char[] read = console.readPassword("%s", question);
                    return read == null ? Optional.empty() : Optional.of(new String(read));
                }
            };
        }
        return reading(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), output);
    }

    /** Answers read line by line from {@code input}; the question goes to the error stream so data output stays clean. */
    static Prompter reading(BufferedReader input, CliOutput output) {
        return new Prompter() {
            @Override
            public Optional<String> line(String question) {
                output.prompt(question);
                try {
                    return Optional.ofNullable(input.readLine());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public Optional<String> secret(String question) {
                return line(question);
            }
        };
    }
}
