package org.iepmp.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.iepmp.catalog.api.CatalogErrorCode;
import org.iepmp.catalog.api.CatalogException;
import org.iepmp.catalog.api.InstallPlan;
import org.iepmp.catalog.api.Origin;
import org.iepmp.catalog.api.RepositoryDefinition;
import org.iepmp.catalog.api.RepositoryStatus;
import org.iepmp.catalog.api.RepositoryType;
import org.iepmp.catalog.api.ResolvedVersion;
import org.iepmp.catalog.api.ValueDefinition;
import org.iepmp.catalog.api.ValueTarget;
import org.iepmp.catalog.api.ValueType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Glasskube repository on a file share / USB stick (our own fixture). */
class GlasskubeDirectoryCatalogTest {

    @TempDir
    Path temp;

    DefaultCatalog catalog;

    @BeforeEach
    void load() throws Exception {
        Path repo = Fixtures.copy("glasskube", temp.resolve("usb"));
        catalog = new CatalogHarness(temp)
                .add(RepositoryDefinition.directory("usb", repo.toString(), RepositoryType.GLASSKUBE, Origin.VENDOR))
                .catalog();
        List<RepositoryStatus> statuses = catalog.refresh();
        assertThat(statuses).singleElement().satisfies(s -> {
            assertThat(s.state()).isEqualTo(RepositoryStatus.State.FRESH);
            assertThat(s.error()).isEmpty();
            assertThat(s.packageCount()).isEqualTo(8);
        });
    }

    @Test
    void listsPackagesWithVersionsNewestFirst() {
        assertThat(catalog.packages()).extracting(p -> p.name()).containsExactly("app-a", "conflict-top", "cyc-x",
                "cyc-y", "edge-gateway", "lib-b", "mid-c", "needs-ghost");
        assertThat(catalog.versions("lib-b")).containsExactly("v2.1.0-rc.1+1", "v2.0.0+1", "v1.2.0+2", "v1.2.0+1",
                "v1.0.0+1");
        assertThat(catalog.packages().get(5).scope()).isEqualTo("Cluster");
        assertThat(catalog.packages().get(0).origin()).isEqualTo(Origin.VENDOR);
        assertThat(catalog.upgradeCandidates("lib-b", "v1.0.0+1").latestSameMajor()).contains("v1.2.0+2");
        assertThat(catalog.upgradeCandidates("lib-b", "v1.0.0+1").latest()).contains("v2.0.0+1");
    }

