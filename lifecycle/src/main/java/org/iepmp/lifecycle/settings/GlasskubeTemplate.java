package org.iepmp.lifecycle.settings;

import java.util.Set;

/**
 * A Glasskube {@code valueTemplate} made ready for Helm's Go template engine. Glasskube executes
 * it with Go's built-in functions plus {@code base64}; Helm's engine has Go's built-ins, Sprig and
 * Helm's own functions, but no {@code base64}. So the actions of the template are tokenised (text
 * outside actions, string, raw-string and character literals, comments, fields and variables are
 * left alone): every function name must be one Glasskube has, and {@code base64} becomes Sprig's
 * {@code b64enc}, which is the same function (Go's {@code base64.StdEncoding} of the text).
 */
final class GlasskubeTemplate {

    /**
     * Go's text/template built-in functions and Glasskube's one extra. Not {@code slice}: Helm's
     * engine has Sprig's {@code slice} (lists only) in its place, so a template using it would give
     * another result here than in Glasskube; it is refused instead.
     */
    static final Set<String> GLASSKUBE_FUNCTIONS = Set.of("and", "call", "html", "index", "js", "len", "not", "or", "print",
            "printf", "println", "urlquery", "eq", "ge", "gt", "le", "lt", "ne", "base64");
    private static final Set<String> KEYWORDS = Set.of("if", "else", "end", "range", "with", "define", "template", "block", "break",
            "continue", "nil", "true", "false");

    /** A function the template calls that Glasskube does not have. */
    static final class UnknownFunction extends RuntimeException {
        private final String name;

        UnknownFunction(String name) {
            super("function " + name + " is not defined in Glasskube's templates");
            this.name = name;
        }

        String name() {
            return name;
        }
    }

    private final String text;
    private final StringBuilder out = new StringBuilder();
    private int at;

    private GlasskubeTemplate(String text) {
        this.text = text;
    }

    /** The template for Helm's engine; throws {@link UnknownFunction} for a function Glasskube lacks. */
    static String forHelm(String template) {
        GlasskubeTemplate scanner = new GlasskubeTemplate(template);
        scanner.scan();
        return scanner.out.toString();
    }

    private void scan() {
        while (at < text.length()) {
            int open = text.indexOf("{{", at);
            if (open < 0) {
                out.append(text, at, text.length());
                return;
            }
            out.append(text, at, open + 2);
            at = open + 2;
            action();
        }
    }

    /** One action, up to and including its closing braces (an unclosed action is left for Go to report). */
    private void action() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (text.startsWith("}}", at)) {
                out.append("}}");
                at += 2;
                return;
            }
            if (text.startsWith("/*", at)) {
                copyUntil("*/", 2);
            } else if (c == '"' || c == '\'') {
                quoted(c);
            } else if (c == '`') {
                copyUntil("`", 1);
            } else if (c == '.' || c == '$') {
                out.append(c);
                at++;
                copyWord();
            } else if (Character.isLetter(c) || c == '_') {
                word();
            } else if (Character.isDigit(c)) {
                copyWord();
            } else {
                out.append(c);
                at++;
            }
        }
    }

    private void word() {
        int start = at;
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
            at++;
        }
        String word = text.substring(start, at);
        if (KEYWORDS.contains(word)) {
            out.append(word);
        } else if (!GLASSKUBE_FUNCTIONS.contains(word)) {
            throw new UnknownFunction(word);
        } else {
            out.append(word.equals("base64") ? "b64enc" : word);
        }
    }

    private void copyWord() {
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_' || text.charAt(at) == '.')) {
            out.append(text.charAt(at++));
        }
    }

    private void quoted(char quote) {
        out.append(text.charAt(at++));
        while (at < text.length()) {
            char c = text.charAt(at++);
            out.append(c);
            if (c == '\\' && at < text.length()) {
                out.append(text.charAt(at++));
            } else if (c == quote) {
                return;
            }
        }
    }

    private void copyUntil(String end, int skip) {
        out.append(text, at, at + skip);
        at += skip;
        int close = text.indexOf(end, at);
        int stop = close < 0 ? text.length() : close + end.length();
        out.append(text, at, stop);
        at = stop;
    }
}
