package org.iepmp.app.gui;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.iepmp.app.LaunchOptions;
import org.iepmp.app.Versions;
import org.iepmp.app.dialog.ErrorPresenter;
import org.iepmp.app.engine.EngineSession;
import org.iepmp.app.engine.EngineSessions;
import org.iepmp.app.engine.LocalParts;
import org.iepmp.app.engine.LocalStorageConnection;
import org.iepmp.app.gui.catalog.CatalogView;
import org.iepmp.app.gui.catalog.CatalogViewModel;
import org.iepmp.app.gui.cluster.ClusterView;
import org.iepmp.app.gui.cluster.ClusterViewModel;
import org.iepmp.app.gui.cluster.LockStatusModel;
import org.iepmp.app.gui.common.Appearance;
import org.iepmp.app.gui.common.EmptyStateView;
import org.iepmp.app.gui.common.FxDialogService;
import org.iepmp.app.gui.common.UiTexts;
import org.iepmp.app.gui.history.HistoryView;
import org.iepmp.app.gui.history.HistoryViewModel;
import org.iepmp.app.gui.installed.InstalledView;
import org.iepmp.app.gui.installed.InstalledViewModel;
import org.iepmp.app.gui.markdown.LinkOpener;
import org.iepmp.app.gui.markdown.XdgLinkOpener;
import org.iepmp.app.gui.notify.AfterOperationNotifier;
import org.iepmp.app.gui.notify.NotificationArea;
import org.iepmp.app.gui.notify.NotificationCenter;
import org.iepmp.app.gui.notify.Notifier;
import org.iepmp.app.gui.operation.ClusterEngine;
import org.iepmp.app.gui.operation.OperationWindow;
import org.iepmp.app.gui.operation.Operations;
import org.iepmp.app.gui.operation.RecoveryNotice;
import org.iepmp.app.gui.repositories.RepositoriesView;
import org.iepmp.app.gui.repositories.RepositoriesViewModel;
import org.iepmp.app.gui.settings.SettingsView;
import org.iepmp.app.gui.settings.SettingsViewModel;
import org.iepmp.app.gui.shell.MainWindow;
import org.iepmp.app.gui.shell.Section;
import org.iepmp.app.gui.shell.ShellViewModel;
import org.iepmp.app.gui.support.ScreenShareStrip;
import org.iepmp.app.gui.support.SupportBanner;
import org.iepmp.app.gui.support.SupportBundleInputs;
import org.iepmp.app.gui.support.SupportView;
import org.iepmp.app.gui.support.SupportViewModel;
import org.iepmp.app.gui.updates.PeriodicUpdateCheck;
import org.iepmp.app.gui.updates.UpdateLauncher;
import org.iepmp.app.gui.updates.UpdatesView;
import org.iepmp.app.gui.updates.UpdatesViewModel;
import org.iepmp.app.practice.PracticeMode;
import org.iepmp.app.practice.PracticeRepositories;
import org.iepmp.app.settings.AppPaths;
import org.iepmp.app.settings.Settings;
import org.iepmp.app.settings.SettingsStore;
import org.iepmp.app.task.BackgroundTask;
import org.iepmp.app.task.ExecutorScheduler;
import org.iepmp.app.task.TaskExecutor;
import org.iepmp.app.task.ThreadPoolTaskExecutor;
import org.iepmp.catalog.api.Catalog;
import org.iepmp.catalog.api.RepositoryStore;
import org.iepmp.i18n.api.I18n;
import org.iepmp.i18n.api.Language;
import org.iepmp.kube.api.ClusterCandidate;
import org.iepmp.kube.api.ClusterFacts;
import org.iepmp.kube.api.DiscoveryLocations;
import org.iepmp.kube.cluster.Fabric8ClusterConnector;
import org.iepmp.kube.cluster.KubeconfigDiscovery;
import org.iepmp.kube.helm.StaleNativeCopies;
import org.iepmp.lifecycle.api.Actor;
import org.iepmp.lifecycle.api.EngineSettings;
import org.iepmp.lifecycle.api.HistoryFilter;
import org.iepmp.lifecycle.api.OperationRecord;
import org.iepmp.practice.api.PracticeOptions;
import org.iepmp.support.HistorySupportAuditLog;
import org.iepmp.support.OneTimePasswords;
import org.iepmp.support.RemoteSupportService;
import org.iepmp.support.SupportBundleBuilder;
import org.iepmp.support.TailscaleProbe;
import org.iepmp.support.TailscaleStatusParser;
import org.iepmp.support.X11VncLauncher;
import org.iepmp.support.api.BundleRelease;
import org.iepmp.support.api.SupportBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GUI's composition root: the only place that knows the concrete classes. Built on the FX
 * thread; everything slow it wires is run later through the task executor.
 */
