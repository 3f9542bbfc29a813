package org.iepmp.practice.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.iepmp.practice.api.PracticeCatalog;

/**
 * The practice catalog shipped with the app: a Helm chart repository (index.yaml with sha256 digests, chart archives)
 * and a Glasskube-format repository referencing it, for a {@code line-monitor} package — v1.0.0 and v1.1.0 work,
 * v1.2.0 crash-loops on the practice cluster (see {@link #failureScripts()}) — that depends on {@code mqtt-broker}, and a
 * plain-manifest package {@code plant-dashboard-config} (a ConfigMap and a Deployment, no chart) in v1.0.0 and v1.1.0.
 * Archives are built from the chart sources in this package's resources, byte-for-byte reproducibly.
 */
public final class PracticeCatalogFiles implements PracticeCatalog {

    private static final String BASE = "/org/iepmp/practice/catalog/";
    private static final String CREATED = "2026-01-01T00:00:00Z";
    private static final Map<String, List<String>> CHART_FILES = Map.of(
            "line-monitor", List.of("Chart.yaml", "values.yaml", "templates/_helpers.tpl",
                    "templates/configmap.yaml", "templates/deployment.yaml", "templates/service.yaml"),
            "mqtt-broker", List.of("Chart.yaml", "values.yaml", "templates/configmap.yaml",
                    "templates/deployment.yaml", "templates/service.yaml"));

    /** One chart version and the values substituted into its sources. */
    private record ChartVersion(String chart, String version, String description, Map<String, String> variables) {
    }

    private static final List<ChartVersion> VERSIONS = List.of(
            new ChartVersion("mqtt-broker", "1.0.0", "MQTT broker (Eclipse Mosquitto) for the IEPMP practice catalog.",
                    Map.of("note", "")),
            new ChartVersion("line-monitor", "1.0.0", "Production line monitor, first release.",
                    Map.of("refresh", "5", "note", "first release, works.")),
            new ChartVersion("line-monitor", "1.1.0", "Production line monitor, faster refresh.",
                    Map.of("refresh", "2", "note", "faster refresh, works.")),
            new ChartVersion("line-monitor", "1.2.0", "Production line monitor, new counters (broken on purpose).",
                    Map.of("refresh", "1", "note", "new counters; BROKEN ON PURPOSE: it crash-loops, practise the "
                            + "rollback.")));

    /** The versions of the manifest-only package and the values substituted into its sources. */
    private static final List<ChartVersion> DASHBOARD_VERSIONS = List.of(
            new ChartVersion("plant-dashboard-config", "1.0.0", "", Map.of("refresh", "10", "note", "first release")),
            new ChartVersion("plant-dashboard-config", "1.1.0", "", Map.of("refresh", "5", "note", "faster refresh")));

