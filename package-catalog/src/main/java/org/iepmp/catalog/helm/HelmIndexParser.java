package org.iepmp.catalog.helm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.iepmp.catalog.api.CatalogErrorCode;
import org.iepmp.catalog.api.CatalogException;
import org.iepmp.catalog.api.SkippedEntry;
import org.iepmp.catalog.cache.YamlDocuments;
import org.iepmp.catalog.version.Versions;

/**
 * Parses and checks a Helm repository {@code index.yaml}. Streams the tokens instead of building
 * a tree: an index of 20,000 versions is mostly fields the catalog skips (maintainers, sources,
 * annotations), and not materialising them is the difference between seconds and a second.
 */
public final class HelmIndexParser {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern CHART_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,252}");

    private final YamlDocuments yaml;

    public HelmIndexParser(YamlDocuments yaml) {
        this.yaml = yaml;
    }

    public HelmIndex parse(byte[] bytes, String what) {
        yaml.rejectHtml(bytes, what);
        try (JsonParser parser = yaml.parser(bytes)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new CatalogException(CatalogErrorCode.MISSING_FIELD, what + " is empty", what, "(document)");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new CatalogException(CatalogErrorCode.NOT_YAML, what + " is not a YAML mapping", what);
            }
            Map<String, List<HelmIndex.ChartEntry>> charts = null;
            List<SkippedEntry> skipped = new ArrayList<>();
            boolean apiVersion = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("entries".equals(field) && value == JsonToken.START_OBJECT) {
                    charts = entries(parser, what, skipped);
                } else if ("entries".equals(field) && value != JsonToken.VALUE_NULL) {
                    throw new CatalogException(CatalogErrorCode.INVALID_FIELD, what + " 'entries' is not a mapping", what,
                            "entries");
                } else {
                    apiVersion |= "apiVersion".equals(field);
                    parser.skipChildren();
                }
            }
            if (charts == null) {
                if (apiVersion) {
                    return new HelmIndex(Map.of(), List.of());
                }
                throw new CatalogException(CatalogErrorCode.MISSING_FIELD, what + " lacks 'entries'", what, "entries");
            }
            return new HelmIndex(charts, skipped);
        } catch (JsonProcessingException e) {
            throw new CatalogException(CatalogErrorCode.MALFORMED_YAML,
                    what + " is not valid YAML: " + e.getOriginalMessage(), e, what,
                    e.getLocation() == null ? 0 : e.getLocation().getLineNr());
        } catch (IOException | RuntimeException e) {
            if (e instanceof CatalogException c) {
                throw c;
            }
            throw new CatalogException(CatalogErrorCode.MALFORMED_YAML, what + " is not valid YAML: " + e, e, what, 0);
        }
    }

    /** The charts of {@code entries}; a bad chart or version is left out into {@code skipped}, as Helm does. */
    private static Map<String, List<HelmIndex.ChartEntry>> entries(JsonParser parser, String what,
            List<SkippedEntry> skipped) throws IOException {
        Map<String, List<HelmIndex.ChartEntry>> charts = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            String where = what + " entries." + name;
            JsonToken list = parser.nextToken();
            if (!CHART_NAME.matcher(name).matches()) {
                parser.skipChildren();
                skipped.add(new SkippedEntry(what, name, "", "name", CatalogErrorCode.INVALID_FIELD,
                        List.of(what, "entries")));
                continue;
            }
            List<HelmIndex.ChartEntry> versions = new ArrayList<>();
            if (list == JsonToken.START_ARRAY) {
                JsonToken item;
                int position = 0;
                while ((item = parser.nextToken()) != JsonToken.END_ARRAY) {
                    String at = where + "[" + position++ + "]";
                    if (item != JsonToken.START_OBJECT) {
                        parser.skipChildren();
                        skipped.add(new SkippedEntry(what, name, "", "entries", CatalogErrorCode.INVALID_FIELD,
                                List.of(at, "entries")));
                        continue;
                    }
                    Entry read = entry(name, parser, where);
                    if (read.problem() != null) {
                        skipped.add(SkippedEntry.of(what, name, read.writtenVersion(), read.field(), read.problem()));
                    } else {
                        versions.add(read.entry());
                    }
                }
            } else if (list != JsonToken.VALUE_NULL) {
                parser.skipChildren();
                skipped.add(new SkippedEntry(what, name, "", name, CatalogErrorCode.INVALID_FIELD, List.of(where, name)));
                continue;
            }
            if (charts.containsKey(name)) {
                throw new CatalogException(CatalogErrorCode.MALFORMED_YAML, where + " appears twice", what,
                        parser.currentLocation().getLineNr());
            }
            charts.put(name, Versions.newestFirst(versions, HelmIndex.ChartEntry::version));
        }
        return charts;
    }

    /** One version read: the entry, or why it is left out (with the field at fault and the version as written). */
    private record Entry(HelmIndex.ChartEntry entry, CatalogException problem, String field, String writtenVersion) {
    }

    private static Entry entry(String name, JsonParser parser, String what) throws IOException {
        String version = null;
        String description = null;
        String icon = null;
        String appVersion = null;
        String digest = null;
        boolean deprecated = false;
        String created = null;
        List<String> keywords = List.of();
        List<String> urls = List.of();
        CatalogException problem = null;
        String problemField = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            try {
                switch (field) {
                    case "version" -> version = scalar(parser, value);
                    case "description" -> description = scalar(parser, value);
                    case "icon" -> icon = scalar(parser, value);
                    case "appVersion" -> appVersion = scalar(parser, value);
                    case "digest" -> digest = scalar(parser, value);
                    case "created" -> created = scalar(parser, value);
                    case "deprecated" -> deprecated = value == JsonToken.VALUE_TRUE
                            || value == JsonToken.VALUE_STRING && "true".equalsIgnoreCase(parser.getText());
                    case "keywords" -> keywords = texts(parser, value, what, field);
                    case "urls" -> urls = texts(parser, value, what, field);
                    default -> parser.skipChildren();
                }
            } catch (CatalogException e) {
                problem = problem == null ? e : problem;
                problemField = problemField == null ? field : problemField;
            }
        }
        if (problem != null) {
            return new Entry(null, problem, problemField, version);
        }
        try {
            HelmIndex.ChartEntry entry = checkedEntry(name, version, description, keywords, icon, appVersion, urls,
                    digest, deprecated, created, what);
            return new Entry(entry, null, null, version);
        } catch (CatalogException e) {
            String field = version == null || version.isBlank() || !Versions.isValid(version.trim()) ? "version"
                    : urls.isEmpty() ? "urls" : "digest";
            return new Entry(null, e, field, version);
        }
    }

    private static HelmIndex.ChartEntry checkedEntry(String name, String version, String description,
            List<String> keywords, String icon, String appVersion, List<String> urls, String digest, boolean deprecated,
            String created, String what) {
        if (version == null || version.isBlank()) {
            throw new CatalogException(CatalogErrorCode.MISSING_FIELD, what + " lacks field 'version'", what, "version");
        }
        version = version.trim();
        if (!Versions.isValid(version)) {
            throw new CatalogException(CatalogErrorCode.INVALID_VERSION, what + " has invalid version " + version, version);
        }
        if (urls.isEmpty()) {
            throw new CatalogException(CatalogErrorCode.MISSING_FIELD, what + " " + version + " has no urls", what, "urls");
        }
        String checkedDigest = digest;
        if (digest != null) {
            if (!SHA256.matcher(digest).matches()) {
                throw new CatalogException(CatalogErrorCode.INVALID_FIELD, what + " " + version + " has a malformed digest",
                        what, "digest");
            }
            checkedDigest = digest.toLowerCase(Locale.ROOT);
        }
        return new HelmIndex.ChartEntry(name, version, description, keywords, icon, appVersion, urls, checkedDigest,
                deprecated, instant(created));
    }

    /** Helm writes RFC 3339 with an offset; a date it cannot read is shown as unknown rather than failing the index. */
    private static java.time.Instant instant(String created) {
        if (created == null || created.isBlank()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(created.trim()).toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static String scalar(JsonParser parser, JsonToken token) throws IOException {
        if (token.isScalarValue() && token != JsonToken.VALUE_NULL) {
            return parser.getText();
        }
        parser.skipChildren();
        return null;
    }

    private static List<String> texts(JsonParser parser, JsonToken token, String what, String field) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return List.of();
        }
        if (token != JsonToken.START_ARRAY) {
            parser.skipChildren();
            throw new CatalogException(CatalogErrorCode.INVALID_FIELD, what + " field '" + field + "' is not a list",
                    what, field);
        }
        List<String> result = new ArrayList<>(2);
        JsonToken item;
        while ((item = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (item.isScalarValue() && item != JsonToken.VALUE_NULL) {
                result.add(parser.getText());
            } else {
                parser.skipChildren();
            }
        }
        return result;
    }
}
