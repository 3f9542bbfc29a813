package org.iepmp.app.dialog;

/**
 * Text from a repository, a cluster or a user made safe to show, in a terminal and in the window alike: control characters (C0 but line feed and tab,
 * DEL, C1) and the bidirectional overrides that reorder what is shown are written as visible {@code \\u001b}-style
 * escapes instead of being executed. A description cannot retitle the terminal, clear the screen or hide or reorder text
 * in a list row.
 */
public final class VisibleText {

    private VisibleText() {
    }

    public static String neutralize(String text) {
        if (text == null || text.chars().noneMatch(VisibleText::dangerous)) {
            return text;
        }
        // A Windows line end is a line end, not a carriage return that overwrites the line.
        text = text.replace("\r\n", "\n");
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

    public static boolean dangerous(int c) {
        return (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f)
                || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f
                || c == 0x061c;
    }
}
