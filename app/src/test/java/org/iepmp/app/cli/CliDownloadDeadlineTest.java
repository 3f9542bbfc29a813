package org.iepmp.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The download deadline the user sets, on the command line or in the settings file, is the one the catalog keeps: a
 * Helm repository that trickles a valid index over about six seconds is given up under a two-second deadline and
 * read in full under the default one. No wall-clock assertion: the outcome differs, not the time taken.
 */
class CliDownloadDeadlineTest {

    private static final String INDEX_HEAD = "apiVersion: v1\n";

    @TempDir
    Path dir;

    private HttpServer server;
    private ExecutorService threads;
    private CliHarness cli;

    @BeforeEach
    void tricklingRepository() throws IOException {
        threads = Executors.newCachedThreadPool();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/index.yaml", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(INDEX_HEAD.getBytes(StandardCharsets.UTF_8));
                for (int i = 0; i < 30; i++) {
                    out.write("# still coming\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    Thread.sleep(200);
                }
                out.write("entries: {}\n".getBytes(StandardCharsets.UTF_8));
            } catch (InterruptedException | IOException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
        cli = new CliHarness(dir);
    }

    @AfterEach
    void stop() {
        server.stop(0);
        threads.shutdownNow();
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @Test
    void theOptionShortensTheDeadline() throws IOException {
        JsonNode status = added(cli.run("repo", "add", "slow", url(), "--type", "helm", "--download-deadline", "2",
                "-o", "json"));
        assertThat(status.get("state").asText()).isEqualTo("failed");
        assertThat(status.get("error").get("code").asText()).isEqualTo("TIMEOUT");
    }

    @Test
    void theSettingsFileShortensTheDeadlineAndTheDefaultWaitsLonger() throws IOException {
        assertThat(added(cli.run("repo", "add", "patient", url(), "--type", "helm", "-o", "json")).get("state").asText())
                .as("the default deadline (30 s) outlasts the six-second trickle").isEqualTo("fresh");
        Path settings = dir.resolve("iepmp/config/settings.properties");
        Files.createDirectories(settings.getParent());
        Files.writeString(settings, "downloadDeadlineSeconds=2\n");
        JsonNode status = added(cli.run("repo", "add", "slow", url(), "--type", "helm", "-o", "json"));
        assertThat(status.get("error").get("code").asText()).isEqualTo("TIMEOUT");
    }

    @Test
    void anOutOfRangeDeadlineIsRefused() throws IOException {
        CliHarness.Run run = cli.run("repo", "list", "--download-deadline", "0", "-o", "json");
        assertThat(run.exit()).as(run.toString()).isEqualTo(2);
        JsonNode error = new ObjectMapper().readTree(run.out()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("cli.option.downloadDeadline.range");
        assertThat(error.get("message").asText()).contains("0", "2", "600");
    }

    private static JsonNode added(CliHarness.Run run) throws IOException {
        assertThat(run.exit()).as(run.toString()).isZero();
        return new ObjectMapper().readTree(run.out()).get("status");
    }
}
