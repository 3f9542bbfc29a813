package org.iepmp.app.cli;

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
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * A Glasskube package {@code tmpl} over a podinfo-like chart {@code podinfo-lite}: its settings are
 * {@code msg} (template {@code "pre-{{.}}-post"} into {@code ui.message}), {@code twice} (two targets,
 * one plain, one templated), {@code maybe} (Glasskube's {@code {{if .}}"{{.}}"{{else}}null{{end}}} form)
 * and {@code replicas} (a number made JSON by {@code {{.}}}, default 1). The chart writes
 * {@code ui.message} into the env PODINFO_UI_MESSAGE, as podinfo does.
 */
final class TemplatedPackageFixture {

    final Path glasskube;
    final Path charts;

    private TemplatedPackageFixture(Path glasskube, Path charts) {
        this.glasskube = glasskube;
        this.charts = charts;
    }

    static TemplatedPackageFixture writeTo(Path dir) throws IOException {
        Path charts = Files.createDirectories(dir.resolve("charts"));
        byte[] archive = chart();
        Files.write(charts.resolve("podinfo-lite-6.0.0.tgz"), archive);
        Files.writeString(charts.resolve("index.yaml"), "apiVersion: v1\nentries:\n  podinfo-lite:\n  - apiVersion: v2\n"
                + "    name: podinfo-lite\n    version: 6.0.0\n    digest: " + sha256(archive) + "\n    urls:\n    - podinfo-lite-6.0.0.tgz\n");
        Path glasskube = Files.createDirectories(dir.resolve("glasskube"));
        Files.writeString(glasskube.resolve("index.yaml"), "packages:\n  - name: tmpl\n    shortDescription: podinfo with templated settings\n"
                + "    latestVersion: 1.0.0\n");
        Path version = Files.createDirectories(glasskube.resolve("tmpl").resolve("1.0.0"));
        Files.writeString(glasskube.resolve("tmpl").resolve("versions.yaml"), "latestVersion: 1.0.0\nversions:\n  - version: 1.0.0\n");
        Files.writeString(version.resolve("package.yaml"), """
                name: tmpl
                shortDescription: podinfo with templated settings
                defaultNamespace: tmpl
                helm:
                  repositoryUrl: %s
                  chartName: podinfo-lite
                  chartVersion: 6.0.0
                  values:
                    ui: {}
                    twice: {}
                valueDefinitions:
                  msg:
                    type: text
                    metadata:
                      label: Message on the start page
                    constraints:
                      maxLength: 40
                    targets:
                      - chartName: podinfo-lite
                        valueTemplate: '"pre-{{.}}-post"'
                        patch:
                          op: add
                          path: /ui/message
                  twice:
                    type: text
                    targets:
                      - chartName: podinfo-lite
                        patch:
                          op: add
                          path: /twice/first
                      - chartName: podinfo-lite
                        valueTemplate: '"{{ . }}-2"'
                        patch:
                          op: add
                          path: /twice/second
                  maybe:
                    type: text
                    defaultValue: "kept"
                    targets:
                      - chartName: podinfo-lite
                        valueTemplate: '{{if .}}"{{.}}"{{else}}null{{end}}'
                        patch:
                          op: add
                          path: /maybe
                  replicas:
                    type: number
                    defaultValue: "1"
                    constraints:
                      min: 1
                      max: 3
                    targets:
                      - chartName: podinfo-lite
                        valueTemplate: "{{.}}"
                        patch:
                          op: add
                          path: /replicaCount
                """.formatted(charts.toUri()));
        return new TemplatedPackageFixture(glasskube, charts);
    }

    private static byte[] chart() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("Chart.yaml", "apiVersion: v2\nname: podinfo-lite\nversion: 6.0.0\nappVersion: \"6.0.0\"\n");
        files.put("values.yaml", "replicaCount: 1\nui:\n  color: \"#34577c\"\n  message: \"\"\ntwice:\n  first: \"\"\n  second: \"\"\n"
                + "maybe: null\n");
        files.put("templates/deployment.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: {{ .Release.Name }}
                  labels:
                    app.kubernetes.io/name: {{ .Release.Name }}
                spec:
                  replicas: {{ .Values.replicaCount }}
                  selector:
                    matchLabels:
                      app.kubernetes.io/name: {{ .Release.Name }}
                  template:
                    metadata:
                      labels:
                        app.kubernetes.io/name: {{ .Release.Name }}
                    spec:
                      containers:
                      - name: podinfod
                        image: ghcr.io/stefanprodan/podinfo:6.0.0
                        env:
                        - name: PODINFO_UI_MESSAGE
                          value: {{ .Values.ui.message | quote }}
                        - name: PODINFO_UI_COLOR
                          value: {{ .Values.ui.color | quote }}
                        - name: TWICE_FIRST
                          value: {{ .Values.twice.first | quote }}
                        - name: TWICE_SECOND
                          value: {{ .Values.twice.second | quote }}
                        - name: MAYBE
                          value: {{ .Values.maybe | default "absent" | quote }}
                        resources:
                          requests:
                            cpu: 10m
                            memory: 16Mi
                """);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gzip = new GzipCompressorOutputStream(bytes); TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry("podinfo-lite/" + file.getKey());
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