    @Test
    void resolvesTheUnifiedModelOfAVersion() {
        ResolvedVersion app = catalog.resolve(Optional.empty(), "app-a", Optional.empty());
        assertThat(app.version()).isEqualTo("v1.1.0+2");
        assertThat(app.repository()).isEqualTo("usb");
        assertThat(app.defaultNamespace()).isEqualTo("app-a");
        assertThat(app.chart().chartName()).isEqualTo("demo");
        assertThat(app.chart().chartVersion()).isEqualTo("1.0.0");
        assertThat(app.chart().values()).containsEntry("replicaCount", 1);
        assertThat(app.dependencies()).singleElement().satisfies(d -> {
            assertThat(d.name()).isEqualTo("lib-b");
            assertThat(d.versionRange()).isEqualTo(">=1.2 <2");
        });
        assertThat(app.entrypoints()).singleElement().satisfies(e -> assertThat(e.localPort()).isEqualTo(18080));
        assertThat(app.references()).extracting(r -> r.label()).containsExactly("Manual");
        assertThat(app.manifestUrls()).hasSize(2);
        assertThat(app.manifestUrls().get(0)).startsWith("file:").endsWith("app-a/v1.1.0+2/config.yaml");

        assertThat(app.valueDefinitions()).extracting(ValueDefinition::name)
                .containsExactly("enableMetrics", "hostname", "replicas", "logLevel", "adminPassword");
        ValueDefinition metrics = app.valueDefinitions().get(0);
        assertThat(metrics.type()).isEqualTo(ValueType.BOOLEAN);
        assertThat(metrics.defaultValue()).isEqualTo("false");
        assertThat(metrics.label()).isEqualTo("Enable metrics");
        assertThat(metrics.hints()).containsExactly("Needs kube-prometheus-stack");
        assertThat(metrics.targets()).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo(ValueTarget.Kind.CHART_VALUE);
            assertThat(t.path()).isEqualTo("/metrics/enabled");
        });
        ValueDefinition host = app.valueDefinitions().get(1);
        assertThat(host.constraints().required()).isTrue();
        assertThat(host.constraints().minLength()).isEqualTo(3);
        assertThat(host.constraints().maxLength()).isEqualTo(63);
        assertThat(host.constraints().pattern()).isEqualTo("^[a-z0-9.-]+$");
        assertThat(host.targets().get(0).valueTemplate()).isEqualTo("\"{{.}}\"");
        ValueDefinition replicas = app.valueDefinitions().get(2);
        assertThat(replicas.type()).isEqualTo(ValueType.NUMBER);
        assertThat(replicas.constraints().min()).isEqualTo(1.0);
        assertThat(replicas.constraints().max()).isEqualTo(5.0);
        assertThat(replicas.targets().get(0).kind()).isEqualTo(ValueTarget.Kind.RESOURCE_PATCH);
        assertThat(replicas.targets().get(0).resourceKind()).isEqualTo("Deployment");
        assertThat(app.valueDefinitions().get(3).options()).containsExactly("debug", "info", "warn");
        assertThat(app.valueDefinitions().get(4).secret()).isTrue();
        assertThat(metrics.secret()).isFalse();
    }

    @Test
    void readsRelativeManifestsAndFallsBackBesidePackageYamlForUnreachableAbsoluteUrls() {
        ResolvedVersion app = catalog.resolve(Optional.empty(), "app-a", Optional.of("v1.0.0+1"));
        List<String> manifests = catalog.manifests(app);
        assertThat(manifests).hasSize(2);
        assertThat(manifests.get(0)).contains("app-a-config");
        assertThat(manifests.get(1)).contains("kind: Secret");
    }

    @Test
    void plansDependenciesFirstWithTheNewestVersionInRange() {
        InstallPlan plan = catalog.plan(Optional.empty(), "app-a", Optional.empty());
        assertThat(plan.steps()).extracting(s -> s.version().name() + "@" + s.version().version())
                .containsExactly("lib-b@v1.2.0+2", "app-a@v1.1.0+2");
        assertThat(plan.steps().get(0).requiredBy()).containsExactly("app-a");
        assertThat(plan.steps().get(1).requiredBy()).isEmpty();
    }

    @Test
    void namesTheCycle() {
        assertThatThrownBy(() -> catalog.plan(Optional.empty(), "cyc-x", Optional.empty()))
                .isInstanceOf(CatalogException.class)
                .satisfies(e -> {
                    assertThat(CatalogHarness.code(e)).isEqualTo(CatalogErrorCode.DEPENDENCY_CYCLE);
                    assertThat(((CatalogException) e).params()).containsExactly("cyc-x → cyc-y → cyc-x");
                });
    }

    @Test
    void namesWhoNeedsWhatWhenMissingOrConflicting() {
        assertThatThrownBy(() -> catalog.plan(Optional.empty(), "needs-ghost", Optional.empty()))
                .satisfies(e -> {
                    assertThat(CatalogHarness.code(e)).isEqualTo(CatalogErrorCode.DEPENDENCY_MISSING);
                    assertThat(((CatalogException) e).params()).containsExactly("needs-ghost", "ghost", "1.x.x");
                });
        assertThatThrownBy(() -> catalog.plan(Optional.empty(), "conflict-top", Optional.empty()))
                .satisfies(e -> {
                    assertThat(CatalogHarness.code(e)).isEqualTo(CatalogErrorCode.DEPENDENCY_CONFLICT);
                    assertThat(e.getMessage()).contains("conflict-top needs ^1.0", "mid-c needs 2.x.x");
                });
    }

    @Test
    void unknownPackagesAndVersionsAreTypedErrors() {
        assertThatThrownBy(() -> catalog.resolve(Optional.empty(), "nope", Optional.empty()))
                .satisfies(e -> assertThat(CatalogHarness.code(e)).isEqualTo(CatalogErrorCode.PACKAGE_NOT_FOUND));
        assertThatThrownBy(() -> catalog.resolve(Optional.empty(), "app-a", Optional.of("v9.9.9")))
                .satisfies(e -> assertThat(CatalogHarness.code(e)).isEqualTo(CatalogErrorCode.VERSION_NOT_FOUND));
        assertThatThrownBy(() -> catalog.fetchChartArchive(catalog.resolve(Optional.empty(), "lib-b", Optional.empty())))
                .satisfies(e -> assertThat(CatalogHarness.code(e)).isEqualTo(CatalogErrorCode.NO_CHART));
    }
}
