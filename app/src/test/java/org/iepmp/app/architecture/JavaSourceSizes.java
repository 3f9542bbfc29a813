package org.iepmp.app.architecture;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Measures the methods and constructors of one Java source file by its braces, without a full
 * parser: comments and literals are blanked first so their braces do not count. A block is a
 * method body when it opens directly inside a type body and its header has a parameter list (or,
 * for a record's compact constructor, is a bare name); lambdas and anonymous classes inside a method
 * count towards that method.
 */
final class JavaSourceSizes {

    /** One method or constructor: its name and how many lines it spans, header line to closing brace. */
    record MethodSize(String name, int firstLine, int lines) {
    }

    private static final Pattern TYPE_HEADER = Pattern.compile("\\b(class|interface|enum|record)\\b");
    private static final Pattern ANONYMOUS_CLASS = Pattern.compile("\\bnew\\s+[\\w.<>,?\\s\\[\\]]+\\(.*\\)\\s*$",
            Pattern.DOTALL);
    private static final Pattern METHOD_NAME = Pattern.compile("([\\w$]+)\\s*\\(");
    private static final Pattern COMPACT_CONSTRUCTOR = Pattern.compile("^(?:@[\\w.]+\\s+)*(?:public\\s+|protected\\s+|private\\s+)?([A-Z][\\w$]*)$");

    private enum Kind { TYPE, METHOD, OTHER }

    private JavaSourceSizes() {
    }

    static List<MethodSize> methods(String source) {
        String code = blankCommentsAndLiterals(source);
        List<MethodSize> found = new ArrayList<>();
        Deque<Kind> blocks = new ArrayDeque<>();
        Deque<int[]> methodStarts = new ArrayDeque<>();
        Deque<String> methodNames = new ArrayDeque<>();
        int line = 1;
        int headerStart = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '\n') {
                line++;
            } else if (c == ';') {
                headerStart = i + 1;
            } else if (c == '{') {
                String header = code.substring(headerStart, i).trim();
                Kind enclosing = blocks.isEmpty() ? Kind.TYPE : blocks.peek();
                Kind kind = classify(header, enclosing);
                blocks.push(kind);
                if (kind == Kind.METHOD) {
                    int headerLine = line - countNewlines(code, headerStartOfText(code, headerStart), i);
                    methodStarts.push(new int[] {headerLine});
                    methodNames.push(nameOf(header));
                }
                headerStart = i + 1;
            } else if (c == '}') {
                Kind closed = blocks.isEmpty() ? Kind.OTHER : blocks.pop();
                if (closed == Kind.METHOD) {
                    int start = methodStarts.pop()[0];
                    found.add(new MethodSize(methodNames.pop(), start, line - start + 1));
                }
                headerStart = i + 1;
            }
        }
        return found;
    }

    private static Kind classify(String header, Kind enclosing) {
        if (ANONYMOUS_CLASS.matcher(header).find() || TYPE_HEADER.matcher(withoutParameters(header)).find()
                && !header.contains("=") && !header.contains("->")) {
            return Kind.TYPE;
        }
        if (enclosing != Kind.TYPE || header.contains("=") || header.contains("->")) {
            return Kind.OTHER;
        }
        if (header.contains("(") || COMPACT_CONSTRUCTOR.matcher(header).matches() && !header.equals("static")) {
            return Kind.METHOD;
        }
        return Kind.OTHER;
    }

    /** A record's components may be named like keywords' neighbours; only the part before them says what it is. */
    private static String withoutParameters(String header) {
        int paren = header.indexOf('(');
        return paren < 0 ? header : header.substring(0, paren);
    }

    private static String nameOf(String header) {
        var matcher = METHOD_NAME.matcher(header);
        return matcher.find() ? matcher.group(1) : header;
    }

    private static int headerStartOfText(String code, int from) {
        int i = from;
        while (i < code.length() && Character.isWhitespace(code.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int countNewlines(String code, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (code.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }

    /** Replaces comments, strings, text blocks and char literals by spaces, keeping every line break. */
    static String blankCommentsAndLiterals(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                while (i < source.length() && source.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? source.length() : end + 2;
                i = blank(source, i, end, out);
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? source.length() : end + 3;
                i = blank(source, i, end, out);
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < source.length() && source.charAt(end) != c && source.charAt(end) != '\n') {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                i = blank(source, i, Math.min(end + 1, source.length()), out);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int blank(String source, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            out.append(source.charAt(i) == '\n' ? '\n' : ' ');
        }
        return to;
    }
}
