package org.iepmp.app.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.iepmp.app.dialog.VisibleText;

/**
 * The one place that writes to the terminal. Everything else logs through SLF4J
 * (enforced by the architecture test). Data goes to {@link #out()}; progress, questions and
 * errors go to {@link #err()}, so {@code iepmp list --output json | jq} sees only data.
 */
public final class CliOutput {

    private final PrintWriter out;
    private final PrintWriter err;

    public CliOutput(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /** The process's own stdout and stderr, in UTF-8 so Chinese output survives any terminal locale. */
    public static CliOutput system() {
        return new CliOutput(new PrintWriter(new PrintStream(System.out, true, StandardCharsets.UTF_8), true),
                new PrintWriter(new PrintStream(System.err, true, StandardCharsets.UTF_8), true));
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    /** A line of output; control characters in it are shown, never executed (see {@link TerminalText}). */
    public void println(String line) {
        out.println(VisibleText.neutralize(line));
        out.flush();
    }

    public void error(String line) {
        err.println(VisibleText.neutralize(line));
        err.flush();
    }

    /** A question, without a line break, on the error stream. */
    public void prompt(String question) {
        err.print(VisibleText.neutralize(question));
        err.flush();
    }
}
