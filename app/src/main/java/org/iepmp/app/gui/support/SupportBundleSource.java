package org.iepmp.app.gui.support;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.iepmp.app.Versions;
import org.iepmp.app.gui.cluster.ClusterViewModel;
import org.iepmp.app.gui.installed.InstalledRow;
import org.iepmp.app.gui.installed.InstalledViewModel;
import org.iepmp.app.gui.settings.SettingsViewModel;
import org.iepmp.app.settings.SettingsSummary;
import org.iepmp.catalog.api.RepositoryStore;
import org.iepmp.kube.api.ClusterFacts;
import org.iepmp.lifecycle.api.HistoryFilter;
import org.iepmp.lifecycle.api.HistoryStore;
import org.iepmp.lifecycle.api.OperationRecord;
import org.iepmp.support.api.BundleContent;
import org.iepmp.support.api.BundleRelease;
import org.iepmp.support.api.SupportBundle;
import org.iepmp.support.api.SupportBundles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The support bundle's content: what the screens show (cluster facts, installed releases, the
 * chosen release's pod logs, settings), the repositories with their credentials as the secrets to
 * redact, the newest history and the log folder.
 */
public final class SupportBundleSource implements SupportViewModel.BundleSource {

    private static final Logger LOG = LoggerFactory.getLogger(SupportBundleSource.class);
    private static final int HISTORY_ROWS = 200;
    private static final int POD_LOG_LINES = 500;

    private final ClusterViewModel cluster;
    private final InstalledViewModel installed;
    private final SettingsViewModel settings;
    private final RepositoryStore repositories;
    private final Supplier<HistoryStore> history;
    private final Path logDir;
    private final Clock clock;
    private final SupportBundles bundles;

    public SupportBundleSource(ClusterViewModel cluster, InstalledViewModel installed, SettingsViewModel settings,
                               RepositoryStore repositories, Supplier<HistoryStore> history, Path logDir, Clock clock,
                               SupportBundles bundles) {
        this.bundles = bundles;
        this.cluster = cluster;
        this.installed = installed;
        this.settings = settings;
        this.repositories = repositories;
        this.history = history;
        this.logDir = logDir;
        this.clock = clock;
    }

    @Override
    public Callable<SupportBundle> snapshot() {
        Optional<ClusterFacts> facts = Optional.ofNullable(cluster.factsProperty().get());
        List<BundleRelease> releases = installed.rows().stream()
                .map(row -> SupportBundleInputs.release(row.release(), row.health())).toList();
        Optional<InstalledRow> chosenPackage = Optional.ofNullable(installed.selectedProperty().get());
        String settingsText = SettingsSummary.of(settings.current());
        return () -> {
            Map<String, List<String>> podLogs = chosenPackage.map(row -> installed.podLogs(row, POD_LOG_LINES))
                    .orElse(Map.of());
            return bundles.build(new BundleContent(secrets(), Versions.application(), settingsText,
                    SupportBundleInputs.repositories(repositories.list()), historyRows(), SupportBundleInputs.cluster(facts),
                    releases, podLogs, logDir, clock.instant()));
        };
    }

    private List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        for (var repository : repositories.list()) {
            repositories.credentials(repository.name()).ifPresent(c -> {
                secrets.add(c.password());
                secrets.add(c.token());
            });
        }
        return secrets;
    }

    private List<OperationRecord> historyRows() {
        try {
            return history.get().query(HistoryFilter.ALL, null, HISTORY_ROWS).rows();
        } catch (RuntimeException e) {
            // A damaged or locked history must not prevent a bundle; the log says why.
            LOG.warn("History not readable for the support bundle", e);
            return List.of();
        }
    }
}
