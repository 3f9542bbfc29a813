package org.iepmp.app.gui;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.beans.binding.BooleanBinding;
import javafx.stage.Stage;
import org.iepmp.app.dialog.ErrorPresenter;
import org.iepmp.app.engine.LocalParts;
import org.iepmp.app.gui.catalog.CatalogViewModel;
import org.iepmp.app.gui.catalog.RepositoryIcons;
import org.iepmp.app.gui.cluster.ClusterViewModel;
import org.iepmp.app.gui.cluster.LockStatusModel;
import org.iepmp.app.gui.common.Appearance;
import org.iepmp.app.gui.common.FxDialogService;
import org.iepmp.app.gui.common.UiTexts;
import org.iepmp.app.gui.history.HistoryViewModel;
import org.iepmp.app.gui.installed.InstalledRow;
import org.iepmp.app.gui.installed.InstalledViewModel;
import org.iepmp.app.gui.markdown.XdgLinkOpener;
import org.iepmp.app.gui.notify.AfterOperationNotifier;
import org.iepmp.app.gui.notify.NotificationArea;
import org.iepmp.app.gui.notify.NotificationCenter;
import org.iepmp.app.gui.operation.ClusterEngine;
import org.iepmp.app.gui.operation.OperationCommands;
import org.iepmp.app.gui.operation.Operations;
import org.iepmp.app.gui.repositories.RepositoriesViewModel;
import org.iepmp.app.gui.settings.SettingsViewModel;
import org.iepmp.app.gui.shell.MainWindow;
import org.iepmp.app.gui.shell.Section;
import org.iepmp.app.gui.shell.ShellViewModel;
import org.iepmp.app.gui.support.SupportBundleSource;
import org.iepmp.app.gui.updates.PeriodicUpdateCheck;
import org.iepmp.app.gui.updates.UpdateLauncher;
import org.iepmp.app.gui.updates.UpdatesViewModel;
import org.iepmp.app.practice.PracticeMode;
import org.iepmp.app.practice.PracticeRepositories;
import org.iepmp.app.practice.PracticeRepositorySync;
import org.iepmp.app.task.BackgroundTask;
import org.iepmp.app.task.ExecutorScheduler;
import org.iepmp.app.task.TaskExecutor;
import org.iepmp.app.task.ThreadPoolTaskExecutor;
import org.iepmp.catalog.api.Catalog;
import org.iepmp.i18n.api.I18n;
import org.iepmp.kube.api.ClusterCandidate;
import org.iepmp.kube.KubeFactory;
import org.iepmp.kube.api.DiscoveryLocations;
import org.iepmp.kube.helm.StaleNativeCopies;
import org.iepmp.lifecycle.api.UpdateInfo;
import org.iepmp.practice.api.PracticeOptions;
import org.iepmp.support.RedactedSupportBundles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GUI's composition root: the only place that knows the concrete classes. It only wires —
 * the parts in dependency order, then the listeners between them; the disk was read before (see
 * {@link GuiStartup}) and everything slow runs later through the task executor.
 */
public final class GuiComposition {

    private static final Logger LOG = LoggerFactory.getLogger(GuiComposition.class);
    private static final Duration NOTICE_LIFETIME = Duration.ofSeconds(10);

    private final GuiStartup startup;
    private final AtomicReference<Stage> stage = new AtomicReference<>();
    private final AtomicReference<String> clusterIdentity = new AtomicReference<>("none");
    private final LateOperationCommands commands = new LateOperationCommands();
    private final UiTexts texts;
    private final ErrorPresenter presenter = new ErrorPresenter();
    private final FxDialogService dialogs;
    private final TaskExecutor executor;
    private final ExecutorScheduler uiTimer = new ExecutorScheduler(Platform::runLater);
    private final NotificationCenter notices;
    private final PracticeMode practice;
    private final SupportWiring support;
    private final GuiParts parts;
    /** Held: a binding only listened to would be collected. */
    private final BooleanBinding practiceActive;
    private final PeriodicUpdateCheck periodicUpdateCheck;
    private final MainWindow window;
    private boolean closed;

