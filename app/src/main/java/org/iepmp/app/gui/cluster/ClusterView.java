package org.iepmp.app.gui.cluster;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.iepmp.lifecycle.api.LockHolder;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.iepmp.app.dialog.ErrorPresenter;
import org.iepmp.app.gui.common.ConnectionState;
import org.iepmp.app.gui.common.Labels;
import org.iepmp.app.gui.common.MessageCard;
import org.iepmp.app.gui.common.ActionRow;
import org.iepmp.app.gui.common.TextColumns;
import org.iepmp.app.gui.common.Buttons;
import org.iepmp.app.gui.common.UiTexts;
import org.iepmp.i18n.api.Formats;
import org.iepmp.kube.api.ClusterCandidate;
import org.iepmp.kube.api.ClusterFacts;
import org.iepmp.kube.api.NodeFacts;

/** Cluster connection chooser, cluster facts and the node table. Binds only. */
public final class ClusterView extends VBox {

    private final UiTexts texts;
    private final Buttons buttons;

    public ClusterView(ClusterViewModel model, LockStatusModel lock, UiTexts texts, ErrorPresenter presenter) {
        this.texts = texts;
        this.buttons = new Buttons(texts);
        setId("cluster-view");
        setSpacing(12);
        setPadding(new Insets(16));

        Labels labels = new Labels(texts);
        Label title = labels.title("cluster.title");
        Label intro = labels.paragraph("cluster.intro");
        HBox chooserRow = chooserRow(model);
        ActionRow secondaryRow = secondaryRow(model);
        Label state = stateLabel(model);
        MessageCard problem = new MessageCard(texts, presenter, model.failureProperty());
        problem.setId("cluster-problem");

        GridPane factsGrid = factsGrid(model, lock);
        TableView<NodeFacts> nodes = nodeTable(model);
        nodes.setMinHeight(160);
        VBox.setVgrow(nodes, Priority.ALWAYS);
        Label legend = labels.paragraph("cluster.nodes.legend");

        getChildren().addAll(title, intro, chooserRow, secondaryRow, state, problem, factsGrid, nodes, legend);
    }

