package org.iepmp.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.iepmp.lifecycle.api.Actor;
import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.OperationOutcome;
import org.iepmp.lifecycle.api.OperationRecord;
import org.iepmp.lifecycle.api.Reason;
import org.iepmp.support.api.BundleCluster;
import org.iepmp.support.api.BundleNode;
import org.iepmp.support.api.BundleRelease;
import org.iepmp.support.api.BundleRepository;
import org.iepmp.support.api.BundleWorkload;
import org.iepmp.support.api.SupportBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bundle with secrets planted everywhere they could leak from: none of them survives into the zip. */
class SupportBundleTest {

    private static final String REPO_PASSWORD = "Vendor-Repo-Pa55!";
    private static final String REPO_TOKEN = "glpat-9f8e7d6c5b4a3";
    private static final String KUBE_TOKEN = "kube-token-3d8f1c2b9a";
    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06YWRtaW4ifQ.c2lnbmF0dXJlLXNpZ25lZA";
    private static final String PLANTED_IN_LOG = "s3cr3t-from-log";

    @TempDir
    Path dir;

    @Test
    void plantedSecretsNeverReachTheBundle() throws IOException {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.writeString(logs.resolve("iepmp.log"), String.join("\n",
                "10:00 INFO connecting with Authorization: Bearer " + KUBE_TOKEN,
                "10:01 WARN retry password=" + PLANTED_IN_LOG,
                "10:02 DEBUG token: " + JWT,
                "10:03 INFO client-key-data: LS0tLS1CRUdJTiBFQyBQUklWQVRFIEtFWS0tLS0t",
                "-----BEGIN EC PRIVATE KEY-----", "MHcCAQEEIBx", "-----END EC PRIVATE KEY-----",
                "10:04 INFO fetched repository with " + REPO_PASSWORD + " (should never be logged, but was)",
                "10:05 INFO all good"));
        List<BundleRepository> repositories = List.of(new BundleRepository("vendor", "GLASSKUBE", "HTTP",
                "https://packages.vendor.example", "VENDOR", "BASIC", null, true));
        Instant now = Instant.parse("2026-11-21T10:00:00Z");
        List<OperationRecord> history = List.of(new OperationRecord(1, "cluster-1", new Actor("operator", null),
                new Reason("token=" + REPO_TOKEN + " rotated", null), OperationAction.UPGRADE, "line-monitor", "line-monitor",
                "line", "vendor", "1.0.0", "1.1.0", null, "{\"password\":\"******#ab12\",\"plc\":\"10.0.0.5\"}",
                "upgrade line-monitor", List.of(), OperationOutcome.SUCCEEDED, null, null, now, now.plusSeconds(30), null));
        BundleCluster facts = new BundleCluster("v1.31.4", "linux/amd64", "uid-1", Optional.of(Duration.ofMillis(300)),
                List.of(new BundleNode("ipc-01", true, "", "v1.31.4", "Ubuntu", 4000, 3800, 8L << 30, 7L << 30,
                        false, false)));
        BundleRelease.Health health = new BundleRelease.Health(List.of(new BundleWorkload(
                "WorkloadRef[kind=Deployment, namespace=line, name=line-monitor]", 0, 1, "CRASHING",
                List.of("Deployment line-monitor", "app", "5", "1"),
                List.of("connecting to broker with password=" + PLANTED_IN_LOG, "panic: no PLC"))), List.of());
        List<BundleRelease> releases = List.of(new BundleRelease("line", "line-monitor", "line-monitor", "1.1.0", 3,
                "DEPLOYED", Optional.of(health)));

        SupportBundle bundle = new SupportBundleBuilder(List.of(REPO_PASSWORD, REPO_TOKEN, KUBE_TOKEN))
                .build("0.1.0", "language=zh-TW\nzoomPercent=150\n", repositories, history, Optional.of(facts), releases,
                        java.util.Map.of("line-monitor-abc", List.of("starting", "login token=" + KUBE_TOKEN, "ready")),
                        logs, now);
        assertThat(bundle.entries()).extracting(SupportBundle.Entry::name)
                .containsExactly("application.txt", "repositories.txt", "history.txt", "cluster-facts.txt", "releases.txt",
                        "pod-logs.txt", "app-log.txt");
        assertThat(bundle.manifest()).contains("releases.txt").contains("bytes");

        Path zip = dir.resolve("bundle.zip");
        bundle.writeZip(zip);
        String everything = unzip(zip);
        assertThat(everything).contains("MANIFEST.txt").contains("panic: no PLC").contains("ipc-01 Ready")
                .contains("sign-in BASIC").contains("10:05 INFO all good").contains("CRASHING")
                .contains(Redactor.REDACTED);
        for (String secret : List.of(REPO_PASSWORD, REPO_TOKEN, KUBE_TOKEN, JWT, PLANTED_IN_LOG, "MHcCAQEEIBx",
                "LS0tLS1CRUdJTiBFQyBQUklWQVRFIEtFWS0tLS0t")) {
            assertThat(everything).as("secret %s", secret).doesNotContain(secret);
        }
        assertThat(dir).isDirectoryNotContaining("glob:**.part");
    }

    private static String unzip(Path zip) throws IOException {
        StringBuilder all = new StringBuilder();
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
                all.append("== ").append(entry.getName()).append('\n')
                        .append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            }
        }
        return names + "\n" + all;
    }
}
