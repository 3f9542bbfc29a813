package org.iepmp.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iepmp.app.dialog.VisibleText;
import org.iepmp.i18n.api.Messages;
import picocli.CommandLine;

/**
 * How commands speak: data on stdout as text for people (aligned tables, localized sentences) or as
 * JSON for scripts ({@code --output json}); progress and questions on stderr.
 */
public final class Printer {

    private final CliOutput output;
    private final Messages messages;
    private final boolean json;
    private final ObjectMapper mapper = jsonMapper();

    Printer(CliOutput output, Messages messages, boolean json) {
        this.output = output;
        this.messages = messages;
        this.json = json;
    }

    /**
     * JSON escapes C0 controls itself; C1 controls and bidirectional overrides are escaped too, so the JSON text holds
     * nothing a terminal executes while every string stays exact for the program reading it.
     */
    private static ObjectMapper jsonMapper() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        mapper.getFactory().setCharacterEscapes(new com.fasterxml.jackson.core.io.CharacterEscapes() {
            private final int[] escapes = asciiEscapes();

            @Override
            public int[] getEscapeCodesForAscii() {
                return escapes;
            }

            @Override
            public com.fasterxml.jackson.core.SerializableString getEscapeSequence(int c) {
                return VisibleText.dangerous(c)
                        ? new com.fasterxml.jackson.core.io.SerializedString(String.format("\\u%04x", c)) : null;
            }
        });
        return mapper;
    }

    private static int[] asciiEscapes() {
        int[] escapes = com.fasterxml.jackson.core.io.CharacterEscapes.standardAsciiEscapesForJSON();
        escapes[0x7f] = com.fasterxml.jackson.core.io.CharacterEscapes.ESCAPE_STANDARD;
        return escapes;
    }

    public boolean json() {
        return json;
    }

    /** A line of data (text mode). */
    public void line(String text) {
        output.println(text);
    }

    /** A localized sentence on stdout. */
    public void say(String key, Object... params) {
        output.println(messages.get(key, params));
    }

    /** A localized sentence on stderr: progress, notes that are not data. */
    public void note(String key, Object... params) {
        output.error(messages.get(key, params));
    }

    public void noteText(String text) {
        output.error(text);
    }

    /** The value as JSON on stdout (maps, lists, strings, numbers, booleans, nulls). */
    public void printJson(Object value) {
        try {
            output.println(mapper.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not JSON-serializable: " + e.getOriginalMessage(), e);
        }
    }

    /** Columns aligned by display width (a Chinese character takes two cells). */
    public void table(List<String> headers, List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(headers);
        all.addAll(rows);
        int[] widths = new int[headers.size()];
        for (List<String> row : all) {
            for (int i = 0; i < row.size() && i < widths.length; i++) {
                widths[i] = Math.max(widths[i], width(row.get(i)));
            }
        }
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i) == null ? "" : row.get(i);
                line.append(cell);
                if (i < row.size() - 1) {
                    line.append(" ".repeat(widths[i] - width(cell) + 2));
                }
            }
            output.println(line.toString().stripTrailing());
        }
    }

    public void usage(CommandLine commandLine) {
        commandLine.usage(output.err());
        output.err().flush();
    }

    /** Date and time as the user's language writes it, in the local zone. */
    public String dateTime(Instant instant) {
        return instant == null ? "" : messages.formats().shortDateTime(instant, ZoneId.systemDefault());
    }

    /** An ordered map for JSON: key, value, key, value... */
    public static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            map.put((String) keysAndValues[i], value instanceof Instant instant ? instant.toString() : value);
        }
        return map;
    }

    static int width(String text) {
        if (text == null) {
            return 0;
        }
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            width += wide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return width;
    }

    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }
}