    /**
     * Writes {@code helm/} and {@code glasskube/} under {@code directory}, replacing what was there; readers never see
     * a half-written catalog (it is written beside and moved in place).
     */
    @Override
    public Layout writeTo(Path directory) throws IOException {
        Path target = directory.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, ".practice-catalog");
        try {
            String helmUrl = target.resolve("helm").toUri().toString();
            writeHelm(staging.resolve("helm"));
            writeGlasskube(staging.resolve("glasskube"), helmUrl);
            Path old = null;
            if (Files.exists(target)) {
                old = Files.createTempDirectory(parent, ".practice-catalog-old");
                Files.delete(old);
                Files.move(target, old);
            }
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging, target);
            }
            if (old != null) {
                deleteTree(old);
            }
        } finally {
            deleteTree(staging);
        }
        return new Layout(target.resolve("helm"), target.resolve("glasskube"));
    }

    private void writeHelm(Path helm) throws IOException {
        Files.createDirectories(helm);
        StringBuilder index = new StringBuilder("apiVersion: v1\nentries:\n");
        String currentChart = null;
        for (ChartVersion v : VERSIONS.stream().sorted(Comparator.comparing(ChartVersion::chart)
                .thenComparing(ChartVersion::version, Comparator.reverseOrder())).toList()) {
            byte[] archive = chartArchive(v);
            String file = v.chart() + "-" + v.version() + ".tgz";
            Files.write(helm.resolve(file), archive);
            if (!v.chart().equals(currentChart)) {
                index.append("  ").append(v.chart()).append(":\n");
                currentChart = v.chart();
            }
            index.append("  - apiVersion: v2\n")
                    .append("    appVersion: \"").append(v.chart().equals("mqtt-broker") ? "2.0.18" : v.version())
                    .append("\"\n")
                    .append("    created: \"").append(CREATED).append("\"\n")
                    .append("    description: ").append(v.description()).append('\n')
                    .append("    digest: ").append(sha256(archive)).append('\n')
                    .append("    name: ").append(v.chart()).append('\n')
                    .append("    type: application\n")
                    .append("    urls:\n    - ").append(file).append('\n')
                    .append("    version: ").append(v.version()).append('\n');
        }
        index.append("generated: \"").append(CREATED).append("\"\n");
        Files.writeString(helm.resolve("index.yaml"), index.toString(), StandardCharsets.UTF_8);
    }

    byte[] chartArchive(ChartVersion v) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String file : CHART_FILES.get(v.chart())) {
            String text = substitute(resource("charts/" + v.chart() + "/" + file), v);
            files.put(v.chart() + "/" + file, text.getBytes(StandardCharsets.UTF_8));
        }
        return TarGz.archive(files);
    }

    private void writeGlasskube(Path glasskube, String helmUrl) throws IOException {
        Files.createDirectories(glasskube);
        StringBuilder index = new StringBuilder("packages:\n");
        for (String pkg : List.of("line-monitor", "mqtt-broker")) {
            List<ChartVersion> versions = VERSIONS.stream().filter(v -> v.chart().equals(pkg)).toList();
            String latest = "v" + versions.get(versions.size() - 1).version() + "+1";
            String template = resource("glasskube/package-" + pkg + ".yaml");
            StringBuilder versionsYaml = new StringBuilder("versions:\n");
            for (ChartVersion v : versions) {
                String packageVersion = "v" + v.version() + "+1";
                versionsYaml.append("  - version: ").append(packageVersion).append('\n');
                Path dir = Files.createDirectories(glasskube.resolve(pkg).resolve(packageVersion));
                Files.writeString(dir.resolve("package.yaml"),
                        substitute(template.replace("${helmRepositoryUrl}", helmUrl), v), StandardCharsets.UTF_8);
            }
            versionsYaml.append("latestVersion: ").append(latest).append('\n');
            Files.writeString(glasskube.resolve(pkg).resolve("versions.yaml"), versionsYaml.toString(),
                    StandardCharsets.UTF_8);
            index.append("  - name: ").append(pkg).append('\n')
                    .append("    shortDescription: ").append(pkg.equals("line-monitor")
                            ? "Production line monitor (practice package)"
                            : "MQTT broker for line data (practice package)").append('\n')
                    .append("    iconUrl: https://iepmp.example/practice/").append(pkg).append(".png\n")
                    .append("    latestVersion: ").append(latest).append('\n');
        }
        writeDashboard(glasskube, index);
        Files.writeString(glasskube.resolve("index.yaml"), index.toString(), StandardCharsets.UTF_8);
    }

    /** The manifest-only package: each version's package.yaml beside the manifest it applies. */
    private void writeDashboard(Path glasskube, StringBuilder index) throws IOException {
        String pkg = "plant-dashboard-config";
        String template = resource("glasskube/package-" + pkg + ".yaml");
        String manifest = resource("manifests/" + pkg + ".yaml");
        StringBuilder versionsYaml = new StringBuilder("versions:\n");
        for (ChartVersion v : DASHBOARD_VERSIONS) {
            String packageVersion = "v" + v.version() + "+1";
            versionsYaml.append("  - version: ").append(packageVersion).append('\n');
            Path dir = Files.createDirectories(glasskube.resolve(pkg).resolve(packageVersion));
            Files.writeString(dir.resolve("package.yaml"), substitute(template, v), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("dashboard.yaml"), substitute(manifest, v), StandardCharsets.UTF_8);
        }
        String latest = "v" + DASHBOARD_VERSIONS.get(DASHBOARD_VERSIONS.size() - 1).version() + "+1";
        versionsYaml.append("latestVersion: ").append(latest).append('\n');
        Files.writeString(glasskube.resolve(pkg).resolve("versions.yaml"), versionsYaml.toString(), StandardCharsets.UTF_8);
        index.append("  - name: ").append(pkg).append('\n')
                .append("    shortDescription: Shop-floor dashboard, plain manifests (practice package)\n")
                .append("    iconUrl: https://iepmp.example/practice/").append(pkg).append(".png\n")
                .append("    latestVersion: ").append(latest).append('\n');
    }

    private static String substitute(String text, ChartVersion v) {
        String result = text.replace("${version}", v.version());
        for (Map.Entry<String, String> e : v.variables().entrySet()) {
            result = result.replace("${" + e.getKey() + "}", e.getValue());
        }
        return result;
    }

    private static String resource(String path) {
        try (InputStream in = PracticeCatalogFiles.class.getResourceAsStream(BASE + path)) {
            if (in == null) {
                throw new IllegalStateException("practice catalog resource missing: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
