package org.iepmp.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Passwords and tokens come from a file or from the person at the terminal, never from the command line. */
final class SecretFiles {

    private SecretFiles() {
    }

    /** The file's content without the trailing line break editors add. */
    static String read(Path file) {
        try {
            String text = Files.readString(file).strip();
            if (text.isEmpty()) {
                throw CliException.usage("cli.error.secretFileEmpty", "cli.error.secretFileEmpty.hint", file.toString());
            }
            return text;
        } catch (IOException e) {
            throw CliException.usage("cli.error.fileUnreadable", "cli.error.fileUnreadable.hint", file.toString());
        }
    }

    static String prompt(CliSession session, String question) {
        return session.environment().prompter().secret(question).filter(s -> !s.isEmpty())
                .orElseThrow(() -> CliException.usage("cli.error.noSecret", "cli.error.noSecret.hint"));
    }
}
