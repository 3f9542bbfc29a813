package org.iepmp.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.iepmp.catalog.api.AuthMethod;
import org.iepmp.catalog.api.CatalogErrorCode;
import org.iepmp.catalog.api.Credentials;
import org.iepmp.catalog.api.Origin;
import org.iepmp.catalog.api.RepositoryDefinition;
import org.iepmp.catalog.api.RepositoryStatus;
import org.iepmp.catalog.api.RepositoryType;
import org.iepmp.catalog.api.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Glasskube repository served by a real local HTTP server. */
class GlasskubeHttpCatalogTest {

    @TempDir
    Path temp;

    @Test
    void cachesWithEtagsAndServesTheCacheLabelledWithItsAgeWhenOffline() throws Exception {
        Path repo = Fixtures.copy("glasskube", temp.resolve("www"));
        CatalogHarness harness;
        try (TestHttpServer server = TestHttpServer.serve(repo)) {
            harness = new CatalogHarness(temp)
                    .add(RepositoryDefinition.http("vendor", server.url(), RepositoryType.GLASSKUBE, Origin.VENDOR));
            DefaultCatalog first = harness.catalog(CatalogHarness.NOW);
            assertThat(first.refresh()).singleElement().satisfies(s -> {
                assertThat(s.state()).isEqualTo(RepositoryStatus.State.FRESH);
                assertThat(s.fetchedAt()).contains(CatalogHarness.NOW);
            });
            assertThat(server.seen()).filteredOn(s -> s.ifNoneMatch() != null).isEmpty();
            first.resolve(Optional.empty(), "app-a", Optional.empty());
            assertThat(first.manifests(first.resolve(Optional.empty(), "app-a", Optional.empty()))).hasSize(2);

            Instant later = CatalogHarness.NOW.plusSeconds(3600);
            DefaultCatalog second = harness.catalog(later);
            int before = server.seen().size();
            assertThat(second.refresh()).singleElement().satisfies(s -> {
                assertThat(s.state()).isEqualTo(RepositoryStatus.State.FRESH);
                assertThat(s.fetchedAt()).contains(later);
            });
            List<TestHttpServer.Seen> conditional = server.seen().subList(before, server.seen().size());
            assertThat(conditional).hasSize(9).allSatisfy(s -> assertThat(s.ifNoneMatch()).isNotNull());
        }
        // The server is gone: the cached catalog is shown, with the time of its last confirmation.
        DefaultCatalog offline = harness.catalog(CatalogHarness.NOW.plusSeconds(7200));
        assertThat(offline.refresh()).singleElement().satisfies(s -> {
            assertThat(s.state()).isEqualTo(RepositoryStatus.State.CACHED);
            assertThat(s.fetchedAt()).contains(CatalogHarness.NOW.plusSeconds(3600));
            assertThat(s.error()).hasValueSatisfying(e -> assertThat(e.code()).isEqualTo(CatalogErrorCode.UNREACHABLE));
        });
        assertThat(offline.packages()).hasSize(8);
        assertThat(offline.versions("lib-b")).hasSize(5);
        // package.yaml fetched once is available offline too.
        assertThat(offline.resolve(Optional.empty(), "app-a", Optional.empty()).chart().chartName()).isEqualTo("demo");

        DefaultCatalog startup = harness.catalog();
        assertThat(startup.loadCached()).singleElement()
                .satisfies(s -> assertThat(s.state()).isEqualTo(RepositoryStatus.State.CACHED));
        assertThat(Fixtures.tempFiles(harness.cache)).isEmpty();
    }

    @Test
    void oneFailingRepositoryDoesNotHideTheOthers() throws Exception {
        Path repo = Fixtures.copy("glasskube", temp.resolve("www"));
        Path broken = Files.createDirectories(temp.resolve("broken"));
        Files.writeString(broken.resolve("index.yaml"), "<html><body>Maintenance</body></html>");
        try (TestHttpServer good = TestHttpServer.serve(repo); TestHttpServer bad = TestHttpServer.serve(broken)) {
            DefaultCatalog catalog = new CatalogHarness(temp)
                    .add(RepositoryDefinition.http("bad", bad.url(), RepositoryType.GLASSKUBE, Origin.CUSTOMER))
                    .add(RepositoryDefinition.http("down", "http://127.0.0.1:1/", RepositoryType.HELM, Origin.CUSTOMER))
                    .add(RepositoryDefinition.http("good", good.url(), RepositoryType.GLASSKUBE, Origin.VENDOR))
                    .add(RepositoryDefinition.http("off", good.url(), RepositoryType.GLASSKUBE, Origin.VENDOR)
                            .withEnabled(false))
                    .catalog();
            List<RepositoryStatus> statuses = catalog.refresh();
            assertThat(statuses).extracting(RepositoryStatus::repository).containsExactly("bad", "down", "good");
            assertThat(statuses.get(0).state()).isEqualTo(RepositoryStatus.State.FAILED);
            assertThat(statuses.get(0).error().orElseThrow().code()).isEqualTo(CatalogErrorCode.NOT_YAML);
            assertThat(statuses.get(1).error().orElseThrow().code()).isEqualTo(CatalogErrorCode.UNREACHABLE);
            assertThat(statuses.get(2).state()).isEqualTo(RepositoryStatus.State.FRESH);
            assertThat(catalog.packages()).hasSize(8).allSatisfy(p -> assertThat(p.repository()).isEqualTo("good"));
            assertThat(catalog.statuses()).isEqualTo(statuses);
        }
    }

