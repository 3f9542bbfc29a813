package org.iepmp.app.gui.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.iepmp.app.task.DirectTaskExecutor;
import org.iepmp.catalog.api.CatalogPackage;
import org.iepmp.catalog.api.Origin;
import org.iepmp.catalog.api.RepositoryDefinition;
import org.iepmp.catalog.api.RepositoryType;
import org.iepmp.catalog.config.FileRepositoryStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Icons come only from the repository that lists the package, within a size limit. */
class RepositoryIconsTest {

    static final byte[] SMALL = new byte[100];
    static final byte[] LARGE = new byte[5000];

    @TempDir
    Path dir;
    HttpServer server;
    final List<String> requests = new CopyOnWriteArrayList<>();
    FileRepositoryStore store;
    RepositoryIcons icons;
    String base;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI().getPath());
            byte[] body = exchange.getRequestURI().getPath().endsWith("large.png") ? LARGE : SMALL;
            if (exchange.getRequestURI().getPath().endsWith("moved.png")) {
                exchange.getResponseHeaders().add("Location", "http://elsewhere.example/icon.png");
                exchange.sendResponseHeaders(302, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        store = new FileRepositoryStore(dir.resolve("config"));
        store.save(RepositoryDefinition.http("web", base + "/repo", RepositoryType.GLASSKUBE, Origin.VENDOR), Optional.empty());
        Path folder = Files.createDirectories(dir.resolve("usb/repo/icons"));
        Files.write(folder.resolve("a.png"), SMALL);
        Files.write(dir.resolve("usb/secret.png"), SMALL);
        store.save(RepositoryDefinition.directory("usb", dir.resolve("usb/repo").toString(), RepositoryType.GLASSKUBE,
                Origin.CUSTOMER), Optional.empty());
        icons = new RepositoryIcons(store, new DirectTaskExecutor(e -> { }), Duration.ofSeconds(5), 1000);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static CatalogPackage pkg(String repository, String iconUrl) {
        return new CatalogPackage("line-monitor", repository, Origin.VENDOR, RepositoryType.GLASSKUBE, "", List.of(), iconUrl,
                null, List.of("v1.0.0+1"), "v1.0.0+1");
    }

    @Test
    void fetchesIconsTheRepositoryServesItselfRelativeOrAbsolute() throws Exception {
        assertThat(icons.fetch(pkg("web", "icons/lm.png"))).hasValueSatisfying(b -> assertThat(b).hasSize(100));
        assertThat(icons.fetch(pkg("web", base + "/other/lm.png"))).isPresent();
        assertThat(requests).containsExactly("/repo/icons/lm.png", "/other/lm.png");
        assertThat(icons.fetch(pkg("usb", "icons/a.png"))).isPresent();
    }

    @Test
    void neverContactsAHostTheRepositoryDidNotName() throws Exception {
        RepositoryDefinition web = store.find("web").orElseThrow();
        assertThat(RepositoryIcons.allowed("https://icons.example/lm.png", web)).isEmpty();
        assertThat(RepositoryIcons.allowed("http://127.0.0.1:1/lm.png", web)).as("another port is another server").isEmpty();
        assertThat(RepositoryIcons.allowed("file:///etc/passwd", web)).isEmpty();
        assertThat(RepositoryIcons.allowed("ftp://127.0.0.1/lm.png", web)).isEmpty();
        assertThat(icons.fetch(pkg("web", "https://icons.example/lm.png"))).isEmpty();
        assertThat(icons.fetch(pkg("unknown-repository", "icons/lm.png"))).isEmpty();
        assertThat(icons.fetch(pkg("web", "moved.png"))).as("redirects are not followed").isEmpty();
        assertThat(requests).containsExactly("/repo/moved.png");
    }

    @Test
    void aFolderRepositoryGivesOnlyFilesInsideIt() throws Exception {
        RepositoryDefinition usb = store.find("usb").orElseThrow();
        assertThat(RepositoryIcons.allowed("../secret.png", usb)).isEmpty();
        assertThat(RepositoryIcons.allowed(dir.resolve("usb/secret.png").toUri().toString(), usb)).isEmpty();
        assertThat(RepositoryIcons.allowed("http://127.0.0.1/icon.png", usb)).isEmpty();
        Files.createSymbolicLink(dir.resolve("usb/repo/icons/link.png"), dir.resolve("usb/secret.png"));
        assertThat(RepositoryIcons.allowed("icons/link.png", usb)).as("a link out of the repository").isEmpty();
        assertThat(RepositoryIcons.allowed("icons/a.png", usb)).isPresent();
    }

    @Test
    void refusesIconsAboveTheSizeLimit() throws Exception {
        assertThat(icons.fetch(pkg("web", "large.png"))).isEmpty();
        Files.write(dir.resolve("usb/repo/icons/large.png"), LARGE);
        assertThat(icons.fetch(pkg("usb", "icons/large.png"))).isEmpty();
    }

    @Test
    void asksOnceAndRemembersWhenThereIsNoIcon() {
        List<Object> shown = new CopyOnWriteArrayList<>();
        icons.request(pkg("web", "icons/not-an-image.png"), shown::add);
        icons.request(pkg("web", "icons/not-an-image.png"), shown::add);
        // 100 zero bytes are no image: nothing is shown (the card keeps its initial), and it is not asked again.
        assertThat(shown).isEmpty();
        assertThat(requests).containsExactly("/repo/icons/not-an-image.png");
        icons.request(pkg("web", null), shown::add);
        assertThat(requests).hasSize(1);
    }
}