    public GuiComposition(GuiStartup startup, I18n i18n, DiscoveryLocations locations) {
        this.startup = startup;
        this.texts = new UiTexts(i18n, startup.language());
        this.dialogs = new FxDialogService(texts, presenter, stage::get);
        this.executor = new ThreadPoolTaskExecutor(Platform::runLater, dialogs::showError);
        this.notices = new NotificationCenter(GuiComposition::onFxThread, uiTimer, NOTICE_LIFETIME);
        this.practice = new PracticeMode(startup.paths().cacheDir().resolve("practice"), PracticeOptions.defaults());
        LocalParts local = startup.local();
        SettingsViewModel settings = new SettingsViewModel(startup.settings(), startup.language(), startup.zoomPercent(),
                startup.store(), executor);
        KubeFactory kube = new KubeFactory(Clock.systemUTC());
        ClusterViewModel cluster = new ClusterViewModel(kube.discovery(locations), kube.connector(), executor, settings::rememberCluster, practiceStarter());
        ShellViewModel shell = new ShellViewModel(startup.options().section().orElse(Section.CLUSTER));
        ClusterEngine clusterEngine = new ClusterEngine(local.engines()::open, executor);
        UpdatesViewModel updates = updates(local.catalog(), clusterEngine, shell);
        // Icons: 5 s per fetch, at most 256 KiB each, only from the repository that lists the package.
        CatalogViewModel catalog = new CatalogViewModel(local.catalog(), executor,
                new RepositoryIcons(local.repositories(), executor, Duration.ofSeconds(5), 256 * 1024),
                new org.iepmp.app.gui.common.PackageTexts(texts::messages), commands::install);
        RepositoriesViewModel repositories = new RepositoriesViewModel(local.repositories(), local.catalog(), local.tester(),
                executor, Clock.systemUTC(), () -> {
                    catalog.reload();
                    updates.check();
                });
        HistoryViewModel history = new HistoryViewModel(local.storage()::history, executor, Clock.systemUTC(),
                commands::rollBackTo);
        InstalledViewModel installed = new InstalledViewModel(local.catalog(), executor, catalog::setInstalled,
                releaseActions(commands));
        LockStatusModel lockStatus = new LockStatusModel(executor);
        AfterOperationNotifier notifier = new AfterOperationNotifier(notices, () -> Platform.runLater(updates::check));
        Operations operations = OperationsWiring.operations(
                new OperationsWiring.Window(texts, presenter, dialogs, stage::get, shell), clusterEngine, local.catalog(),
                local.storage()::history, executor, history, () -> {
                    installed.refresh();
                    history.firstPage();
                    lockStatus.refresh();
                }, notifier);
        commands.bind(operations);
        this.support = new SupportWiring(local.storage()::history, clusterIdentity::get,
                startup.paths().cacheDir().resolve("support"), executor, new SupportBundleSource(cluster, installed, settings,
                local.repositories(), local.storage()::history, startup.paths().logDir(), Clock.systemUTC(), new RedactedSupportBundles()));
        this.parts = new GuiParts(texts, shell, settings, cluster, lockStatus, clusterEngine, local.engines(), repositories,
                catalog, installed, history, updates, support.model(), operations, notices, notifier);
        this.practiceActive = cluster.practiceProperty();
        this.periodicUpdateCheck = new PeriodicUpdateCheck(uiTimer, settings.updateCheckHoursProperty(), updates::check);
        connect();
        this.window = mainWindow();
        Thread.setDefaultUncaughtExceptionHandler(new FriendlyCrashHandler(dialogs));
    }

    private static void onFxThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    private ClusterViewModel.PracticeStarter practiceStarter() {
        return new ClusterViewModel.PracticeStarter() {
            @Override
            public ClusterCandidate start() throws Exception {
                return practice.start();
            }

            @Override
            public void stop() {
                practice.stop();
            }
        };
    }

    /** Updates compare through the cluster's shared engine session; "Update all" opens the wizard. */
    private UpdatesViewModel updates(Catalog catalog, ClusterEngine clusterEngine, ShellViewModel shell) {
        return new UpdatesViewModel(catalog, executor, () -> {
            var session = clusterEngine.sessionProperty().get();
            return session == null ? List.of() : session.engine().checkUpdates();
        }, new UpdateLauncher() {
            @Override
            public boolean available() {
                return true;
            }

            @Override
            public void launch(List<UpdateInfo> chosen) {
                commands.upgrade(chosen);
            }
        }, notices, () -> shell.show(Section.UPDATES), Clock.systemUTC());
    }

    private static InstalledViewModel.ReleaseActions releaseActions(OperationCommands commands) {
        return new InstalledViewModel.ReleaseActions() {
            @Override
            public void configure(InstalledRow row) {
                commands.configure(row.release());
            }

            @Override
            public void upgrade(InstalledRow row) {
                commands.upgrade(row.release());
            }

            @Override
            public void rollBack(InstalledRow row) {
                commands.rollBack(row.release());
            }

            @Override
            public void uninstall(InstalledRow row) {
                commands.uninstall(row.release());
            }

            @Override
            public void repair(InstalledRow row) {
                commands.repair(row.release());
            }
        };
    }

