package org.iepmp.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.iepmp.catalog.api.AuthMethod;
import org.iepmp.catalog.api.CatalogErrorCode;
import org.iepmp.catalog.api.Origin;
import org.iepmp.catalog.api.RepositoryDefinition;
import org.iepmp.catalog.api.RepositoryStatus;
import org.iepmp.catalog.api.RepositoryType;
import org.iepmp.catalog.api.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Glasskube repository in a local Git repository, cloned by JGit. */
class GitRepositoryCatalogTest {

    @TempDir
    Path temp;

    @org.junit.jupiter.api.BeforeAll
    static void measureFileTimestampsInTheBackground() {
        // JGit otherwise measures the file system's timestamp resolution on first use, which
        // takes seconds on some file systems; the answer does not matter for these tests.
        org.eclipse.jgit.util.FS.FileStoreAttributes.setBackground(true);
    }

    private static RepositoryDefinition git(String name, Path origin, String ref) {
        return new RepositoryDefinition(name, origin.toUri().toString(), RepositoryType.GLASSKUBE, Transport.GIT,
                Origin.CUSTOMER, AuthMethod.NONE, null, ref, true);
    }

    @Test
    void clonesABranchFollowsItAndKeepsATagPinned() throws Exception {
        Path origin = Fixtures.copy("glasskube", temp.resolve("origin"));
        try (Git repo = Git.init().setDirectory(origin.toFile()).setInitialBranch("main").call()) {
            repo.add().addFilepattern(".").call();
            repo.commit().setMessage("first").setAuthor("t", "t@example.invalid").setSign(false).call();
            repo.tag().setName("release-1").setAnnotated(true).setMessage("r1").setSigned(false).call();

            CatalogHarness harness = new CatalogHarness(temp.resolve("h"))
                    .add(git("main", origin, "main"))
                    .add(git("pinned", origin, "release-1"));
            DefaultCatalog catalog = harness.catalog();
            assertThat(catalog.refresh()).allSatisfy(s -> {
                assertThat(s.state()).isEqualTo(RepositoryStatus.State.FRESH);
                assertThat(s.packageCount()).isEqualTo(8);
            });
            assertThat(catalog.manifests(catalog.resolve(Optional.of("main"), "edge-gateway", Optional.empty())))
                    .singleElement().asString().contains("gateway");

            // A new package version on the branch.
            Path versions = origin.resolve("edge-gateway/versions.yaml");
            Files.writeString(versions, Files.readString(versions) + "  - version: v0.9.1+1\n");
            Path newVersion = Files.createDirectories(origin.resolve("edge-gateway/v0.9.1+1"));
            Files.copy(origin.resolve("edge-gateway/v0.9.0+1/package.yaml"), newVersion.resolve("package.yaml"));
            Files.copy(origin.resolve("edge-gateway/v0.9.0+1/gateway.yaml"), newVersion.resolve("gateway.yaml"));
            repo.add().addFilepattern(".").call();
            repo.commit().setMessage("second").setAuthor("t", "t@example.invalid").setSign(false).call();

            DefaultCatalog second = harness.catalog();
            second.refresh();
            assertThat(second.versions("edge-gateway")).containsExactly("v0.9.1+1", "v0.9.0+1");
            assertThat(second.resolve(Optional.of("pinned"), "edge-gateway", Optional.empty()).version())
                    .isEqualTo("v0.9.0+1");
            assertThat(second.packages().stream().filter(p -> p.repository().equals("pinned")
                    && p.name().equals("edge-gateway")).findFirst().orElseThrow().versions()).containsExactly("v0.9.0+1");

            // A broken commit does not replace the good checkout.
            Files.writeString(origin.resolve("index.yaml"), "packages: [");
            repo.add().addFilepattern(".").call();
            repo.commit().setMessage("broken").setAuthor("t", "t@example.invalid").setSign(false).call();
            DefaultCatalog third = harness.catalog();
            RepositoryStatus status = third.refresh().get(0);
            assertThat(status.state()).isEqualTo(RepositoryStatus.State.CACHED);
            assertThat(status.error().orElseThrow().code()).isEqualTo(CatalogErrorCode.MALFORMED_YAML);
            assertThat(third.versions("edge-gateway")).containsExactly("v0.9.1+1", "v0.9.0+1");
        }

        // The remote is gone: the last clone is served, and loadCached works without any remote.
        deleteTree(origin);
        CatalogHarness harness = new CatalogHarness(temp.resolve("h"));
        DefaultCatalog offline = harness.catalog();
        assertThat(offline.refresh()).allSatisfy(s -> {
            assertThat(s.state()).isEqualTo(RepositoryStatus.State.CACHED);
            assertThat(s.error()).isPresent();
        });
        assertThat(offline.loadCached()).allSatisfy(s -> assertThat(s.state()).isEqualTo(RepositoryStatus.State.CACHED));
        try (Stream<Path> leftovers = Files.list(harness.cache.resolve("main/git"))) {
            assertThat(leftovers.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("checkout",
                    "state.properties");
        }
    }

    @Test
    void anUnknownRefOrRepositoryIsATypedError() throws Exception {
        Path origin = Fixtures.copy("glasskube", temp.resolve("origin"));
        try (Git repo = Git.init().setDirectory(origin.toFile()).setInitialBranch("main").call()) {
            repo.add().addFilepattern(".").call();
            repo.commit().setMessage("first").setAuthor("t", "t@example.invalid").setSign(false).call();
        }
        DefaultCatalog catalog = new CatalogHarness(temp.resolve("h"))
                .add(git("noref", origin, "does-not-exist"))
                .add(git("norepo", temp.resolve("nothing-here"), null))
                .catalog();
        assertThat(catalog.refresh()).allSatisfy(s -> {
            assertThat(s.state()).isEqualTo(RepositoryStatus.State.FAILED);
            assertThat(s.error().orElseThrow().code()).isEqualTo(CatalogErrorCode.NOT_FOUND);
        });
    }

    private static void deleteTree(Path root) throws Exception {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
