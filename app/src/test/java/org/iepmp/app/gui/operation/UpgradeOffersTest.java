package org.iepmp.app.gui.operation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iepmp.catalog.DefaultCatalog;
import org.iepmp.catalog.api.CatalogSettings;
import org.iepmp.catalog.api.Origin;
import org.iepmp.catalog.api.RepositoryDefinition;
import org.iepmp.catalog.api.RepositoryType;
import org.iepmp.catalog.config.FileRepositoryStore;
import org.iepmp.lifecycle.api.UpdateInfo;
import org.iepmp.practice.api.PracticeCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the wizard's Choose page offers, and the order of several updates, read from the practice catalog. */
class UpgradeOffersTest {

    @TempDir
    Path dir;

    private DefaultCatalog catalog;

    @BeforeEach
    void catalog() throws Exception {
        PracticeCatalog.Layout layout = PracticeCatalog.create().writeTo(dir.resolve("practice"));
        FileRepositoryStore store = new FileRepositoryStore(dir.resolve("config"));
        store.save(RepositoryDefinition.directory("practice", layout.glasskubeRepository().toString(), RepositoryType.GLASSKUBE,
                Origin.VENDOR), Optional.empty());
        catalog = new DefaultCatalog(store, dir.resolve("cache"), CatalogSettings.defaults(), Clock.systemUTC());
        catalog.loadCached();
    }

    @Test
    void everyVersionIsOfferedWithNotesOriginAndTheDowngradeMarked() {
        UpgradeOffer offer = new UpgradeOffers(catalog).offer("line-monitor", "v1.1.0+1", Optional.empty(), Optional.empty(),
                Map.of("replicaCount", 2), version -> List.of());
        assertThat(offer.origin()).isEqualTo(Origin.VENDOR);
        assertThat(offer.choices()).extracting(UpgradeChoice::version).containsExactly("v1.2.0+1", "v1.1.0+1", "v1.0.0+1");
        assertThat(offer.choices()).extracting(UpgradeChoice::downgrade).containsExactly(false, false, true);
        assertThat(offer.choices()).extracting(UpgradeChoice::majorChange).containsOnly(false);
        assertThat(offer.choices()).filteredOn(UpgradeChoice::recommended).extracting(UpgradeChoice::version)
                .containsExactly("v1.2.0+1");
        assertThat(offer.choices()).extracting(UpgradeChoice::notes).allMatch(notes -> notes.contains("line monitor"));
        assertThat(offer.currentValues()).containsEntry("replicaCount", 2);

        UpgradeOffer preferred = new UpgradeOffers(catalog).offer("line-monitor", "v1.2.0+1", Optional.empty(),
                Optional.of("v1.0.0+1"), Map.of(), version -> List.of());
        assertThat(preferred.choices()).filteredOn(UpgradeChoice::recommended).extracting(UpgradeChoice::version)
                .containsExactly("v1.0.0+1");
        assertThat(preferred.choices()).extracting(UpgradeChoice::downgrade).containsExactly(false, true, true);
    }

    @Test
    void aVersionItsPublisherMarkedDeprecatedIsFlaggedAndNeverProposed() throws Exception {
        Path charts = java.nio.file.Files.createDirectories(dir.resolve("charts"));
        StringBuilder index = new StringBuilder("apiVersion: v1\nentries:\n  gateway:\n");
        for (String version : List.of("1.2.0", "1.1.0", "1.0.0")) {
            index.append("  - name: gateway\n    version: ").append(version).append("\n    description: OPC UA gateway\n")
                    .append("    digest: ").append("ab".repeat(32)).append("\n    urls:\n    - gateway-").append(version)
                    .append(".tgz\n").append(version.equals("1.2.0") ? "    deprecated: true\n" : "");
        }
        java.nio.file.Files.writeString(charts.resolve("index.yaml"), index);
        FileRepositoryStore store = new FileRepositoryStore(dir.resolve("config-helm"));
        store.save(RepositoryDefinition.directory("charts", charts.toString(), RepositoryType.HELM, Origin.OPEN_SOURCE),
                Optional.empty());
        DefaultCatalog helm = new DefaultCatalog(store, dir.resolve("cache-helm"), CatalogSettings.defaults(), Clock.systemUTC());
        helm.refresh();

        UpgradeOffer offer = new UpgradeOffers(helm).offer("gateway", "1.0.0", Optional.of("charts"), Optional.empty(),
                Map.of(), version -> List.of());

        assertThat(offer.choices()).extracting(UpgradeChoice::version).containsExactly("1.2.0", "1.1.0", "1.0.0");
        assertThat(offer.choices()).extracting(UpgradeChoice::deprecated).containsExactly(true, false, false);
        assertThat(offer.choices()).filteredOn(UpgradeChoice::recommended).extracting(UpgradeChoice::version)
                .as("the newest version the publisher still stands by").containsExactly("1.1.0");
        UpgradeOffer asked = new UpgradeOffers(helm).offer("gateway", "1.0.0", Optional.of("charts"), Optional.of("1.2.0"),
                Map.of(), version -> List.of());
        assertThat(asked.choices()).filteredOn(UpgradeChoice::recommended).as("not even when asked for").isEmpty();
    }

    @Test
    void dependencyChangesAreNamed() {
        assertThat(UpgradeOffers.changes(Map.of("mqtt-broker", ">=1.0.0"), Map.of("mqtt-broker", ">=2.0.0", "historian", "")))
                .containsExactlyInAnyOrder("mqtt-broker: >=1.0.0 → >=2.0.0", "+ historian");
        assertThat(UpgradeOffers.changes(Map.of("mqtt-broker", ""), Map.of())).containsExactly("− mqtt-broker");
        assertThat(UpgradeOffers.changes(Map.of("mqtt-broker", "1.x"), Map.of("mqtt-broker", "1.x"))).isEmpty();
    }

    @Test
    void aPackageIsUpdatedBeforeThePackagesThatNeedIt() {
        UpdateInfo monitor = new UpdateInfo("line-monitor", "line-monitor", "line-monitor", "v1.0.0+1", Optional.of("practice"),
                Optional.of("v1.1.0+1"), Optional.of("v1.1.0+1"));
        String brokerVersion = catalog.versions("mqtt-broker").get(0);
        UpdateInfo broker = new UpdateInfo("mqtt-broker", "mqtt-broker", "mqtt-broker", "v0.0.1", Optional.of("practice"),
                Optional.of(brokerVersion), Optional.empty());
        assertThat(new UpdateOrder(catalog).order(List.of(monitor, broker))).containsExactly(broker, monitor);
        assertThat(new UpdateOrder(catalog).order(List.of(broker, monitor))).containsExactly(broker, monitor);
    }
}