    /** The listeners between the parts: the language, the connected cluster's session, the lock, practice mode. */
    private void connect() {
        parts.settings().languageProperty().addListener((obs, old, value) -> texts.setLanguage(value));
        ClusterViewModel cluster = parts.cluster();
        ClusterEngine clusterEngine = parts.clusterEngine();
        cluster.factsProperty().addListener((obs, old, facts) -> {
            clusterIdentity.set(facts == null ? "none" : facts.identity());
            parts.history().connectedClusterProperty().set(facts == null ? null : facts.identity());
            clusterEngine.connected(cluster.connectionProperty().get(), facts == null ? null : facts.identity());
        });
        parts.catalog().installAvailableProperty().bind(clusterEngine.sessionProperty().isNotNull());
        cluster.connectionProperty().addListener((obs, old, connection) -> {
            if (connection == null) {
                clusterEngine.connected(null, null);
            }
        });
        clusterEngine.sessionProperty().addListener((obs, old, session) -> {
            parts.installed().sessionChanged(session);
            parts.lockStatus().sessionChanged(session);
            parts.updates().connectionChanged(session != null);
        });
        // Another console may take or free the lock at any time: read it again whenever the Cluster section is shown.
        parts.shell().sectionProperty().addListener((obs, old, section) -> {
            if (section == Section.CLUSTER) {
                parts.lockStatus().refresh();
            }
        });
        PracticeRepositorySync practiceRepositories = new PracticeRepositorySync(new PracticeRepositories(
                startup.local().repositories(), startup.paths().cacheDir().resolve("practice-catalog")),
                startup.local().repositories(), executor, parts.repositories()::refreshAll);
        if (!startup.options().practice()) {
            practiceRepositories.removeLeftovers();
        }
        practiceActive.addListener((obs, old, active) -> practiceRepositories.practiceChanged(active));
    }

    private MainWindow mainWindow() {
        MainWindow built = new MainWindow(parts.shell(), parts.cluster(), parts.settings(), texts, new Appearance(),
                SectionViews.of(parts, presenter, dialogs, new XdgLinkOpener(executor),
                        new org.iepmp.app.gui.files.FileChoosers(texts, executor,
                                org.iepmp.app.gui.files.ChooserPlaces.system())),
                SectionViews.topBars(parts, this::resumeInterrupted), parts.support().screenShareModeProperty());
        NotificationArea noticeArea = new NotificationArea(notices, texts);
        built.addOverlay(noticeArea);
        noticeArea.installShortcut(built.scene());
        built.showBadge(Section.UPDATES, parts.updates().countProperty());
        return built;
    }

    /** Shows the window and starts looking for clusters; {@code onClosed} runs after the window closed. */
    public void show(Stage target, Runnable onClosed) {
        this.stage.set(target);
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
        var options = startup.options();
        parts.cluster().start(startup.settings().lastClusterId(), options.kubeconfig(), options.context(), options.practice());
        parts.repositories().loadCached();
        parts.support().refreshTailnet();
        executor.execute(BackgroundTask.of(context -> {
            // A crashed earlier run leaves helm-java's ~95 MB native copy in /tmp; remove those at start.
            StaleNativeCopies.ofSystem(Clock.systemUTC()).clean();
            return null;
        }).onFailure(error -> LOG.warn("Cleaning stale Helm native copies failed", error)));
        parts.history().firstPage();
        periodicUpdateCheck.start();
    }

    /** The recovery notice's "open in the update wizard": the newest interrupted operation, on the wizard's result page. */
    private void resumeInterrupted() {
        var found = parts.clusterEngine().recoveredOperations();
        if (!found.isEmpty()) {
            var newest = found.get(found.size() - 1);
            commands.resume(newest.operationId(), newest.reconciliation());
        }
    }

    public void close() {
        closed = true;
        // The support session first: it must end (and be audited) before anything it needs goes away.
        support.close();
        periodicUpdateCheck.stop();
        uiTimer.close();
        parts.installed().close();
        parts.clusterEngine().close();
        parts.cluster().close();
        executor.close();
        practice.close();
        startup.local().storage().close();
    }

    /** The built models, for the window's tests. */
    public GuiParts parts() {
        return parts;
    }

    public MainWindow window() {
        return window;
    }
}
