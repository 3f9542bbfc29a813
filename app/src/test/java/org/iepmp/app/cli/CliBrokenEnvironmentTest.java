package org.iepmp.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iepmp.practice.SelfSignedCertificates;
import org.iepmp.practice.api.PracticeCatalog;
import org.iepmp.practice.api.PracticeCluster;
import org.iepmp.practice.api.PracticeOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broken environment around a working console, on the practice cluster: a kubeconfig whose CA is not the
 * cluster's, a corrupt history database, a read-only data folder. Each case checks the exit code, the message key,
 * that nothing was deployed, and that the earlier release and its history are intact.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliBrokenEnvironmentTest {

    @TempDir
    static Path dir;

    private static PracticeCluster cluster;
    private static CliHarness cli;
    private static String kubeconfig;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void installOneRelease() throws Exception {
        cluster = PracticeCluster.start(PracticeOptions.defaults().withTls(SelfSignedCertificates.generate())
                .withKubeconfig(dir.resolve("kubeconfig.yaml"))
                .withReadinessDelay(Duration.ofMillis(150)));
        kubeconfig = cluster.kubeconfig().toString();
        PracticeCatalog.Layout catalog = PracticeCatalog.create().writeTo(dir.resolve("practice-catalog"));
        cli = new CliHarness(dir);
        CliHarness.Run added = cli.run("repo", "add", "practice", catalog.glasskubeRepository().toString(), "--type",
                "glasskube", "--origin", "vendor");
        assertThat(added.exit()).as(added.toString()).isZero();
        CliHarness.Run install = cli.run("install", "line-monitor", "--version", "1.0.0", "--yes", "--kubeconfig", kubeconfig);
        assertThat(install.exit()).as(install.toString()).isZero();
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static JsonNode error(CliHarness.Run run, int exit) throws Exception {
        assertThat(run.exit()).as(run.toString()).isEqualTo(exit);
        assertThat(run.err()).doesNotContain("\tat ", "Exception:");
        return JSON.readTree(run.out()).get("error");
    }

    private static JsonNode history() throws Exception {
        CliHarness.Run run = cli.run("history", "-o", "json");
        assertThat(run.exit()).as(run.toString()).isZero();
        return JSON.readTree(run.out());
    }

    /** The release installed first is still there, at its first version, and the history still has its rows. */
    private static void earlierStateIntact(int historyRows) throws Exception {
        CliHarness.Run list = cli.run("list", "-o", "json", "--kubeconfig", kubeconfig);
        assertThat(list.exit()).as(list.toString()).isZero();
        JsonNode releases = JSON.readTree(list.out());
        assertThat(releases.findValuesAsText("release")).contains("line-monitor", "mqtt-broker");
        assertThat(releases.get(0).get("version").asText()).as("nothing deployed").contains("1.0.0");
        assertThat(history()).hasSize(historyRows);
    }

    @Test
    @Order(2)
    void aKubeconfigWhoseCaIsNotTheClustersIsRefusedAndNothingIsDeployed() throws Exception {
        int rows = history().size();
        Path other = dir.resolve("other-ca");
        Files.createDirectories(other);
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                "ec_paramgen_curve:prime256v1", "-nodes", "-days", "30", "-subj", "/CN=not-the-cluster-ca",
                "-keyout", other.resolve("ca.key").toString(), "-out", other.resolve("ca.crt").toString())
                .redirectErrorStream(true).start();
        assertThat(openssl.waitFor()).isZero();
        String pem = Files.readString(other.resolve("ca.crt"));
        String data = java.util.Base64.getEncoder().encodeToString(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        String original = Files.readString(cluster.kubeconfig());
        Matcher ca = Pattern.compile("certificate-authority-data: \\S+").matcher(original);
        assertThat(ca.find()).as("the practice kubeconfig carries its CA").isTrue();
        Path wrong = Files.writeString(dir.resolve("wrong-ca.yaml"),
                ca.replaceFirst(Matcher.quoteReplacement("certificate-authority-data: " + data)));

        JsonNode refused = error(cli.run("upgrade", "line-monitor", "--version", "1.1.0", "--yes", "-o", "json",
                "--kubeconfig", wrong.toString()), 1);
        assertThat(refused.get("code").asText()).isEqualTo("kube.CERTIFICATE_UNTRUSTED");
        earlierStateIntact(rows);
    }

    @Test
    @Order(3)
    void aKubeconfigWithAnExpiredClientCertificateSaysExpiredWithItsDateAndNothingIsDeployed() throws Exception {
        int rows = history().size();
        String original = Files.readString(cluster.kubeconfig());
        Path expired = Files.writeString(dir.resolve("expired-client.yaml"), original.replaceFirst("(?m)^(\\s+)token: .*$",
                "$1client-certificate-data: " + expiredCertificate() + "\n$1client-key-data: "
                        + java.util.Base64.getEncoder().encodeToString("unused".getBytes())));
        assertThat(Files.readString(expired)).contains("client-certificate-data");

        JsonNode refused = error(cli.run("upgrade", "line-monitor", "--version", "1.1.0", "--yes", "-o", "json",
                "--kubeconfig", expired.toString()), 1);
        assertThat(refused.get("code").asText()).isEqualTo("kube.CLIENT_CERTIFICATE_EXPIRED");
        assertThat(refused.get("message").asText()).contains(expired.toString(), "expired");
        earlierStateIntact(rows);
    }

    /** A client certificate that ran out yesterday, base64 PEM as a kubeconfig carries it. */
    private static String expiredCertificate() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        java.security.KeyPair keys = generator.generateKeyPair();
        java.time.Instant now = java.time.Instant.now();
        org.bouncycastle.asn1.x500.X500Name name = new org.bouncycastle.asn1.x500.X500Name("CN=technician");
        org.bouncycastle.cert.X509CertificateHolder holder = new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(
                name, java.math.BigInteger.ONE, java.util.Date.from(now.minus(Duration.ofDays(30))),
                java.util.Date.from(now.minus(Duration.ofDays(1))), name, keys.getPublic())
                .build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(holder.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        return java.util.Base64.getEncoder().encodeToString(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    @Order(4)
    void aReadOnlyDataFolderIsNamedAndNothingIsDeployed() throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")), "file permissions do not bind root");
        int rows = history().size();
        Path data = dir.resolve("iepmp/data");
        Set<java.nio.file.attribute.PosixFilePermission> before = Files.getPosixFilePermissions(data);
        Files.setPosixFilePermissions(data, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            CliHarness.Run run = cli.run("upgrade", "line-monitor", "--version", "1.1.0", "--yes", "-o", "json",
                    "--kubeconfig", kubeconfig);
            JsonNode refused = error(run, 1);
            assertThat(refused.get("message").asText()).contains(data.toString());
        } finally {
            Files.setPosixFilePermissions(data, before);
        }
        earlierStateIntact(rows);
    }

    @Test
    @Order(1)
    void aCorruptHistoryDatabaseIsNamedKeptAsideAndNothingIsDeployed() throws Exception {
        Path database = dir.resolve("iepmp/data/history.db");
        int rows = history().size();
        byte[] intact = Files.readAllBytes(database);
        byte[] broken = intact.clone();
        for (int i = 100; i < Math.min(broken.length, 8192); i++) {
            broken[i] = (byte) 0xA5;
        }
        Files.write(database, broken);
        try {
            CliHarness.Run run = cli.run("upgrade", "line-monitor", "--version", "1.1.0", "--yes", "-o", "json",
                    "--kubeconfig", kubeconfig);
            JsonNode refused = error(run, 1);
            assertThat(refused.get("code").asText()).isEqualTo("lifecycle.HISTORY_CORRUPT");
            assertThat(refused.get("message").asText()).contains(database.toString());
            assertThat(Files.readAllBytes(database)).as("the broken file is not overwritten").isEqualTo(broken);
        } finally {
            Files.write(database, intact);
        }
        earlierStateIntact(rows);
    }
}
