package org.iepmp.catalog.cache;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.iepmp.catalog.support.Lazy;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.iepmp.catalog.api.CatalogErrorCode;
import org.iepmp.catalog.api.CatalogException;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Parses repository YAML into a tree and tells apart "not YAML at all" (an HTML error or login
 * page served with status 200) from "YAML with an error".
 */
public final class YamlDocuments {

    private final Lazy<ObjectMapper> mapper;

    public YamlDocuments(long maxBytes) {
        this.mapper = new Lazy<>(() -> {
            LoaderOptions options = new LoaderOptions();
            // SnakeYAML's default 3 MB limit is below a large Helm index; the download limit applies first.
            options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, Math.max(maxBytes, 3L * 1024 * 1024)));
            YAMLFactory factory = YAMLFactory.builder().loaderOptions(options)
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxStringLength((int) Math.min(Integer.MAX_VALUE, Math.max(maxBytes, 20_000_000L)))
                            .build())
                    .build();
            // Helm reads indexes strictly: a key given twice is an error, never "the last one wins".
            factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            return new ObjectMapper(factory);
        });
    }

    /** Throws {@link CatalogErrorCode#NOT_YAML} when the bytes are an HTML (or XML) page. */
    public void rejectHtml(byte[] bytes, String what) {
        if (looksLikeHtml(bytes)) {
            throw new CatalogException(CatalogErrorCode.NOT_YAML, what + " is an HTML page, not YAML", what);
        }
    }

    /** A streaming parser over YAML bytes, with the same limits as {@link #parseMapping}. */
    public JsonParser parser(byte[] bytes) throws IOException {
        return mapper.get().getFactory().createParser(bytes);
    }

    /** The root mapping of a YAML document; {@code what} names the file in errors. */
    public JsonNode parseMapping(byte[] bytes, String what) {
        rejectHtml(bytes, what);
        JsonNode root;
        try {
            root = mapper.get().readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new CatalogException(CatalogErrorCode.MALFORMED_YAML,
                    what + " is not valid YAML: " + e.getOriginalMessage(), e, what, lineOf(e));
        } catch (IOException | RuntimeException e) {
            throw new CatalogException(CatalogErrorCode.MALFORMED_YAML, what + " is not valid YAML: " + e, e, what, 0);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new CatalogException(CatalogErrorCode.MISSING_FIELD, what + " is empty", what, "(document)");
        }
        if (!root.isObject()) {
            throw new CatalogException(CatalogErrorCode.NOT_YAML, what + " is not a YAML mapping", what);
        }
        return root;
    }

    private static int lineOf(JsonProcessingException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }

    static boolean looksLikeHtml(byte[] bytes) {
        int limit = Math.min(bytes.length, 512);
        String head = new String(bytes, 0, limit, StandardCharsets.UTF_8).stripLeading().toLowerCase(java.util.Locale.ROOT);
        if (head.startsWith("\ufeff")) {
            head = head.substring(1);
        }
        return head.startsWith("<!doctype") || head.startsWith("<html") || head.startsWith("<?xml")
                || head.startsWith("<head") || head.startsWith("<body");
    }
}
