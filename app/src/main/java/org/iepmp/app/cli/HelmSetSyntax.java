package org.iepmp.app.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One {@code --set}, {@code --set-string} or {@code --set-file} line parsed into a values tree exactly as Helm's
 * {@code strvals} parser does it: {@code a.b=x}, lists {@code a[0]=x} and {@code a[0].b=x}, list literals
 * {@code a={x,y}}, several assignments separated by commas, a backslash escaping the next character
 * ({@code a\.b=x} is the key "a.b", {@code x\,y} a comma in a value); with {@code --set} a value is typed the way Helm
 * types it (true/false/null in any case, whole numbers without a leading zero), everything else stays text.
 */
final class HelmSetSyntax {

    /** Helm's limits: a larger list index or a deeper key is refused. */
    static final int MAX_INDEX = 65536;
    static final int MAX_NESTING = 30;

    /** What the text after {@code =} becomes. */
    enum Kind {
        TYPED, STRING, FILE
    }

    /** A line that does not parse; {@code reason} is Helm's own wording, for the log and the message. */
    static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Invalid(String reason) {
            super(reason, null, false, false);
        }
    }

    private final String line;
    private final Function<String, Object> reader;
    private int position;

    private HelmSetSyntax(String line, Function<String, Object> reader) {
        this.line = line;
        this.reader = reader;
    }

    /**
     * Applies {@code line} to {@code data} in place.
     *
     * @param fileReader reads the file a {@code --set-file} value names
     */
    static void parseInto(String line, Map<String, Object> data, Kind kind, Function<String, String> fileReader) {
        Function<String, Object> reader = switch (kind) {
            case TYPED -> HelmSetSyntax::typed;
            case STRING -> text -> text;
            case FILE -> fileReader::apply;
        };
        HelmSetSyntax parser = new HelmSetSyntax(line, reader);
        while (parser.key(data, 0)) {
            // One assignment per round, until the line ends.
        }
    }

    /** Helm's typedVal. */
    static Object typed(String text) {
        if (text.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (text.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        if (text.equalsIgnoreCase("null")) {
            return null;
        }
        if (text.equals("0")) {
            return 0L;
        }
        if (!text.isEmpty() && text.charAt(0) != '0') {
            try {
                return Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
            } catch (NumberFormatException e) {
                return text;
            }
        }
        return text;
    }

    private record Read(String text, int stop) {
        static final int END = -1;

        boolean ended() {
            return stop == END;
        }
    }

    /** Reads until one of {@code stops} (consumed) or the end; a backslash takes the next character as it is. */
    private Read until(String stops) {
        StringBuilder text = new StringBuilder();
        while (position < line.length()) {
            char c = line.charAt(position++);
            if (stops.indexOf(c) >= 0) {
                return new Read(text.toString(), c);
            }
            if (c == '\\') {
                if (position >= line.length()) {
                    return new Read(text.toString(), Read.END);
                }
                text.append(line.charAt(position++));
            } else {
                text.append(c);
            }
        }
        return new Read(text.toString(), Read.END);
    }

    /** One key (and its value) into {@code data}; false at the end of the line. */
    @SuppressWarnings("unchecked")
    private boolean key(Map<String, Object> data, int nesting) {
        Read k = until("=[,.");
        if (k.ended()) {
            if (k.text().isEmpty()) {
                return false;
            }
            throw new Invalid("key \"" + k.text() + "\" has no value");
        }
        switch (k.stop()) {
            case '[' -> {
                int index = index();
                Object existing = data.get(k.text());
                if (existing != null && !(existing instanceof List)) {
                    throw new Invalid("unable to parse key: " + k.text() + " is not a list");
                }
                List<Object> list = existing == null ? new ArrayList<>() : new ArrayList<>((List<Object>) existing);
                Item item = listItem(list, index, nesting);
                set(data, k.text(), item.list());
                return item.more();
            }
            case '=' -> {
                if (k.text().isEmpty()) {
                    // Helm ignores "=value" without a word; a line that changes nothing is refused here instead.
                    throw new Invalid("key is empty");
                }
                Value value = value();
                set(data, k.text(), value.value());
                return value.more();
            }
            case ',' -> throw new Invalid("key \"" + k.text() + "\" has no value (cannot end with ,)");
            default -> {
                if (nesting + 1 > MAX_NESTING) {
                    throw new Invalid("value name nested level is greater than maximum supported nested level of "
                            + MAX_NESTING);
                }
                Object existing = data.get(k.text());
                if (existing != null && !(existing instanceof Map)) {
                    throw new Invalid("unable to parse key: " + k.text() + " is not a map");
                }
                Map<String, Object> inner = existing == null ? new LinkedHashMap<>()
                        : new LinkedHashMap<>((Map<String, Object>) existing);
                boolean more = key(inner, nesting + 1);
                if (inner.isEmpty()) {
                    if (!more) {
                        return false;
                    }
                    throw new Invalid("key map \"" + k.text() + "\" has no value");
                }
                set(data, k.text(), inner);
                return more;
            }
        }
    }

    private static void set(Map<String, Object> data, String key, Object value) {
        if (!key.isEmpty()) {
            data.put(key, value);
        }
    }

    private int index() {
        Read digits = until("]");
        try {
            return Integer.parseInt(digits.text());
        } catch (NumberFormatException e) {
            throw new Invalid("error parsing index: " + digits.text());
        }
    }

    private record Value(Object value, boolean more) {
    }

    private record Item(List<Object> list, boolean more) {
    }

    /** After {@code =}: a list literal {@code {a,b}} or one value up to the next unescaped comma. */
    private Value value() {
        if (position >= line.length()) {
            return new Value("", false);
        }
        if (line.charAt(position) == '{') {
            position++;
            List<Object> list = new ArrayList<>();
            while (true) {
                Read item = until(",}");
                if (item.ended()) {
                    throw new Invalid("list must terminate with '}'");
                }
                list.add(reader.apply(item.text()));
                if (item.stop() == '}') {
                    boolean more = position < line.length() && line.charAt(position) == ',';
                    if (more) {
                        position++;
                    }
                    return new Value(list, more || position < line.length());
                }
            }
        }
        Read text = until(",");
        return new Value(reader.apply(text.text()), !text.ended());
    }

    @SuppressWarnings("unchecked")
    private Item listItem(List<Object> list, int index, int nesting) {
        if (index < 0) {
            throw new Invalid("negative " + index + " index not allowed");
        }
        Read k = until("[.=");
        if (!k.text().isEmpty()) {
            throw new Invalid("unexpected data at end of array index: \"" + k.text() + "\"");
        }
        if (k.ended()) {
            return new Item(list, false);
        }
        switch (k.stop()) {
            case '=' -> {
                Value value = value();
                return new Item(setIndex(list, index, value.value()), value.more());
            }
            case '[' -> {
                int next = index();
                Object existing = index < list.size() ? list.get(index) : null;
                if (existing != null && !(existing instanceof List)) {
                    throw new Invalid("unable to parse key: element " + index + " is not a list");
                }
                List<Object> inner = existing == null ? new ArrayList<>() : new ArrayList<>((List<Object>) existing);
                Item item = listItem(inner, next, nesting);
                return new Item(setIndex(list, index, item.list()), item.more());
            }
            default -> {
                Object existing = index < list.size() ? list.get(index) : null;
                Map<String, Object> inner = existing instanceof Map<?, ?> map
                        ? new LinkedHashMap<>((Map<String, Object>) map) : new LinkedHashMap<>();
                boolean more = key(inner, nesting);
                if (inner.isEmpty() && !more) {
                    return new Item(list, false);
                }
                return new Item(setIndex(list, index, inner), more);
            }
        }
    }

    private static List<Object> setIndex(List<Object> list, int index, Object value) {
        if (index > MAX_INDEX) {
            throw new Invalid("index of " + index + " is greater than maximum supported index of " + MAX_INDEX);
        }
        while (list.size() <= index) {
            list.add(null);
        }
        list.set(index, value);
        return list;
    }
}
