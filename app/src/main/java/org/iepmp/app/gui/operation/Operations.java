package org.iepmp.app.gui.operation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import org.iepmp.app.dialog.DialogService;
import org.iepmp.app.engine.EngineSession;
import org.iepmp.app.gui.common.UiTexts;
import org.iepmp.app.task.BackgroundTask;
import org.iepmp.app.task.TaskExecutor;
import org.iepmp.app.task.UiThread;
import org.iepmp.catalog.api.Catalog;
import org.iepmp.catalog.api.CatalogException;
import org.iepmp.catalog.api.ResolvedVersion;
import org.iepmp.catalog.api.ValueDefinition;
import org.iepmp.kube.api.ReleaseInfo;
import org.iepmp.lifecycle.api.Actor;
import org.iepmp.lifecycle.api.HistoryStore;
import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.OperationRecord;
import org.iepmp.lifecycle.api.UpdateInfo;
import org.iepmp.lifecycle.api.StepRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts operation flows from the views: gathers in the background what a flow needs (value
 * definitions, current values, revisions, dependents), then opens the flow's window. Everything
 * goes through the connected cluster's engine session.
 */
public final class Operations implements OperationCommands {

    private static final Logger LOG = LoggerFactory.getLogger(Operations.class);

    private final ObservableValue<EngineSession> session;
    private final Catalog catalog;
    private final Supplier<HistoryStore> history;
    private final TaskExecutor executor;
    private final UiThread uiThread;
    private final Actor actor;
    private final DialogService dialogs;
    private final BiConsumer<OperationFlowModel, Runnable> opener;
    private final Runnable afterOperation;
    private final UiTexts texts;
    private final javafx.beans.property.ReadOnlyObjectWrapper<OperationFlowModel> currentFlow =
            new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private boolean preparing;
    private Resumed pendingResume;
    private final javafx.beans.property.ReadOnlyObjectWrapper<UpdateRunModel> currentRun =
            new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final BiConsumer<UpdateRunModel, Runnable> runOpener;

    /**
     * @param opener shows a flow (its window) and runs the given callback when it closed
     * @param runOpener the same for an "Update all" run
     * @param afterOperation runs after a flow that ran an operation closed (refresh lists)
     */
    public Operations(ObservableValue<EngineSession> session, Catalog catalog, Supplier<HistoryStore> history, TaskExecutor executor,
                      UiThread uiThread, Actor actor, DialogService dialogs, BiConsumer<OperationFlowModel, Runnable> opener,
                      BiConsumer<UpdateRunModel, Runnable> runOpener, Runnable afterOperation, UiTexts texts) {
        this.runOpener = runOpener;
        this.texts = texts;
        this.session = session;
        this.catalog = catalog;
        this.history = history;
        this.executor = executor;
        this.uiThread = uiThread;
        this.actor = actor;
        this.dialogs = dialogs;
        this.opener = opener;
        this.afterOperation = afterOperation;
    }

    /** Install a resolved catalog version (and its dependencies). */
    @Override
    public void install(ResolvedVersion version) {
        prepare(current -> {
            List<ValueDefinition> definitions = definitionsOf(version);
            String namespace = current.engine().defaultNamespace(version.name(), version.defaultNamespace());
            // Installing what is installed changes its settings: the form starts from its current values, not the chart's defaults.
            Map<String, Object> values = current.engine().installStartingValues(version.name(), namespace);
            return () -> OperationSpec.install(version.name(), version.version(),
                    new ValuesFormModel(definitions, values, namespace, true, !version.valueDefinitions().isEmpty()))
                    .withRepository(version.repository());
        });
    }

