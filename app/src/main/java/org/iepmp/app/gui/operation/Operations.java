package org.iepmp.app.gui.operation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.time.Duration;
import java.util.LinkedHashMap;
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
import org.iepmp.lifecycle.api.StepRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts operation flows from the views: gathers in the background what a flow needs (value
 * definitions, current values, revisions, dependents), then opens the flow's window. Everything
 * goes through the connected cluster's engine session.
 */
public final class Operations {

    private static final Logger LOG = LoggerFactory.getLogger(Operations.class);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final YAMLMapper YAML = new YAMLMapper();

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

    /**
     * @param opener shows a flow (its window) and runs the given callback when it closed
     * @param afterOperation runs after a flow that ran an operation closed (refresh lists)
     */
    public Operations(ObservableValue<EngineSession> session, Catalog catalog, Supplier<HistoryStore> history, TaskExecutor executor,
                      UiThread uiThread, Actor actor, DialogService dialogs, BiConsumer<OperationFlowModel, Runnable> opener,
                      Runnable afterOperation, UiTexts texts) {
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
    public void install(ResolvedVersion version) {
        prepare(current -> {
            List<ValueDefinition> definitions = definitionsOf(version);
            String namespace = version.defaultNamespace() != null && !version.defaultNamespace().isBlank()
                    ? version.defaultNamespace() : version.name();
            return () -> OperationSpec.install(version.name(), version.version(),
                    new ValuesFormModel(definitions, Map.of(), namespace, true));
        });
    }

    /** Change the values of an installed release (same version). */
    public void configure(ReleaseInfo release) {
        prepare(current -> {
            List<StepRecord> revisions = current.engine().rollbackTargets(release.name(), release.namespace());
            String pkg = revisions.isEmpty() ? release.chartName() : revisions.get(0).packageName();
            String version = revisions.isEmpty() ? release.chartVersion() : revisions.get(0).toVersion();
            Map<String, Object> values = revisions.isEmpty()
                    ? parse(current.drivers().helm().values(release.name(), release.namespace(), 0, CALL_TIMEOUT))
                    : history.get().restorableValues(revisions.get(0).id());
            List<ValueDefinition> definitions;
            try {
                definitions = definitionsOf(catalog.resolve(Optional.empty(), pkg, Optional.of(version)));
            } catch (CatalogException e) {
                // A release the catalog does not know can still be configured in the YAML editor.
                LOG.info("No value definitions for {} {}: {}", pkg, version, e.getMessage());
                definitions = List.of();
            }
            List<ValueDefinition> fields = definitions;
            return () -> OperationSpec.configure(pkg, release.name(), release.namespace(),
                    new ValuesFormModel(fields, values, release.namespace(), false));
        });
    }

    /** Roll a release back to an earlier recorded revision, chosen in the flow. */
    public void rollBack(ReleaseInfo release) {
        prepare(current -> {
            List<StepRecord> revisions = current.engine().rollbackTargets(release.name(), release.namespace());
            // The newest successful step is the state running now; the choices are the ones before it.
            List<StepRecord> earlier = revisions.size() <= 1 ? List.of() : revisions.subList(1, revisions.size());
            if (earlier.isEmpty()) {
                return () -> null;
            }
            return () -> OperationSpec.rollback(earlier.get(0).packageName(), release.name(), release.namespace(), earlier);
        });
    }

    /** Roll back to one recorded revision (History's "roll back to this revision"). */
    public void rollBackTo(StepRecord target) {
        prepare(current -> () -> OperationSpec.rollbackTo(target));
    }

    /** Uninstall a release, warning first about installed packages that need it. */
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

    /** What the background part of a preparation hands to the FX thread: builds the spec there (null: nothing to do). */
    @FunctionalInterface
    private interface Prepared {
        OperationSpec spec();
    }

    @FunctionalInterface
    private interface Preparation {
        Prepared run(EngineSession session) throws Exception;
    }

    private void prepare(Preparation preparation) {
        EngineSession current = session.getValue();
        if (current == null) {
            dialogs.showInfo(texts.get("ops.notice.title"), texts.get("ops.notice.notConnected"));
            return;
        }
        if (preparing) {
            return;
        }
        preparing = true;
        executor.execute(BackgroundTask.of(context -> preparation.run(current)).onSuccess(prepared -> {
            OperationSpec spec = prepared.spec();
            if (spec == null) {
                dialogs.showInfo(texts.get("ops.notice.title"), texts.get("ops.notice.noEarlierRevision"));
                return;
            }
            open(current, spec);
        }).onFailure(dialogs::showError).onFinished(() -> preparing = false));
    }

    /** The flow whose window is open, or {@code null}. */
    public javafx.beans.property.ReadOnlyObjectProperty<OperationFlowModel> currentFlowProperty() {
        return currentFlow.getReadOnlyProperty();
    }

    private void open(EngineSession current, OperationSpec spec) {
        OperationFlowModel flow = new OperationFlowModel(spec, current.engine(), executor, uiThread, actor);
        currentFlow.set(flow);
        opener.accept(flow, () -> {
            if (currentFlow.get() == flow) {
                currentFlow.set(null);
            }
            if (flow.resultProperty().get() != null || flow.progress().resultProperty().get() != null) {
                afterOperation.run();
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

    private static Map<String, Object> parse(String yaml) throws java.io.IOException {
        if (yaml == null || yaml.isBlank() || yaml.strip().equals("null")) {
            return new LinkedHashMap<>();
        }
        Map<String, Object> tree = YAML.readValue(yaml, new TypeReference<LinkedHashMap<String, Object>>() {
        });
        return tree == null ? new LinkedHashMap<>() : tree;
    }
}