    /** The cluster to use, Connect and (while busy) Cancel. */
    private HBox chooserRow(ClusterViewModel model) {
        ComboBox<ClusterCandidate> chooser = new ComboBox<>(model.candidates());
        chooser.setId("cluster-chooser");
        chooser.valueProperty().bindBidirectional(model.selectedProperty());
        chooser.setMaxWidth(Double.MAX_VALUE);
        chooser.setCellFactory(list -> new CandidateCell());
        chooser.setButtonCell(new CandidateCell());
        chooser.promptTextProperty().bind(texts.bind("cluster.chooser.prompt"));
        chooser.valueProperty().addListener((obs, old, value) -> model.select(value));
        HBox.setHgrow(chooser, Priority.ALWAYS);
        Button connect = buttons.of("cluster-connect", "cluster.action.connect", model::connect);
        connect.getStyleClass().add(Styles.ACCENT);
        connect.disableProperty().bind(model.canConnectProperty().not());
        connect.setDefaultButton(true);
        Button cancel = buttons.of("cluster-cancel", "cluster.action.cancel", model::cancel);
        cancel.visibleProperty().bind(model.busyProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        connect.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        return new HBox(8, chooser, connect, cancel);
    }

    /** Search again, open a kubeconfig file, start practice mode. */
    private ActionRow secondaryRow(ClusterViewModel model) {
        Button search = buttons.of("cluster-search", "cluster.action.search", model::rediscover);
        search.disableProperty().bind(model.busyProperty());
        Button open = buttons.of("cluster-open-file", "cluster.action.openFile", () -> chooseFile(model));
        Button practice = buttons.of("cluster-practice", "cluster.action.practice", model::startPractice);
        practice.disableProperty().bind(model.busyProperty().or(model.practiceProperty()));
        return new ActionRow(search, open, practice);
    }

    private Label stateLabel(ClusterViewModel model) {
        Label state = new Label();
        state.setId("cluster-state");
        state.textProperty().bind(Bindings.createStringBinding(() -> stateText(model),
                model.stateProperty(), model.connectedCandidateProperty(), texts.messagesProperty()));
        state.getStyleClass().add(Styles.TEXT_BOLD);
        state.setWrapText(true);
        state.setMinHeight(Region.USE_PREF_SIZE);
        return state;
    }

    private String stateText(ClusterViewModel model) {
        ConnectionState value = model.stateProperty().get();
        ClusterCandidate connected = model.connectedCandidateProperty().get();
        if (value == ConnectionState.CONNECTED && connected != null) {
            return texts.get("cluster.state.connectedTo", displayName(connected), connected.server());
        }
        return texts.get(value.labelKey());
    }

    private GridPane factsGrid(ClusterViewModel model, LockStatusModel lock) {
        GridPane grid = new GridPane();
        grid.setId("cluster-facts");
        grid.setHgap(16);
        grid.setVgap(4);
        addFact(grid, 0, "cluster.facts.version", model, facts -> facts.serverVersion()
                + (facts.platform().isBlank() ? "" : " (" + facts.platform() + ")"));
        addFact(grid, 1, "cluster.facts.identity", model, ClusterFacts::identity);
        addFact(grid, 2, "cluster.facts.nodes", model,
                facts -> texts.get("cluster.facts.nodesReady", facts.readyNodes(), facts.nodes().size()));
        addFact(grid, 3, "cluster.facts.clock", model, this::clockText);
        Label lockLabel = new Label();
        lockLabel.textProperty().bind(texts.bind("cluster.facts.lock"));
        lockLabel.getStyleClass().add(Styles.TEXT_MUTED);
        Label lockText = new Label();
        lockText.setId("cluster-facts-lock");
        lockText.setWrapText(true);
        lockText.textProperty().bind(Bindings.createStringBinding(() -> lockText(lock.statusProperty().get()),
                lock.statusProperty(), texts.messagesProperty()));
        grid.addRow(4, lockLabel, lockText);
        grid.visibleProperty().bind(model.factsProperty().isNotNull());
        grid.managedProperty().bind(grid.visibleProperty());
        return grid;
    }

    private String lockText(LockStatusModel.LockStatus status) {
        if (!status.known()) {
            return texts.get("cluster.facts.lockUnknown");
        }
        if (status.failure() != null) {
            return texts.get("cluster.facts.lockUnreadable");
        }
        if (status.holder().isEmpty()) {
            return texts.get("cluster.facts.lockFree");
        }
        LockHolder holder = status.holder().get();
        String since = texts.messages().formats().dateTime(holder.since(), ZoneId.systemDefault());
        return holder.staleAt(Instant.now())
                ? texts.get("cluster.facts.lockStale", holder.user(), holder.host(), since)
                : texts.get("cluster.facts.lockHeld", holder.user(), holder.host(), since);
    }

    private String clockText(ClusterFacts facts) {
        Optional<Duration> skew = facts.clockSkew();
        if (skew.isEmpty()) {
            return texts.get("cluster.facts.clockUnknown");
        }
        String amount = texts.messages().formats().duration(skew.get().abs());
        return facts.clockSkewTooLarge()
                ? texts.get("cluster.facts.clockSkewed", amount)
                : texts.get("cluster.facts.clockOk", amount);
    }

    private void addFact(GridPane grid, int row, String labelKey, ClusterViewModel model,
                         java.util.function.Function<ClusterFacts, String> value) {
        Label label = new Label();
        label.textProperty().bind(texts.bind(labelKey));
        label.getStyleClass().add(Styles.TEXT_MUTED);
        label.setMinWidth(Region.USE_PREF_SIZE);
        Label text = new Label();
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.setId(labelKey.replace('.', '-'));
        text.textProperty().bind(Bindings.createStringBinding(
                () -> model.factsProperty().get() == null ? "" : value.apply(model.factsProperty().get()),
                model.factsProperty(), texts.messagesProperty()));
        grid.addRow(row, label, text);
    }

    private TableView<NodeFacts> nodeTable(ClusterViewModel model) {
        TextColumns columns = new TextColumns(texts);
        TableView<NodeFacts> table = new TableView<>(model.nodes());
        table.setId("cluster-nodes");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label placeholder = new Label();
        placeholder.textProperty().bind(texts.bind("cluster.nodes.empty"));
        table.setPlaceholder(placeholder);
        table.getColumns().add(columns.column("cluster.nodes.name", NodeFacts::name, 120));
        table.getColumns().add(columns.column("cluster.nodes.status", node -> node.ready()
                ? texts.get("cluster.nodes.ready")
                : texts.get("cluster.nodes.notReady", node.readyMessage()), 120));
        table.getColumns().add(columns.column("cluster.nodes.roles", node -> String.join(", ", node.roles()), 120));
        table.getColumns().add(columns.column("cluster.nodes.cpu", node -> texts.get("cluster.nodes.cpuValue",
                cores(node.cpuAllocatableMillis()), cores(node.cpuCapacityMillis())), 120));
        table.getColumns().add(columns.column("cluster.nodes.memory", node -> texts.get("cluster.nodes.memoryValue",
                formats().size(node.memoryAllocatableBytes()), formats().size(node.memoryCapacityBytes())), 120));
        table.getColumns().add(columns.column("cluster.nodes.kubelet", NodeFacts::kubeletVersion, 120));
        // Cell values are computed text: refresh them when the language changes.
        texts.messagesProperty().addListener((obs, old, value) -> table.refresh());
        return table;
    }

    private String cores(long millis) {
        return formats().decimal(millis / 1000.0, millis % 1000 == 0 ? 0 : 1);
    }

    private Formats formats() {
        return texts.messages().formats();
    }

    private void chooseFile(ClusterViewModel model) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts.get("cluster.action.openFile"));
        File file = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            model.addKubeconfig(file.toPath());
        }
    }

    private String displayName(ClusterCandidate candidate) {
        String source = switch (candidate.kind()) {
            case MICROK8S -> texts.get("cluster.source.microk8s");
            case K3S -> texts.get("cluster.source.k3s");
            case KUBECONFIG_ENV -> texts.get("cluster.source.kubeconfigEnv");
            case KUBECONFIG_HOME -> texts.get("cluster.source.kubeconfigHome");
            case KUBECONFIG_FILE -> texts.get("cluster.source.kubeconfigFile");
            case PRACTICE -> texts.get("cluster.source.practice");
        };
        return candidate.context().isEmpty() ? source : source + " · " + candidate.context();
    }

    private final class CandidateCell extends ListCell<ClusterCandidate> {
        CandidateCell() {
            texts.messagesProperty().addListener((obs, old, value) -> render(getItem(), isEmpty()));
        }

        @Override
        protected void updateItem(ClusterCandidate item, boolean empty) {
            super.updateItem(item, empty);
            render(item, empty);
        }

        private void render(ClusterCandidate item, boolean empty) {
            if (empty || item == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            String text = displayName(item);
            if (!item.server().isEmpty()) {
                text += "  (" + item.server() + ")";
            }
            if (!item.usable()) {
                text += "  — " + texts.get("cluster.chooser.unusable");
            }
            setText(text);
            // A long server address is shortened at large zoom; the tooltip keeps all of it.
            setTooltip(new javafx.scene.control.Tooltip(text));
        }
    }
}