    /** Change the values of an installed release (same version). */
    @Override
    public void configure(ReleaseInfo release) {
        prepare(current -> {
            List<StepRecord> revisions = current.engine().rollbackTargets(release.name(), release.namespace());
            String pkg = revisions.isEmpty() ? release.chartName() : revisions.get(0).packageName();
            String version = revisions.isEmpty() ? release.chartVersion() : revisions.get(0).toVersion();
            Map<String, Object> values = current.engine().currentValues(release.name(), release.namespace());
            List<ValueDefinition> definitions;
            boolean packageSettings = false;
            try {
                ResolvedVersion resolved = catalog.resolve(Optional.empty(), pkg, Optional.of(version));
                definitions = definitionsOf(resolved);
                packageSettings = !resolved.valueDefinitions().isEmpty();
            } catch (CatalogException e) {
                // A release the catalog does not know can still be configured in the YAML editor.
                LOG.info("No value definitions for {} {}: {}", pkg, version, e.getMessage());
                definitions = List.of();
            }
            List<ValueDefinition> fields = definitions;
            boolean settings = packageSettings;
            return () -> OperationSpec.configure(pkg, release.name(), release.namespace(),
                    new ValuesFormModel(fields, values, release.namespace(), false, settings));
        });
    }

    /** Roll a release back to an earlier recorded revision, chosen in the flow. */
    @Override
    public void rollBack(ReleaseInfo release) {
        prepare(current -> {
            List<StepRecord> revisions = current.engine().rollbackTargets(release.name(), release.namespace());
            // The newest successful step is the state running now; the choices are the ones before it.
            List<StepRecord> earlier = revisions.size() <= 1 ? List.of() : revisions.subList(1, revisions.size());
            if (earlier.isEmpty()) {
                return () -> {
                    dialogs.showInfo(texts.get("ops.notice.title"), texts.get("ops.notice.noEarlierRevision"));
                    return null;
                };
            }
            return () -> OperationSpec.rollback(earlier.get(0).packageName(), release.name(), release.namespace(), earlier);
        });
    }

    /** The update wizard for an installed release (Installed's Upgrade): every version to choose from, older ones too. */
    @Override
    public void upgrade(ReleaseInfo release) {
        prepare(current -> upgradeSpec(current, null, release.name(), release.namespace(), release.chartName(),
                release.chartVersion(), Optional.empty(), Optional.empty()));
    }

    /**
     * The update wizard for updates chosen in the Updates list. One package: its wizard. Several: one
     * wizard run over all of them ({@link UpdateRunModel}), a package before the packages that depend
     * on it; the run stops after a package that is not updated.
     */
    @Override
    public void upgrade(List<UpdateInfo> updates) {
        if (updates.isEmpty()) {
            return;
        }
        if (updates.size() == 1) {
            UpdateInfo only = updates.get(0);
            prepare(current -> upgradeSpec(current, only, only.releaseName(), only.namespace(), only.packageName(),
                    only.installedVersion(), only.repository(), only.latest()));
            return;
        }
        inBackground(current -> {
            List<OperationSpec> specs = new java.util.ArrayList<>();
            for (UpdateInfo next : new UpdateOrder(catalog).order(updates)) {
                OperationSpec spec = upgradeOffer(current, next, next.releaseName(), next.namespace(), next.packageName(),
                        next.installedVersion(), next.repository(), next.latest());
                if (spec != null) {
                    specs.add(spec);
                }
            }
            return specs;
        }, (current, specs) -> {
            if (specs.isEmpty()) {
                dialogs.showInfo(texts.get("ops.notice.title"), texts.get("wizard.notice.noVersions",
                        updates.stream().map(UpdateInfo::packageName).collect(java.util.stream.Collectors.joining(", "))));
                return;
            }
            UpdateRunModel run = new UpdateRunModel(specs.stream()
                    .map(spec -> new OperationFlowModel(spec, current.engine(), executor, uiThread, actor)).toList());
            currentRun.set(run);
            runOpener.accept(run, () -> {
                if (currentRun.get() == run) {
                    currentRun.set(null);
                }
                if (run.parts().stream().anyMatch(p -> p.flow().resultProperty().get() != null)) {
                    afterOperation.run();
                }
            });
        });
    }

    /** The "Update all" run whose window is open, or {@code null}. */
    public javafx.beans.property.ReadOnlyObjectProperty<UpdateRunModel> currentRunProperty() {
        return currentRun.getReadOnlyProperty();
    }

