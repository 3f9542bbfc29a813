package org.iepmp.catalog.helm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.iepmp.catalog.api.CatalogErrorCode;
import org.iepmp.catalog.api.CatalogException;
import org.iepmp.catalog.cache.Nodes;
import org.iepmp.catalog.cache.YamlDocuments;
import org.iepmp.catalog.version.Versions;

/** Parses and checks a Helm repository {@code index.yaml}. */
public final class HelmIndexParser {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern CHART_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,252}");

    private final YamlDocuments yaml;

    public HelmIndexParser(YamlDocuments yaml) {
        this.yaml = yaml;
    }

    public HelmIndex parse(byte[] bytes, String what) {
        JsonNode root = yaml.parseMapping(bytes, what);
        JsonNode entries = root.get("entries");
        if (entries == null || entries.isNull()) {
            if (root.has("apiVersion")) {
                return new HelmIndex(Map.of());
            }
            throw new CatalogException(CatalogErrorCode.MISSING_FIELD, what + " lacks 'entries'", what, "entries");
        }
        if (!entries.isObject()) {
            throw new CatalogException(CatalogErrorCode.INVALID_FIELD, what + " 'entries' is not a mapping", what, "entries");
        }
        Map<String, List<HelmIndex.ChartEntry>> charts = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = entries.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            if (!CHART_NAME.matcher(name).matches()) {
                throw new CatalogException(CatalogErrorCode.INVALID_FIELD, what + " has an invalid chart name " + name,
                        what, "entries");
            }
            List<HelmIndex.ChartEntry> versions = new ArrayList<>();
            String where = what + " entries." + name;
            for (JsonNode item : Nodes.list(entries, name, what)) {
                versions.add(entry(name, item, where));
            }
            charts.put(name, Versions.newestFirst(versions, HelmIndex.ChartEntry::version));
        }
        return new HelmIndex(charts);
    }

    private static HelmIndex.ChartEntry entry(String name, JsonNode item, String what) {
        if (!item.isObject()) {
            throw new CatalogException(CatalogErrorCode.INVALID_FIELD, what + " holds a non-mapping", what, "entries");
        }
        String version = Nodes.requiredText(item, "version", what);
        if (!Versions.isValid(version)) {
            throw new CatalogException(CatalogErrorCode.INVALID_VERSION, what + " has invalid version " + version, version);
        }
        List<String> urls = Nodes.texts(item, "urls", what);
        if (urls.isEmpty()) {
            throw new CatalogException(CatalogErrorCode.MISSING_FIELD, what + " " + version + " has no urls", what, "urls");
        }
        String digest = Nodes.text(item, "digest");
        if (digest != null) {
            if (!SHA256.matcher(digest).matches()) {
                throw new CatalogException(CatalogErrorCode.INVALID_FIELD, what + " " + version + " has a malformed digest",
                        what, "digest");
            }
            digest = digest.toLowerCase(Locale.ROOT);
        }
        JsonNode deprecated = item.get("deprecated");
        return new HelmIndex.ChartEntry(name, version, Nodes.text(item, "description"),
                Nodes.texts(item, "keywords", what), Nodes.text(item, "icon"), Nodes.text(item, "appVersion"), urls, digest,
                deprecated != null && deprecated.asBoolean(false));
    }
}
