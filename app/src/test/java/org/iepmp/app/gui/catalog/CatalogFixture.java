package org.iepmp.app.gui.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.iepmp.catalog.DefaultCatalog;
import org.iepmp.catalog.api.CatalogSettings;
import org.iepmp.catalog.api.Origin;
import org.iepmp.catalog.api.RepositoryDefinition;
import org.iepmp.catalog.api.RepositoryType;
import org.iepmp.catalog.config.FileRepositoryStore;

/**
 * Two folder repositories that both offer line-monitor: "vendor" in Glasskube format (package versions
 * {@code v1.0.0+1}, {@code v1.1.0+1}, no dates) and "charts", a Helm repository (chart versions 1.0.0 and 1.1.0 with
 * {@code created} dates, the older without a digest), plus mqtt-broker only in "vendor".
 */
public final class CatalogFixture {

    final Path vendor;
    final Path charts;
    final FileRepositoryStore store;

    CatalogFixture(Path dir) throws IOException {
        this(dir, dir.resolve("config"));
    }

    /** Writes the repositories under {@code dir} and configures them in {@code configDir} (an app's config folder). */
    public CatalogFixture(Path dir, Path configDir) throws IOException {
        vendor = dir.resolve("vendor");
        charts = dir.resolve("charts");
        write(vendor.resolve("index.yaml"), """
                packages:
                  - name: line-monitor
                    shortDescription: "Monitors the packaging line 產線監控"
                    latestVersion: v1.1.0+1
                    iconUrl: icons/line-monitor.png
                  - name: mqtt-broker
                    shortDescription: "Message broker for the machines"
                    latestVersion: v2.0.0+1
                """);
        write(vendor.resolve("line-monitor/versions.yaml"),
                "latestVersion: v1.1.0+1\nversions:\n  - version: v1.0.0+1\n  - version: v1.1.0+1\n");
        for (String version : new String[] {"1.0.0", "1.1.0"}) {
            write(vendor.resolve("line-monitor/v" + version + "+1/package.yaml"), "name: line-monitor\n"
                    + "shortDescription: \"Monitors the packaging line 產線監控\"\ndefaultNamespace: line\n"
                    + "helm:\n  repositoryUrl: " + charts.toUri() + "\n  chartName: line-monitor\n  chartVersion: " + version
                    + "\ndependencies:\n  - name: mqtt-broker\n    version: \">=2.0.0\"\n");
        }
        write(vendor.resolve("mqtt-broker/versions.yaml"), "latestVersion: v2.0.0+1\nversions:\n  - version: v2.0.0+1\n");
        write(vendor.resolve("mqtt-broker/v2.0.0+1/package.yaml"),
                "name: mqtt-broker\nshortDescription: broker\nmanifests:\n  - url: broker.yaml\n");
        write(vendor.resolve("mqtt-broker/v2.0.0+1/broker.yaml"),
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: broker\n");
        Files.createDirectories(charts);
        byte[] archive = "not a real chart".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(charts.resolve("line-monitor-1.1.0.tgz"), archive);
        Files.write(charts.resolve("line-monitor-1.0.0.tgz"), archive);
        write(charts.resolve("index.yaml"), "apiVersion: v1\nentries:\n  line-monitor:\n"
                + "  - name: line-monitor\n    version: 1.1.0\n    created: \"2026-05-04T09:00:00Z\"\n"
                + "    description: Line monitor chart\n    digest: " + sha256(archive) + "\n    urls: [line-monitor-1.1.0.tgz]\n"
                + "  - name: line-monitor\n    version: 1.0.0\n    created: \"2026-01-10T09:00:00Z\"\n"
                + "    description: Line monitor chart\n    urls: [line-monitor-1.0.0.tgz]\n");
        store = new FileRepositoryStore(configDir);
        store.save(RepositoryDefinition.directory("vendor", vendor.toString(), RepositoryType.GLASSKUBE, Origin.VENDOR),
                Optional.empty());
        store.save(RepositoryDefinition.directory("charts", charts.toString(), RepositoryType.HELM, Origin.OPEN_SOURCE),
                Optional.empty());
    }

    DefaultCatalog catalog(Path cache) {
        DefaultCatalog catalog = new DefaultCatalog(store, cache,
                CatalogSettings.defaults().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5)), Clock.systemUTC());
        catalog.refresh();
        return catalog;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