    /** Opens the wizard on its result page for an operation a crash interrupted, with roll back / retry. */
    @Override
    public void resume(long operationId, org.iepmp.lifecycle.api.Reconciliation reconciliation) {
        prepare(current -> {
            OperationRecord operation = history.get().operation(operationId).orElseThrow(() -> new IllegalStateException(
                    "operation " + operationId + " is not in the history"));
            StepRecord before = current.engine().rollbackTargets(operation.releaseName(), operation.namespace()).stream()
                    .filter(step -> step.startedAt().isBefore(operation.startedAt()))
                    .filter(step -> operation.fromVersion() == null || operation.fromVersion().equals(step.toVersion()))
                    .findFirst().orElse(null);
            String retry = operation.action() == OperationAction.UPGRADE || operation.action() == OperationAction.INSTALL
                    ? operation.toVersion() : null;
            Resumed resumed = new Resumed(operation, reconciliation, before, retry);
            UpgradeOffer nothing = new UpgradeOffer(operation.fromVersion() == null ? "—" : operation.fromVersion(), null, List.of(),
                    Map.of(), version -> List.of());
            return () -> {
                pendingResume = resumed;
                return OperationSpec.upgrade(operation.packageName(), operation.releaseName(), operation.namespace(), nothing);
            };
        });
    }

    private Prepared upgradeSpec(EngineSession current, UpdateInfo info, String releaseName, String namespace, String chartName,
                                 String chartVersion, Optional<String> repository, Optional<String> preferred) throws Exception {
        OperationSpec spec = upgradeOffer(current, info, releaseName, namespace, chartName, chartVersion, repository, preferred);
        if (spec == null) {
            String pkg = info != null ? info.packageName() : chartName;
            return () -> {
                dialogs.showInfo(texts.get("ops.notice.title"), texts.get("wizard.notice.noVersions", pkg));
                return null;
            };
        }
        return () -> spec;
    }

    /** The update wizard's spec for one installed release, or {@code null} when the catalog offers no version of it. */
    private OperationSpec upgradeOffer(EngineSession current, UpdateInfo info, String releaseName, String namespace, String chartName,
                                       String chartVersion, Optional<String> repository, Optional<String> preferred) throws Exception {
        List<StepRecord> revisions = current.engine().rollbackTargets(releaseName, namespace);
        String pkg = info != null ? info.packageName() : revisions.isEmpty() ? chartName : revisions.get(0).packageName();
        String installed = info != null ? info.installedVersion() : revisions.isEmpty() ? chartVersion : revisions.get(0).toVersion();
        Map<String, Object> values = current.engine().currentValues(releaseName, namespace);
        UpgradeOffer offer = new UpgradeOffers(catalog).offer(pkg, installed, repository, preferred, values, new UpgradeOffer.FormSource() {
            @Override
            public List<ValueDefinition> definitions(String version) {
                return definitionsOf(catalog.resolve(repository, pkg, Optional.of(version)));
            }

            @Override
            public boolean packageSettings(String version) {
                return !catalog.resolve(repository, pkg, Optional.of(version)).valueDefinitions().isEmpty();
            }
        });
        // The versions offered are this repository's: the plan must resolve the chosen one there too.
        return offer.choices().isEmpty() ? null
                : OperationSpec.upgrade(pkg, releaseName, namespace, offer).withRepository(repository.orElse(null));
    }

    /** Roll back to one recorded revision (History's "roll back to this revision"). */
    @Override
    public void rollBackTo(StepRecord target) {
        prepare(current -> () -> OperationSpec.rollbackTo(target));
    }

    /** Uninstall a release, warning first about installed packages that need it. */
    @Override
    public void uninstall(ReleaseInfo release) {
        prepare(current -> {
            List<StepRecord> revisions = current.engine().rollbackTargets(release.name(), release.namespace());
            String pkg = revisions.isEmpty() ? release.chartName() : revisions.get(0).packageName();
            List<String> dependents = current.engine().dependentsOf(pkg, release.name(), release.namespace());
            FieldProblem notice = dependents.isEmpty() ? null
                    : FieldProblem.of("ops.uninstall.dependents", release.name(), String.join(", ", dependents));
            return () -> OperationSpec.uninstall(pkg, release.name(), release.namespace(), notice);
        });
    }

