package org.iepmp.catalog.glasskube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.iepmp.catalog.api.CatalogErrorCode;
import org.iepmp.catalog.api.CatalogException;
import org.iepmp.catalog.api.ChartReference;
import org.iepmp.catalog.api.Dependency;
import org.iepmp.catalog.api.Entrypoint;
import org.iepmp.catalog.api.Origin;
import org.iepmp.catalog.api.Reference;
import org.iepmp.catalog.api.ResolvedVersion;
import org.iepmp.catalog.api.SkippedEntry;
import org.iepmp.catalog.api.ValueConstraints;
import org.iepmp.catalog.api.ValueDefinition;
import org.iepmp.catalog.api.ValueTarget;
import org.iepmp.catalog.api.ValueType;
import org.iepmp.catalog.cache.Nodes;
import org.iepmp.catalog.cache.YamlDocuments;
import org.iepmp.catalog.version.Versions;

/**
 * The three files of a Glasskube repository, parsed and checked: {@code index.yaml},
 * {@code <pkg>/versions.yaml} and {@code <pkg>/<version>/package.yaml}.
 */
public final class GlasskubeFormat {

    /** Package names become path segments and cache folders: keep them tame. */
    static final Pattern PACKAGE_NAME = Pattern.compile("[a-z0-9]([a-z0-9._-]{0,126}[a-z0-9])?");
    /** Value names that are masked even when the repository forgot to say so. */
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|secret|token|apikey|api_key|accesskey|access_key).*");

    private final YamlDocuments yaml;
    private final ObjectMapper plain = new ObjectMapper();

    public GlasskubeFormat(YamlDocuments yaml) {
        this.yaml = yaml;
    }

    /** One row of {@code index.yaml}. */
    public record IndexEntry(String name, String shortDescription, String iconUrl, String latestVersion, String scope) {
    }

    /** {@code index.yaml}: its usable entries, and those left out. */
    public record Index(List<IndexEntry> entries, List<SkippedEntry> skipped) {
    }

    /**
     * {@code versions.yaml}: every usable version, the one the publisher recommends (may be {@code null}), and
     * the versions left out.
     */
    public record VersionList(List<String> versions, String latestVersion, List<SkippedEntry> skipped) {
    }

    /** Parses the index; an entry with a bad name or version is left out and reported, as Helm does. */
    public Index parseIndex(byte[] bytes, String what) {
        JsonNode root = yaml.parseMapping(bytes, what);
        if (!root.has("packages")) {
            throw new CatalogException(CatalogErrorCode.MISSING_FIELD, what + " lacks 'packages'", what, "packages");
        }
        List<IndexEntry> entries = new ArrayList<>();
        List<SkippedEntry> skipped = new ArrayList<>();
        int position = 0;
        for (JsonNode item : Nodes.list(root, "packages", what)) {
            String where = what + " packages[" + position++ + "]";
            String written = item.isObject() ? Nodes.text(item, "name") : null;
            try {
                String name = packageName(Nodes.requiredText(item, "name", where), where);
                String latest = Nodes.text(item, "latestVersion");
                if (latest != null && !Versions.isValid(latest)) {
                    skipped.add(new SkippedEntry(what, name, latest, "latestVersion", CatalogErrorCode.INVALID_VERSION,
                            List.of(latest)));
                    latest = null;
                }
                entries.add(new IndexEntry(name, Nodes.text(item, "shortDescription"), Nodes.text(item, "iconUrl"),
                        latest, Nodes.text(item, "scope")));
            } catch (CatalogException e) {
                skipped.add(SkippedEntry.of(what, written, "", "name", e));
            }
        }
        return new Index(entries, skipped);
    }

    /** Parses a version list; a version that is not semver is left out and reported. */
    public VersionList parseVersions(byte[] bytes, String what, String packageName) {
        JsonNode root = yaml.parseMapping(bytes, what);
        if (!root.has("versions")) {
            throw new CatalogException(CatalogErrorCode.MISSING_FIELD, what + " lacks 'versions'", what, "versions");
        }
        List<String> versions = new ArrayList<>();
        List<SkippedEntry> skipped = new ArrayList<>();
        for (JsonNode item : Nodes.list(root, "versions", what)) {
            String written = item.isObject() ? Nodes.text(item, "version") : null;
            try {
                versions.add(checkedVersion(Nodes.requiredText(item, "version", what), what));
            } catch (CatalogException e) {
                skipped.add(SkippedEntry.of(what, packageName, written, "version", e));
            }
        }
        String latest = Nodes.text(root, "latestVersion");
        if (latest != null && !isCheckedVersion(latest)) {
            skipped.add(new SkippedEntry(what, packageName, latest, "latestVersion", CatalogErrorCode.INVALID_VERSION,
                    List.of(latest)));
            latest = null;
        }
        if (versions.isEmpty()) {
            throw new CatalogException(CatalogErrorCode.MISSING_FIELD, what + " lists no usable version", what,
                    "versions");
        }
        return new VersionList(Versions.newestFirst(versions), latest, skipped);
    }

    /**
     * Parses {@code package.yaml} of {@code version}; relative manifest URLs are resolved against
     * {@code versionBase} (the folder of the file).
     */
    public ResolvedVersion parsePackage(byte[] bytes, String what, String version, String repository, Origin origin,
            URI versionBase) {
        JsonNode root = yaml.parseMapping(bytes, what);
        String name = packageName(Nodes.requiredText(root, "name", what), what);
        checkedVersion(version, what);
        ChartReference chart = null;
        JsonNode helm = root.get("helm");
        if (helm != null && !helm.isNull()) {
            chart = new ChartReference(Nodes.requiredText(helm, "repositoryUrl", what + " helm"),
                    Nodes.requiredText(helm, "chartName", what + " helm"),
                    Nodes.requiredText(helm, "chartVersion", what + " helm"),
                    toMap(helm.get("values")), List.of(), null);
        }
        List<String> manifests = new ArrayList<>();
        for (JsonNode item : Nodes.list(root, "manifests", what)) {
            String url = Nodes.requiredText(item, "url", what + " manifests");
            manifests.add(resolveUrl(versionBase, url, what));
        }
        List<Dependency> dependencies = new ArrayList<>();
        for (String field : List.of("dependencies", "components")) {
            for (JsonNode item : Nodes.list(root, field, what)) {
                Dependency dependency = new Dependency(packageName(Nodes.requiredText(item, "name", what + " " + field), what),
                        Nodes.text(item, "version"));
                Versions.range(dependency.versionRange());
                dependencies.add(dependency);
            }
        }
        List<Entrypoint> entrypoints = new ArrayList<>();
        for (JsonNode item : Nodes.list(root, "entrypoints", what)) {
            Integer port = Nodes.integer(item, "port", what + " entrypoints");
            Integer localPort = Nodes.integer(item, "localPort", what + " entrypoints");
            String scheme = Nodes.text(item, "scheme");
            entrypoints.add(new Entrypoint(Nodes.text(item, "name"), Nodes.requiredText(item, "serviceName", what),
                    port == null ? 0 : port, localPort == null ? 0 : localPort, scheme == null ? "http" : scheme));
        }
        List<Reference> references = new ArrayList<>();
        for (JsonNode item : Nodes.list(root, "references", what)) {
            references.add(new Reference(Nodes.text(item, "label"), Nodes.requiredText(item, "url", what + " references")));
        }
        List<ValueDefinition> values = parseValueDefinitions(root.get("valueDefinitions"), what);
        String description = Nodes.text(root, "shortDescription");
        return new ResolvedVersion(name, version, repository, origin, description == null ? "" : description.trim(),
                chart, manifests, values, dependencies, entrypoints, Nodes.text(root, "scope"),
                Nodes.text(root, "defaultNamespace"), references, Nodes.text(root, "iconUrl"));
    }

    List<ValueDefinition> parseValueDefinitions(JsonNode definitions, String what) {
        List<ValueDefinition> result = new ArrayList<>();
        if (definitions == null || definitions.isNull()) {
            return result;
        }
        if (!definitions.isObject()) {
            throw new CatalogException(CatalogErrorCode.INVALID_FIELD, what + " valueDefinitions is not a mapping", what,
                    "valueDefinitions");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = definitions.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            result.add(parseValueDefinition(field.getKey(), field.getValue(), what + " valueDefinitions." + field.getKey()));
        }
        return result;
    }

    private ValueDefinition parseValueDefinition(String name, JsonNode node, String what) {
        String typeText = Nodes.requiredText(node, "type", what).toLowerCase(Locale.ROOT);
        ValueType type = switch (typeText) {
            case "boolean" -> ValueType.BOOLEAN;
            case "text" -> ValueType.TEXT;
            case "number" -> ValueType.NUMBER;
            case "options" -> ValueType.OPTIONS;
            default -> throw new CatalogException(CatalogErrorCode.INVALID_FIELD, what + " has unknown type " + typeText,
                    what, "type");
        };
        JsonNode metadata = node.get("metadata");
        JsonNode constraintsNode = node.get("constraints");
        String pattern = Nodes.text(constraintsNode, "pattern");
        if (pattern != null) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw new CatalogException(CatalogErrorCode.INVALID_FIELD, what + " has an invalid pattern", e, what,
                        "pattern");
            }
        }
        JsonNode required = constraintsNode == null ? null : constraintsNode.get("required");
        ValueConstraints constraints = new ValueConstraints(required != null && required.asBoolean(false),
                Nodes.number(constraintsNode, "min", what), Nodes.number(constraintsNode, "max", what),
                Nodes.integer(constraintsNode, "minLength", what), Nodes.integer(constraintsNode, "maxLength", what),
                pattern);
        List<String> options = Nodes.texts(node, "options", what);
        if (type == ValueType.OPTIONS && options.isEmpty()) {
            throw new CatalogException(CatalogErrorCode.MISSING_FIELD, what + " has no options", what, "options");
        }
        List<ValueTarget> targets = new ArrayList<>();
        for (JsonNode target : Nodes.list(node, "targets", what)) {
            targets.add(parseTarget(target, what + " target"));
        }
        JsonNode secretNode = node.has("secret") ? node.get("secret") : metadata == null ? null : metadata.get("secret");
        boolean secret = secretNode != null ? secretNode.asBoolean(false) : SECRET_NAME.matcher(name).matches();
        String defaultValue = Nodes.text(node, "defaultValue");
        return new ValueDefinition(name, type, defaultValue, Nodes.text(metadata, "label"),
                Nodes.text(metadata, "description"), Nodes.texts(metadata, "hints", what), options, constraints, targets,
                secret);
    }

    private static ValueTarget parseTarget(JsonNode target, String what) {
        JsonNode patch = target.get("patch");
        if (patch == null || !patch.isObject()) {
            throw new CatalogException(CatalogErrorCode.MISSING_FIELD, what + " lacks 'patch'", what, "patch");
        }
        String op = Nodes.requiredText(patch, "op", what + " patch");
        String path = Nodes.requiredText(patch, "path", what + " patch");
        String template = Nodes.text(target, "valueTemplate");
        JsonNode resource = target.get("resource");
        if (resource != null && resource.isObject()) {
            return new ValueTarget(ValueTarget.Kind.RESOURCE_PATCH, null, Nodes.text(resource, "apiGroup"),
                    Nodes.requiredText(resource, "kind", what + " resource"),
                    Nodes.requiredText(resource, "name", what + " resource"), op, path, template,
                    Nodes.text(resource, "namespace"));
        }
        return new ValueTarget(ValueTarget.Kind.CHART_VALUE, Nodes.requiredText(target, "chartName", what), null, null,
                null, op, path, template);
    }

    private Map<String, Object> toMap(JsonNode values) {
        if (values == null || values.isNull()) {
            return Map.of();
        }
        if (!values.isObject()) {
            throw new CatalogException(CatalogErrorCode.INVALID_FIELD, "helm values is not a mapping", "helm", "values");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = plain.convertValue(values, Map.class);
        return map;
    }

    static String packageName(String name, String what) {
        if (!PACKAGE_NAME.matcher(name).matches()) {
            throw new CatalogException(CatalogErrorCode.INVALID_FIELD, what + " has an invalid package name '" + name + "'",
                    what, "name");
        }
        return name;
    }

    private static boolean isCheckedVersion(String version) {
        return Versions.isValid(version) && !version.contains("/") && !version.contains("..");
    }

    private static String checkedVersion(String version, String what) {
        if (!isCheckedVersion(version)) {
            throw new CatalogException(CatalogErrorCode.INVALID_VERSION, what + " has invalid version '" + version + "'",
                    version);
        }
        return version;
    }

    private static String resolveUrl(URI base, String url, String what) {
        try {
            URI parsed = new URI(url.trim());
            return (parsed.isAbsolute() ? parsed : base.resolve(parsed)).toString();
        } catch (java.net.URISyntaxException e) {
            throw new CatalogException(CatalogErrorCode.INVALID_FIELD, what + " has an invalid URL " + url, e, what, "url");
        }
    }
}