    @Test
    void sendsBasicAndBearerCredentialsAndReportsRejectedOnes() throws Exception {
        Path repo = Fixtures.copy("glasskube", temp.resolve("www"));
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.classic.Level level = root.getLevel();
        root.setLevel(ch.qos.logback.classic.Level.DEBUG);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
                new ch.qos.logback.core.read.ListAppender<>();
        logs.start();
        root.addAppender(logs);
        try (TestHttpServer server = TestHttpServer.serve(repo)) {
            String basic = "Basic " + Base64.getEncoder().encodeToString("plant:pw".getBytes(StandardCharsets.UTF_8));
            server.requireAuthorization(basic);
            RepositoryDefinition withBasic = new RepositoryDefinition("basic", server.url(), RepositoryType.GLASSKUBE,
                    Transport.HTTP, Origin.VENDOR, AuthMethod.BASIC, null, null, true);
            CatalogHarness harness = new CatalogHarness(temp).add(withBasic, Credentials.basic("plant", "pw"));
            assertThat(harness.catalog().refresh().get(0).state()).isEqualTo(RepositoryStatus.State.FRESH);

            harness.add(withBasic, Credentials.basic("plant", "wrong"));
            Path freshCache = temp.resolve("other-cache");
            DefaultCatalog wrong = new DefaultCatalog(harness.store, freshCache, harness.settings,
                    java.time.Clock.systemUTC());
            RepositoryStatus status = wrong.refresh().get(0);
            assertThat(status.state()).isEqualTo(RepositoryStatus.State.FAILED);
            assertThat(status.error().orElseThrow().code()).isEqualTo(CatalogErrorCode.FORBIDDEN);
            assertThat(status.error().orElseThrow().getMessage()).doesNotContain("wrong");
            assertThat(Fixtures.files(freshCache)).isEmpty();

            server.requireAuthorization("Bearer tok-42");
            RepositoryDefinition withToken = new RepositoryDefinition("token", server.url(), RepositoryType.GLASSKUBE,
                    Transport.HTTP, Origin.VENDOR, AuthMethod.BEARER, null, null, true);
            CatalogHarness bearer = new CatalogHarness(temp.resolve("b")).add(withToken, Credentials.bearer("tok-42"));
            assertThat(bearer.catalog().refresh().get(0).state()).isEqualTo(RepositoryStatus.State.FRESH);

            CatalogHarness none = new CatalogHarness(temp.resolve("n"))
                    .add(RepositoryDefinition.http("anon", server.url(), RepositoryType.GLASSKUBE, Origin.VENDOR));
            assertThat(none.catalog().refresh().get(0).error().orElseThrow().code())
                    .isEqualTo(CatalogErrorCode.UNAUTHORIZED);
        } finally {
            root.detachAppender(logs);
            root.setLevel(level);
        }
        // Nothing logged, at any level, carries a secret or its Base64 form.
        String basicSecret = Base64.getEncoder().encodeToString("plant:pw".getBytes(StandardCharsets.UTF_8));
        assertThat(logs.list).isNotEmpty().allSatisfy(event -> {
            String text = event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
                    : event.getThrowableProxy().getMessage());
            assertThat(text).doesNotContain("tok-42", basicSecret, ":pw", "wrong");
        });
    }

    @Test
    void neverSendsCredentialsToAnotherHost() throws Exception {
        Path repo = Fixtures.copy("glasskube", temp.resolve("www"));
        Path other = Fixtures.copy("glasskube", temp.resolve("other"));
        try (TestHttpServer main = TestHttpServer.serve(repo); TestHttpServer foreign = TestHttpServer.serve(other)) {
            // The repository redirects its index to another origin.
            main.override("/index.yaml", exchange -> {
                exchange.getResponseHeaders().add("Location", foreign.url() + "index.yaml");
                exchange.sendResponseHeaders(302, -1);
            });
            RepositoryDefinition definition = new RepositoryDefinition("r", main.url(), RepositoryType.GLASSKUBE,
                    Transport.HTTP, Origin.VENDOR, AuthMethod.BEARER, null, null, true);
            DefaultCatalog catalog = new CatalogHarness(temp).add(definition, Credentials.bearer("tok-secret")).catalog();
            assertThat(catalog.refresh().get(0).state()).isEqualTo(RepositoryStatus.State.FRESH);
            assertThat(main.seen()).allSatisfy(s -> assertThat(s.authorization()).isEqualTo("Bearer tok-secret"));
            assertThat(foreign.seen()).isNotEmpty().allSatisfy(s -> assertThat(s.authorization()).isNull());
        }
    }

    @Test
    void unknownResolveBeforeLoadIsATypedError() {
        DefaultCatalog catalog = new CatalogHarness(temp).catalog();
        assertThatThrownBy(() -> catalog.versions("x"))
                .satisfies(e -> assertThat(CatalogHarness.code(e)).isEqualTo(CatalogErrorCode.NOT_LOADED));
    }
}