    /** Repair a release left pending: the package is the one the engine's inventory names for it. */
    @Override
    public void repair(ReleaseInfo release) {
        prepare(current -> {
            String pkg = current.engine().installedAs(release.name(), release.namespace()).stream().findFirst()
                    .map(org.iepmp.lifecycle.api.InstalledPackage::packageName).orElse(release.chartName());
            return () -> OperationSpec.repair(pkg, release.name(), release.namespace());
        });
    }

    /** What the background part of a preparation hands to the FX thread: builds the spec there (null: nothing to do). */
    @FunctionalInterface
    private interface Prepared {
        OperationSpec spec();
    }

    @FunctionalInterface
    private interface Preparation {
        Prepared run(EngineSession session) throws Exception;
    }

    @FunctionalInterface
    private interface SessionWork<T> {
        T run(EngineSession session) throws Exception;
    }

    /**
     * Runs {@code work} on the connected cluster's session in the background (one at a time: a second
     * click while one prepares is dropped), then {@code then} on the FX thread.
     */
    private <T> void inBackground(SessionWork<T> work, java.util.function.BiConsumer<EngineSession, T> then) {
        EngineSession current = session.getValue();
        if (current == null) {
            dialogs.showInfo(texts.get("ops.notice.title"), texts.get("ops.notice.notConnected"));
            return;
        }
        if (preparing) {
            return;
        }
        preparing = true;
        executor.execute(BackgroundTask.of(context -> work.run(current)).onSuccess(result -> {
            preparing = false;
            then.accept(current, result);
        }).onFailure(error -> {
            preparing = false;
            dialogs.showError(error);
        }));
    }

    private void prepare(Preparation preparation) {
        inBackground(preparation::run, (current, prepared) -> {
            OperationSpec spec = prepared.spec();
            if (spec == null) {
                // The preparation told the technician why there is nothing to do.
                return;
            }
            open(current, spec);
        });
    }

    /** The flow whose window is open, or {@code null}. */
    public javafx.beans.property.ReadOnlyObjectProperty<OperationFlowModel> currentFlowProperty() {
        return currentFlow.getReadOnlyProperty();
    }

    private void open(EngineSession current, OperationSpec spec) {
        OperationFlowModel flow = new OperationFlowModel(spec, current.engine(), executor, uiThread, actor);
        if (pendingResume != null) {
            flow.resumeOnResult(pendingResume);
            pendingResume = null;
        }
        currentFlow.set(flow);
        opener.accept(flow, () -> {
            if (currentFlow.get() == flow) {
                currentFlow.set(null);
            }
            if (flow.resultProperty().get() != null || flow.progress().resultProperty().get() != null) {
                afterOperation.run();
            }
            Resumed resumed = flow.resumedProperty().get();
            if (flow.followUpProperty().get() == OperationFlowModel.FollowUp.ROLL_BACK) {
                rollBackTo(resumed.rollbackTarget());
            } else if (flow.followUpProperty().get() == OperationFlowModel.FollowUp.RETRY) {
                OperationRecord op = resumed.operation();
                prepare(again -> upgradeSpec(again, null, op.releaseName(), op.namespace(), op.packageName(),
                        op.fromVersion(), Optional.empty(), Optional.of(resumed.retryVersion())));
            }
        });
    }

    private List<ValueDefinition> definitionsOf(ResolvedVersion version) {
        if (!version.valueDefinitions().isEmpty() || version.chart() == null) {
            return version.valueDefinitions();
        }
        try {
            // A Helm chart's form comes from its values.schema.json.
            var archive = catalog.fetchChartArchive(version);
            return catalog.valueDefinitions(catalog.chartFiles(archive.path()), version.chart().chartName());
        } catch (CatalogException e) {
            LOG.info("No values schema for {} {}: {}", version.name(), version.version(), e.getMessage());
            return List.of();
        }
    }
}
