package org.iepmp.lifecycle.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * The test's own package sources, written into a temp folder: a Helm chart repository (directory)
 * with the charts, and a Glasskube repository (directory) whose packages install those charts and
 * declare dependencies. {@code line-app} 2.0.0 runs an image the practice cluster makes crash.
 */
final class PlantRepository {

    static final String BROKEN_IMAGE = "plant/line-app:2.0.0-broken";

    final Path charts;
    final Path glasskube;

    private PlantRepository(Path charts, Path glasskube) {
        this.charts = charts;
        this.glasskube = glasskube;
    }

    /** Repositories written elsewhere (the practice catalog). */
    static PlantRepository of(Path charts, Path glasskube) {
        return new PlantRepository(charts, glasskube);
    }

    static PlantRepository write(Path dir) throws IOException {
        Path charts = Files.createDirectories(dir.resolve("charts"));
        Path glasskube = Files.createDirectories(dir.resolve("glasskube"));
        Map<String, byte[]> archives = new LinkedHashMap<>();
        archives.put("plc-db-1.0.0.tgz", chart("plc-db", "1.0.0", "plant/plc-db:1.0.0", "50m", false));
        archives.put("line-app-1.0.0.tgz", chart("line-app", "1.0.0", "plant/line-app:1.0.0", "100m", false));
        archives.put("line-app-1.1.0.tgz", chart("line-app", "1.1.0", "plant/line-app:1.1.0", "100m", true));
        archives.put("line-app-2.0.0.tgz", chart("line-app", "2.0.0", BROKEN_IMAGE, "100m", true));
        archives.put("hog-1.0.0.tgz", chart("hog", "1.0.0", "plant/hog:1.0.0", "64", false));
        StringBuilder index = new StringBuilder("apiVersion: v1\nentries:\n");
        String lastChart = "";
        for (Map.Entry<String, byte[]> archive : archives.entrySet()) {
            Files.write(charts.resolve(archive.getKey()), archive.getValue());
            String file = archive.getKey();
            String name = file.substring(0, file.lastIndexOf('-'));
            String version = file.substring(file.lastIndexOf('-') + 1, file.length() - ".tgz".length());
            if (!name.equals(lastChart)) {
                index.append("  ").append(name).append(":\n");
                lastChart = name;
            }
            index.append("  - apiVersion: v2\n    name: ").append(name).append("\n    version: ").append(version)
                    .append("\n    digest: ").append(sha256(archive.getValue())).append("\n    urls:\n    - ").append(file).append('\n');
        }
        Files.writeString(charts.resolve("index.yaml"), index.toString());

        Files.writeString(glasskube.resolve("index.yaml"), """
                packages:
                  - name: line-app
                    shortDescription: Line controller
                    latestVersion: 2.0.0
                  - name: plc-db
                    shortDescription: PLC tag database
                    latestVersion: 1.0.0
                  - name: hog
                    shortDescription: Needs more than an IPC has
                    latestVersion: 1.0.0
                  - name: plant-dashboard-config
                    shortDescription: Shop-floor dashboard (plain manifests)
                    latestVersion: 2.0.0
                  - name: mixed-bag
                    shortDescription: A chart and manifests in one version
                    latestVersion: 1.0.0
                  - name: dashboard-addon
                    shortDescription: Extra panels; needs the dashboard
                    latestVersion: 1.0.0
                """);
        dashboard(glasskube);
        Path addon = Files.createDirectories(glasskube.resolve("dashboard-addon").resolve("1.0.0"));
        Files.writeString(addon.resolve("panels.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: addon-panels\ndata:\n  a: b\n");
        Files.writeString(addon.resolve("package.yaml"), "name: dashboard-addon\nshortDescription: addon\nmanifests:\n  - url: panels.yaml\n"
                + "dependencies:\n  - name: " + DASHBOARD + "\n    version: \">=1.0.0 <2\"\n");
        Files.writeString(glasskube.resolve("dashboard-addon").resolve("versions.yaml"), "latestVersion: 1.0.0\nversions:\n  - version: 1.0.0\n");
        Path mixed = Files.createDirectories(glasskube.resolve("mixed-bag").resolve("1.0.0"));
        Files.writeString(mixed.resolve("extra.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\ndata:\n  a: b\n");
        Files.writeString(mixed.resolve("package.yaml"), "name: mixed-bag\nshortDescription: mixed\nhelm:\n  repositoryUrl: " + charts
                + "\n  chartName: plc-db\n  chartVersion: 1.0.0\nmanifests:\n  - url: extra.yaml\n");
        Files.writeString(glasskube.resolve("mixed-bag").resolve("versions.yaml"), "latestVersion: 1.0.0\nversions:\n  - version: 1.0.0\n");
        pkg(glasskube, charts, "plc-db", List.of("1.0.0"), "");
        pkg(glasskube, charts, "hog", List.of("1.0.0"), "");
        pkg(glasskube, charts, "line-app", List.of("1.0.0", "1.1.0", "2.0.0"), """
                dependencies:
                  - name: plc-db
                    version: ">=1.0.0 <2"
                valueDefinitions:
                  adminPassword:
                    type: text
                    metadata:
                      secret: true
                    targets:
                      - chartName: line-app
                        patch:
                          op: add
                          path: /adminPassword
                """);
        return new PlantRepository(charts, glasskube);
    }

    static final String DASHBOARD = "plant-dashboard-config";

    /**
     * A plain-manifest package: a ConfigMap, a Secret and a Deployment; 1.1.0 adds a Service, 2.0.0
     * adds a second ConfigMap and runs an image the practice cluster makes crash. Its values patch
     * the ConfigMap (refresh, through a value template) and the Secret (a secret value).
     */
    private static void dashboard(Path glasskube) throws IOException {
        Map<String, String> images = Map.of("1.0.0", "plant/dashboard:1.0.0", "1.1.0", "plant/dashboard:1.1.0", "2.0.0",
                "plant/dashboard:2.0.0-broken");
        StringBuilder list = new StringBuilder("latestVersion: 2.0.0\nversions:\n");
        for (String version : List.of("1.0.0", "1.1.0", "2.0.0")) {
            list.append("  - version: ").append(version).append('\n');
            Path dir = Files.createDirectories(glasskube.resolve(DASHBOARD).resolve(version));
            StringBuilder manifest = new StringBuilder("""
                    apiVersion: v1
                    kind: ConfigMap
                    metadata:
                      name: dashboard-config
                    data:
                      title: Line 3
                      refresh: "5"
                    ---
                    apiVersion: v1
                    kind: Secret
                    metadata:
                      name: dashboard-viewer
                    stringData:
                      password: ""
                    ---
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata:
                      name: dashboard
                    spec:
                      replicas: 1
                      selector:
                        matchLabels:
                          app: dashboard
                      template:
                        metadata:
                          labels:
                            app: dashboard
                        spec:
                          containers:
                          - name: web
                            image: IMAGE
                            resources:
                              requests:
                                cpu: 50m
                                memory: 32Mi
                    """.replace("IMAGE", images.get(version)));
            if (!version.equals("1.0.0")) {
                manifest.append("---\napiVersion: v1\nkind: Service\nmetadata:\n  name: dashboard\nspec:\n  selector:\n"
                        + "    app: dashboard\n  ports:\n  - port: 8080\n");
            }
            if (version.equals("2.0.0")) {
                manifest.append("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dashboard-extra\ndata:\n  panels: \"12\"\n");
            }
            Files.writeString(dir.resolve("dashboard.yaml"), manifest.toString());
            Files.writeString(dir.resolve("package.yaml"), """
                    name: plant-dashboard-config
                    shortDescription: Shop-floor dashboard
                    manifests:
                      - url: dashboard.yaml
                    valueDefinitions:
                      refreshSeconds:
                        type: number
                        defaultValue: "5"
                        targets:
                          - resource:
                              apiGroup: v1
                              kind: ConfigMap
                              name: dashboard-config
                            valueTemplate: '"{{ . }}"'
                            patch:
                              op: add
                              path: /data/refresh
                      viewerPassword:
                        type: text
                        metadata:
                          secret: true
                        targets:
                          - resource:
                              apiGroup: v1
                              kind: Secret
                              name: dashboard-viewer
                            patch:
                              op: add
                              path: /stringData/password
                    """);
        }
        Files.writeString(glasskube.resolve(DASHBOARD).resolve("versions.yaml"), list.toString());
    }

    private static void pkg(Path glasskube, Path charts, String name, List<String> versions, String extra) throws IOException {
        StringBuilder list = new StringBuilder("latestVersion: " + versions.get(versions.size() - 1) + "\nversions:\n");
        for (String version : versions) {
            list.append("  - version: ").append(version).append('\n');
            Path dir = Files.createDirectories(glasskube.resolve(name).resolve(version));
            Files.writeString(dir.resolve("package.yaml"), "name: " + name + "\nshortDescription: " + name + "\n"
                    + "helm:\n  repositoryUrl: " + charts + "\n  chartName: " + name + "\n  chartVersion: " + version + "\n"
                    + "  values:\n    site: plant-3\n" + extra);
        }
        Files.writeString(glasskube.resolve(name).resolve("versions.yaml"), list.toString());
    }

    /** A chart with a Deployment (the image), a ConfigMap, a Secret from {@code adminPassword}, and in newer versions a Service. */
    static byte[] chart(String name, String version, String image, String cpu, boolean withService) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("Chart.yaml", "apiVersion: v2\nname: " + name + "\nversion: " + version + "\nappVersion: \"" + version + "\"\n");
        files.put("values.yaml", "replicaCount: 1\ngreeting: hello\nadminPassword: \"\"\n");
        String labels = "    app.kubernetes.io/instance: {{ .Release.Name }}\n    app.kubernetes.io/name: " + name + "\n";
        files.put("templates/deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}-web\n"
                + "  labels:\n" + labels + "spec:\n  replicas: {{ .Values.replicaCount }}\n  selector:\n    matchLabels:\n"
                + "      app.kubernetes.io/instance: {{ .Release.Name }}\n  template:\n    metadata:\n      labels:\n"
                + labels.replace("    ", "        ") + "    spec:\n      containers:\n      - name: web\n        image: " + image + "\n"
                + "        resources:\n          requests:\n            cpu: \"" + cpu + "\"\n            memory: 64Mi\n");
        files.put("templates/configmap.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-config\n"
                + "  labels:\n" + labels + "data:\n  greeting: {{ .Values.greeting | quote }}\n  site: {{ .Values.site | default \"none\" | quote }}\n");
        files.put("templates/secret.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: {{ .Release.Name }}-admin\n"
                + "  labels:\n" + labels + "stringData:\n  password: {{ .Values.adminPassword | quote }}\n");
        if (withService) {
            files.put("templates/service.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}-web\n"
                    + "  labels:\n" + labels + "spec:\n  selector:\n    app.kubernetes.io/instance: {{ .Release.Name }}\n"
                    + "  ports:\n  - port: 8080\n");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gzip = new GzipCompressorOutputStream(bytes); TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(name + "/" + file.getKey());
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
