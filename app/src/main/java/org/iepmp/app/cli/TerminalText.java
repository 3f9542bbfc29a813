package org.iepmp.app.cli;

/**
 * Text from a repository, a cluster or a user made safe for a terminal: control characters (C0 but line feed and tab,
 * DEL, C1) and the bidirectional overrides that reorder what is shown are written as visible {@code \\u001b}-style
 * escapes instead of being executed. A description cannot retitle the window, clear the screen or hide text.
 */
final class TerminalText {

    private TerminalText() {
    }

    static String neutralize(String text) {
        if (text == null || text.chars().noneMatch(TerminalText::dangerous)) {
            return text;
        }
        StringBuilder safe = new StringBuilder(text.length() + 16);
        text.chars().forEach(c -> {
            if (dangerous(c)) {
                safe.append(String.format("\\u%04x", c));
            } else {
                safe.append((char) c);
            }
        });
        return safe.toString();
    }

    static boolean dangerous(int c) {
        return (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f)
                || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f
                || c == 0x061c;
    }
}