public final class GuiComposition {

    private static final Logger LOG = LoggerFactory.getLogger(GuiComposition.class);

    private final UiTexts texts;
    private final TaskExecutor executor;
    private final FxDialogService dialogs;
    private final ShellViewModel shell;
    private final ClusterViewModel cluster;
    private final SettingsViewModel settings;
    private final MainWindow window;
    private final LaunchOptions options;
    private final Settings loaded;
    private final PracticeMode practice;
    private final RepositoriesViewModel repositories;
    private final CatalogViewModel catalogModel;
    private final LocalStorageConnection history;
    private final RemoteSupportService supportSessions;
    private final SupportViewModel support;
    private final HistoryViewModel historyModel;
    private final InstalledViewModel installed;
    private final EngineSessions engines;
    private final ClusterEngine clusterEngine;
    private Operations operations;
    /** Held: a binding only listened to would be collected. */
    private javafx.beans.binding.BooleanBinding practiceActive;
    private final AtomicReference<String> clusterIdentity = new AtomicReference<>("none");
    private static final Duration NOTICE_LIFETIME = Duration.ofSeconds(10);
    private final ExecutorScheduler uiTimer;
    private final NotificationCenter notices;
    private final UpdatesViewModel updates;
    private final PeriodicUpdateCheck periodicUpdateCheck;
    private Stage stage;
    private boolean closed;

    public GuiComposition(AppPaths paths, LaunchOptions options, I18n i18n) {
        this(paths, options, i18n, DiscoveryLocations.system(), Locale.getDefault());
    }

    public GuiComposition(AppPaths paths, LaunchOptions options, I18n i18n, DiscoveryLocations locations,
                          Locale osLocale) {
        this(paths, options, i18n, locations, osLocale, EngineSettings.defaults());
    }

    /** @param engineSettings the lifecycle engine's timeouts (tests shorten the verification wait) */
    public GuiComposition(AppPaths paths, LaunchOptions options, I18n i18n, DiscoveryLocations locations,
                          Locale osLocale, EngineSettings engineSettings) {
        this.options = options;
        try {
            paths.createAll();
        } catch (IOException e) {
            LOG.warn("Cannot create the application directories", e);
        }
        SettingsStore store = new SettingsStore(paths.settingsFile());
        Settings fromDisk = store.load();
        if (options.zoomPercent().isPresent()) {
            fromDisk = fromDisk.withZoomPercent(options.zoomPercent().get());
        }
        this.loaded = fromDisk;
        Language language = options.language().or(fromDisk::language).orElse(Language.fromLocale(osLocale));

        this.texts = new UiTexts(i18n, language);
        ErrorPresenter presenter = new ErrorPresenter();
        this.dialogs = new FxDialogService(texts, presenter, () -> stage);
        this.executor = new ThreadPoolTaskExecutor(Platform::runLater, dialogs::showError);
        this.settings = new SettingsViewModel(fromDisk, language, store, executor);
        settings.languageProperty().addListener((obs, old, value) -> texts.setLanguage(value));
        this.practice = new PracticeMode(paths.cacheDir().resolve("practice"), PracticeOptions.defaults());
        this.cluster = new ClusterViewModel(new KubeconfigDiscovery(locations),
                new Fabric8ClusterConnector(Clock.systemUTC()), executor, settings::rememberCluster,
                new ClusterViewModel.PracticeStarter() {
                    @Override
                    public ClusterCandidate start() throws Exception {
                        return practice.start();
                    }

                    @Override
                    public void stop() {
                        practice.stop();
                    }
                });
        this.shell = new ShellViewModel(options.section().orElse(Section.CLUSTER));
        LocalParts local = new LocalParts(paths, Clock.systemUTC(), engineSettings);
        RepositoryStore repositoryStore = local.repositories();
        Catalog catalog = local.catalog();
        // Icons: 5 s per fetch, at most 256 KiB each, only from the repository that lists the package.
        this.catalogModel = new CatalogViewModel(catalog, executor, new org.iepmp.app.gui.catalog.RepositoryIcons(repositoryStore,
                executor, java.time.Duration.ofSeconds(5), 256 * 1024));
        this.repositories = new RepositoriesViewModel(repositoryStore, catalog, local.tester(), executor, Clock.systemUTC(),
                this::catalogChanged);

        this.history = local.storage();
        cluster.factsProperty().addListener((obs, old, facts) -> clusterIdentity.set(facts == null ? "none" : facts.identity()));
        ScheduledExecutorService supportTimer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "iepmp-support-timer");
            thread.setDaemon(true);
            return thread;
        });
        this.supportSessions = new RemoteSupportService(new X11VncLauncher(Path.of("/usr/bin/x11vnc")),
                new OneTimePasswords(new SecureRandom()),
                new HistorySupportAuditLog(history::history, clusterIdentity::get,
                        new Actor(System.getProperty("user.name"), null)),
                Clock.systemUTC(), supportTimer, paths.cacheDir().resolve("support"),
                reason -> Platform.runLater(() -> supportEnded(reason)));
        this.support = new SupportViewModel(new TailscaleProbe(TailscaleProbe.findOnPath(),
                new TailscaleStatusParser(List.of("tag:iepmp-support")), Duration.ofSeconds(5)),
                supportSessions, executor, Clock.systemUTC(), System.getenv().getOrDefault("DISPLAY", ""));

        Map<Section, Supplier<Node>> views = new EnumMap<>(Section.class);
        for (Section section : Section.values()) {
            views.put(section, () -> new EmptyStateView(texts, section.emptyTitleKey(), section.emptyTextKey()));
        }
        LockStatusModel lockStatus = new LockStatusModel(executor);
        views.put(Section.CLUSTER, () -> new ClusterView(cluster, lockStatus, texts, presenter));
        views.put(Section.SETTINGS, () -> new SettingsView(settings, texts));
        views.put(Section.REPOSITORIES, () -> new RepositoriesView(repositories, texts, presenter, dialogs));
        this.uiTimer = new ExecutorScheduler(Platform::runLater);
        this.notices = new NotificationCenter(action -> {
            if (Platform.isFxApplicationThread()) {
                action.run();
            } else {
                Platform.runLater(action);
            }
        }, uiTimer, NOTICE_LIFETIME);
        LinkOpener links = new XdgLinkOpener(executor);
        views.put(Section.CATALOG, () -> new CatalogView(catalogModel, texts, presenter, links));
        views.put(Section.SUPPORT, () -> new SupportView(support, texts, presenter));
        this.historyModel = new HistoryViewModel(history::history, executor, Clock.systemUTC());
        this.engines = local.engines();
        this.installed = new InstalledViewModel(catalog, executor, catalogModel::setInstalled);
        this.clusterEngine = new ClusterEngine(engines::open, executor);
        wireOperations(catalog, presenter, repositoryStore, paths, lockStatus);
        clusterEngine.sessionProperty().addListener((obs, old, session) -> lockStatus.sessionChanged(session));
        // Another console may take or free the lock at any time: read it again whenever the Cluster section is shown.
        shell.sectionProperty().addListener((obs, old, section) -> {
            if (section == Section.CLUSTER) {
                lockStatus.refresh();
            }
        });
        views.put(Section.INSTALLED, () -> new InstalledView(installed, texts, presenter));
        // Updates compare through the cluster's shared engine session; the wizard plugs in as UpdateLauncher.
        AtomicReference<EngineSession> updateSession = new AtomicReference<>();
        this.updates = new UpdatesViewModel(catalog, executor, () -> {
            EngineSession session = updateSession.get();
            return session == null ? List.of() : session.engine().checkUpdates();
        }, new UpdateLauncher() {
            @Override
            public boolean available() {
                return true;
            }

            @Override
            public void launch(List<org.iepmp.lifecycle.api.UpdateInfo> chosen) {
                operations.upgrade(chosen);
            }
        }, notices, () -> shell.show(Section.UPDATES), Clock.systemUTC());
        this.periodicUpdateCheck = new PeriodicUpdateCheck(uiTimer, settings.updateCheckHoursProperty(), updates::check);
        clusterEngine.sessionProperty().addListener((obs, old, session) -> {
            updateSession.set(session);
            updates.connectionChanged(session != null);
        });
        views.put(Section.UPDATES, () -> new UpdatesView(updates, texts, presenter, links));
        support.setBundleSource(() -> bundleSource(repositoryStore, paths));
        views.put(Section.HISTORY, () -> new HistoryView(historyModel, texts, presenter));
        List<Node> topBars = List.of(new RecoveryNotice(clusterEngine.recovered(), texts, this::resumeInterrupted),
                new SupportBanner(support, texts),
                new ScreenShareStrip(support, texts,
                Versions.application(), System.getProperty("user.name"), () -> {
                    var connected = cluster.connectedCandidateProperty().get();
                    return connected == null ? texts.get("shell.cluster.state.notConnected") : connected.context();
                }));
        this.window = new MainWindow(shell, cluster, settings, texts, new Appearance(), views, topBars,
                support.screenShareModeProperty());
        NotificationArea noticeArea = new NotificationArea(notices, texts);
        window.addOverlay(noticeArea);
        noticeArea.installShortcut(window.scene());
        window.showBadge(Section.UPDATES, updates.countProperty());
        installUncaughtExceptionHandler();
    }

    /** Shows the window and starts looking for clusters; {@code onClosed} runs after the window closed. */
    public void show(Stage target, Runnable onClosed) {
        this.stage = target;
        target.setScene(window.scene());
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            var icon = GuiComposition.class.getResource("/org/iepmp/app/icons/iepmp-" + size + ".png");
            if (icon != null) {
                target.getIcons().add(new javafx.scene.image.Image(icon.toExternalForm()));
            }
        }
        target.titleProperty().bind(texts.bind("shell.windowTitle"));
        target.setMinWidth(800);
        target.setMinHeight(560);
        target.setOnHidden(e -> {
            close();
            onClosed.run();
        });
        target.show();
        afterFirstFrame(target.getScene(), this::startBackgroundWork);
    }

    /**
     * The work a start kicks off (cluster discovery, repository cache, history, clean-up) waits for
     * the first frame: on a two-core IPC it otherwise competes with the toolkit for the CPU and the
     * window appears later.
     */
    private static void afterFirstFrame(javafx.scene.Scene scene, Runnable work) {
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            scene.removePostLayoutPulseListener(listener[0]);
            Platform.runLater(work);
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }

    private void startBackgroundWork() {
        if (closed) {
            return;
        }
        cluster.start(loaded.lastClusterId(), options.kubeconfig(), options.context(), options.practice());
        repositories.loadCached();
        support.refreshTailnet();
        executor.execute(BackgroundTask.of(context -> {
            // A crashed earlier run leaves helm-java's ~95 MB native copy in /tmp; remove those at start.
            StaleNativeCopies.ofSystem(Clock.systemUTC()).clean();
            return null;
        }).onFailure(error -> LOG.warn("Cleaning stale Helm native copies failed", error)));
        historyModel.firstPage();
        periodicUpdateCheck.start();
    }

    /** The repositories changed or were refreshed: the catalog list and the update check follow. */
    private void catalogChanged() {
        catalogModel.reload();
        if (updates != null) {
            updates.check();
        }
    }

    /** The Updates list compares the cluster whose identity is known; a new connection or identity checks at once. */

    public void close() {
        closed = true;
        // The support session first: it must end (and be audited) before anything it needs goes away.
        supportSessions.close();
        periodicUpdateCheck.stop();
        uiTimer.close();
        installed.close();
        clusterEngine.close();
        cluster.close();
        executor.close();
        practice.close();
        history.close();
    }

    /**
     * Operations through the lifecycle engine: one engine session per connected cluster (shared
     * with Installed), the flows started from Catalog, Installed and History, and the practice
     * catalog as a repository while practice mode runs.
     */
    private void wireOperations(Catalog catalog, ErrorPresenter presenter, RepositoryStore repositoryStore, AppPaths paths,
                                LockStatusModel lockStatus) {
        cluster.factsProperty().addListener((obs, old, facts) -> clusterEngine.connected(cluster.connectionProperty().get(),
                facts == null ? null : facts.identity()));
        cluster.connectionProperty().addListener((obs, old, connection) -> {
            if (connection == null) {
                clusterEngine.connected(null, null);
            }
        });
        clusterEngine.sessionProperty().addListener((obs, old, session) -> installed.sessionChanged(session));
        OperationWindow operationWindow = new OperationWindow(texts, presenter, new org.iepmp.app.gui.operation.ResultLinks() {
            @Override
            public void showHistory(long operationId) {
                shell.show(Section.HISTORY);
                historyModel.showOperation(operationId);
            }

            @Override
            public void supportBundle() {
                shell.show(Section.SUPPORT);
            }
        });
        this.operations = new Operations(clusterEngine.sessionProperty(), catalog, history::history, executor, Platform::runLater,
                new Actor(System.getProperty("user.name"), null), dialogs,
                (flow, closed) -> operationWindow.open(stage, flow, closed), (run, closed) -> operationWindow.open(stage, run, closed), () -> {
                    installed.refresh();
                    historyModel.firstPage();
                    lockStatus.refresh();
                }, texts);
        installed.setReleaseActions(new InstalledViewModel.ReleaseActions() {
            @Override
            public void configure(org.iepmp.app.gui.installed.InstalledRow row) {
                operations.configure(row.release());
            }

            @Override
            public void rollBack(org.iepmp.app.gui.installed.InstalledRow row) {
                operations.rollBack(row.release());
            }

            @Override
            public void uninstall(org.iepmp.app.gui.installed.InstalledRow row) {
                operations.uninstall(row.release());
            }
        });
        installed.upgradeHandlerProperty().set(row -> operations.upgrade(row.release()));
        catalogModel.installAvailableProperty().bind(clusterEngine.sessionProperty().isNotNull());
        catalogModel.setInstallAction(operations::install);
        historyModel.setRollbackAction(operations::rollBackTo);
        // A notice when an operation ends, also for a technician who has turned to another window meanwhile.
        operations.currentFlowProperty().addListener((obs, old, flow) -> {
            if (flow != null) {
                flow.resultProperty().addListener((o, before, result) -> {
                    if (result != null) {
                        notifier().operationEnded(flow.spec().packageName(), result.outcome());
                    }
                });
            }
        });

        operations.currentRunProperty().addListener((obs, old, run) -> {
            if (run != null) {
                run.parts().forEach(part -> part.flow().resultProperty().addListener((o, before, result) -> {
                    if (result != null) {
                        notifier().operationEnded(part.flow().spec().packageName(), result.outcome());
                    }
                }));
            }
        });

        PracticeRepositories practiceRepositories = new PracticeRepositories(repositoryStore, paths.cacheDir().resolve("practice-catalog"));
        if (!options.practice()) {
            // An exit during practice mode leaves its repositories configured; they go at the next normal start.
            executor.execute(BackgroundTask.of(context -> {
                boolean had = repositoryStore.find(PracticeRepositories.NAME).isPresent();
                practiceRepositories.remove();
                return had;
            }).onSuccess(had -> {
                if (had) {
                    repositories.refreshAll();
                }
            }).onFailure(error -> LOG.warn("Practice repository not removed", error)));
        }
        practiceActive = cluster.practiceProperty();
        practiceActive.addListener((obs, old, active) -> executor.execute(BackgroundTask.of(context -> {
            if (active) {
                practiceRepositories.add();
            } else {
                practiceRepositories.remove();
            }
            return null;
        }).onSuccess(done -> repositories.refreshAll()).onFailure(error -> LOG.warn("Practice repository not updated", error))));
    }

    /** The recovery notice's "open in the update wizard": the newest interrupted operation, on the wizard's result page. */
    private void resumeInterrupted() {
        var found = clusterEngine.recoveredOperations();
        if (!found.isEmpty()) {
            var newest = found.get(found.size() - 1);
            operations.resume(newest.operationId(), newest.reconciliation());
        }
    }

    public Operations operations() {
        return operations;
    }

    public ClusterEngine clusterEngine() {
        return clusterEngine;
    }

    /** Snapshots what the screens show (on the FX thread) and returns the slow rest for the background. */
    private java.util.concurrent.Callable<SupportBundle> bundleSource(RepositoryStore store, AppPaths paths) {
        Optional<ClusterFacts> facts = Optional.ofNullable(cluster.factsProperty().get());
        List<BundleRelease> releases = installed.rows().stream()
                .map(row -> SupportBundleInputs.release(row.release(), row.health())).toList();
        var chosenPackage = Optional.ofNullable(installed.selectedProperty().get());
        Settings chosen = settings.current();
        String settingsText = "language=" + chosen.language().map(Language::tag).orElse("(from the OS)")
                + "\ntheme=" + chosen.theme() + "\nzoomPercent=" + chosen.zoomPercent()
                + "\nlastCluster=" + chosen.lastClusterId().orElse("") + "\n";
        return () -> {
            List<String> secrets = new java.util.ArrayList<>();
            for (var repository : store.list()) {
                store.credentials(repository.name()).ifPresent(c -> {
                    secrets.add(c.password());
                    secrets.add(c.token());
                });
            }
            List<OperationRecord> history = historyRows();
            var podLogs = chosenPackage.map(row -> installed.podLogs(row, 500)).orElse(java.util.Map.of());
            return new SupportBundleBuilder(secrets).build(Versions.application(), settingsText,
                    SupportBundleInputs.repositories(store.list()), history, SupportBundleInputs.cluster(facts), releases,
                    podLogs, paths.logDir(), Clock.systemUTC().instant());
        };
    }

    private List<OperationRecord> historyRows() {
        try {
            return history.history().query(HistoryFilter.ALL, null, 200).rows();
        } catch (RuntimeException e) {
            // A damaged or locked history must not prevent a bundle; the log says why.
            LOG.warn("History not readable for the support bundle", e);
            return List.of();
        }
    }

    private void supportEnded(org.iepmp.support.api.SupportAuditLog.EndReason reason) {
        support.sessionEnded(reason);
    }

    /**
     * For the operation flows: {@link Notifier#operationEnded} when an operation ends (any thread);
     * it shows the notice and checks for updates again.
     */
    public NotificationCenter notificationCenter() {
        return notices;
    }

    public Notifier notifier() {
        return new AfterOperationNotifier(notices, () -> Platform.runLater(updates::check));
    }

    /** The engine composition the windows use (tests install through it, as the operation flows will). */
    public EngineSessions engineSessions() {
        return engines;
    }

    public UpdatesViewModel updatesViewModel() {
        return updates;
    }

    public InstalledViewModel installedViewModel() {
        return installed;
    }

    public HistoryViewModel historyViewModel() {
        return historyModel;
    }

    public SupportViewModel supportViewModel() {
        return support;
    }

    public MainWindow window() {
        return window;
    }

    public ClusterViewModel clusterViewModel() {
        return cluster;
    }

    public SettingsViewModel settingsViewModel() {
        return settings;
    }

    public ShellViewModel shellViewModel() {
        return shell;
    }

    public RepositoriesViewModel repositoriesViewModel() {
        return repositories;
    }

    public CatalogViewModel catalogViewModel() {
        return catalogModel;
    }

    public UiTexts texts() {
        return texts;
    }

    private void installUncaughtExceptionHandler() {
        Thread.setDefaultUncaughtExceptionHandler(new FriendlyCrashHandler(dialogs));
    }
}
