package org.iepmp.app.gui.support;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import java.time.Duration;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.iepmp.app.dialog.ErrorPresenter;
import org.iepmp.app.gui.common.Labels;
import org.iepmp.app.gui.common.MessageCard;
import org.iepmp.app.gui.common.NamedCell;
import org.iepmp.app.gui.common.Buttons;
import org.iepmp.app.gui.common.UiTexts;
import org.iepmp.support.api.SupportSession;
import org.iepmp.support.api.SupportSessionRequest;
import org.iepmp.support.api.TailnetPeer;
import org.iepmp.support.api.TailnetStatus;

/** Tailnet status, "Allow remote support" with explicit consent, the one-time password, screen-share mode. */
public final class SupportView extends VBox {

    private final SupportViewModel model;
    private final UiTexts texts;
    private final Buttons buttons;

    public SupportView(SupportViewModel model, UiTexts texts, ErrorPresenter presenter) {
        this.model = model;
        this.texts = texts;
        this.buttons = new Buttons(texts);
        setId("support-view");
        setSpacing(12);
        setPadding(new Insets(16));
        Labels labels = new Labels(texts);
        Button refresh = buttons.of("support-refresh", "app.support.tailnet.refresh", model::refreshTailnet);
        Button allow = buttons.of("support-allow", "app.support.session.allow", this::askConsent);
        allow.getStyleClass().add(Styles.ACCENT);
        // A session needs a running tailnet: without one (Tailscale missing, stopped, logged out) the button says so
        // by being disabled, with the reason beside it, instead of failing after the consent with a raw code.
        var noTailnet = Bindings.createBooleanBinding(() -> model.tailnetProperty().get() == null
                || !model.tailnetProperty().get().connected(), model.tailnetProperty());
        allow.disableProperty().bind(model.sessionProperty().isNotNull().or(noTailnet));
        Label needsTailnet = labels.paragraph("app.support.session.needsTailnet");
        needsTailnet.setId("support-needs-tailnet");
        needsTailnet.visibleProperty().bind(noTailnet.and(model.sessionProperty().isNull()));
        needsTailnet.managedProperty().bind(needsTailnet.visibleProperty());
        ToggleSwitch screenShare = new ToggleSwitch();
        screenShare.setId("support-screen-share");
        screenShare.selectedProperty().bindBidirectional(model.screenShareModeProperty());
        screenShare.textProperty().bind(texts.bind("app.support.screenShare"));
        Button prepare = buttons.of("support-bundle", "app.support.bundle.prepare", model::prepareBundle);
        model.bundleProperty().addListener((obs, old, bundle) -> {
            if (bundle != null) {
                reviewAndSave(bundle);
            }
        });
        MessageCard failure = new MessageCard(texts, presenter, model.failureProperty());
        getChildren().addAll(labels.title("app.support.title"), labels.paragraph("app.support.intro"),
                new HBox(8, refresh, prepare), tailnetLabel(), allow, needsTailnet, sessionBox(), failure, screenShare,
                labels.paragraph("app.support.screenShare.hint"), savedLabel());
    }

    private Label tailnetLabel() {
        Label tailnet = new Label();
        tailnet.setId("support-tailnet");
        tailnet.setWrapText(true);
        tailnet.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        tailnet.textProperty().bind(Bindings.createStringBinding(() -> tailnetText(model.tailnetProperty().get()),
                model.tailnetProperty(), texts.messagesProperty()));
        return tailnet;
    }

    /** The session's state and, while it runs, the one-time password to read out. */
    private VBox sessionBox() {
        Label password = new Label();
        password.setId("support-password");
        password.getStyleClass().add("support-password");
        password.textProperty().bind(Bindings.createStringBinding(() -> {
            SupportSession session = model.sessionProperty().get();
            return session == null ? "" : spaced(session.oneTimePassword());
        }, model.sessionProperty()));
        password.visibleProperty().bind(model.sessionProperty().isNotNull());
        password.managedProperty().bind(password.visibleProperty());
        Label sessionInfo = new Label();
        sessionInfo.setId("support-session-info");
        sessionInfo.setWrapText(true);
        sessionInfo.textProperty().bind(Bindings.createStringBinding(() -> {
            SupportSession session = model.sessionProperty().get();
            if (session == null) {
                return model.lastEndProperty().get() == null ? texts.get("app.support.session.none")
                        : texts.get("app.support.session.ended");
            }
            return texts.get(session.allowControl() ? "app.support.session.activeControl" : "app.support.session.activeView",
                    session.bindAddress(), session.port());
        }, model.sessionProperty(), model.lastEndProperty(), texts.messagesProperty()));
        return new VBox(6, sessionInfo, password);
    }

    private Label savedLabel() {
        Label saved = new Label();
        saved.setId("support-bundle-saved");
        saved.setWrapText(true);
        saved.getStyleClass().add(Styles.SUCCESS);
        saved.textProperty().bind(Bindings.createStringBinding(() -> model.savedBundleProperty().get() == null ? ""
                : texts.get("app.support.bundle.saved", model.savedBundleProperty().get().toString()),
                model.savedBundleProperty(), texts.messagesProperty()));
        return saved;
    }

    private String tailnetText(TailnetStatus status) {
        if (status == null) {
            return texts.get("app.support.tailnet.unknown");
        }
        return switch (status.state()) {
            case NOT_INSTALLED -> texts.get("app.support.tailnet.notInstalled");
            case DAEMON_NOT_RUNNING -> texts.get("app.support.tailnet.notRunning");
            case NEEDS_LOGIN -> texts.get("app.support.tailnet.needsLogin");
            case STOPPED, STARTING, UNKNOWN -> texts.get("app.support.tailnet.notConnected");
            case RUNNING -> {
                List<String> peers = status.onlineSupportPeers().stream().map(TailnetPeer::hostName).toList();
                yield texts.get("app.support.tailnet.connected", status.controlUrl().orElse("—"),
                        status.dnsName().isEmpty() ? status.hostName() : status.dnsName(),
                        String.join(", ", status.addresses()),
                        peers.isEmpty() ? texts.get("app.support.tailnet.noPeers") : String.join(", ", peers));
            }
        };
    }

    /** Explicit consent: duration and control are chosen here, nothing starts before OK. */
    private void askConsent() {
        Dialog<Boolean> dialog = new Dialog<>();
        if (getScene() != null) {
            dialog.initOwner(getScene().getWindow());
            dialog.getDialogPane().setStyle(getScene().getRoot().getStyle());
            dialog.getDialogPane().getStylesheets().setAll(getScene().getStylesheets());
        }
        dialog.setTitle(texts.get("app.support.consent.title"));
        dialog.setHeaderText(texts.get("app.support.consent.question"));
        ComboBox<Duration> duration = new ComboBox<>(FXCollections.observableArrayList(SupportSessionRequest.CHOICES));
        duration.setId("support-duration");
        duration.valueProperty().bindBidirectional(model.durationProperty());
        duration.setCellFactory(list -> new NamedCell<>(d -> texts.get("app.support.consent.minutes", d.toMinutes())));
        duration.setButtonCell(new NamedCell<>(d -> texts.get("app.support.consent.minutes", d.toMinutes())));
        CheckBox control = new CheckBox(texts.get("app.support.consent.allowControl"));
        control.setId("support-allow-control");
        control.selectedProperty().bindBidirectional(model.allowControlProperty());
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.addRow(0, new Label(texts.get("app.support.consent.duration")), duration);
        grid.add(control, 0, 1, 2, 1);
        Label note = new Label(texts.get("app.support.consent.note"));
        note.setWrapText(true);
        note.setMaxWidth(520);
        dialog.getDialogPane().setContent(new VBox(12, grid, note));
        ButtonType ok = new ButtonType(texts.get("app.support.consent.confirm"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(texts.get("app.dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(ok, cancel);
        dialog.setResultConverter(button -> button == ok);
        if (dialog.showAndWait().orElse(false)) {
            model.start();
        }
    }

    /** The technician sees every file of the bundle and its size before anything is written. */
    private void reviewAndSave(org.iepmp.support.api.SupportBundle bundle) {
        Dialog<Boolean> dialog = new Dialog<>();
        if (getScene() != null) {
            dialog.initOwner(getScene().getWindow());
            dialog.getDialogPane().setStyle(getScene().getRoot().getStyle());
            dialog.getDialogPane().getStylesheets().setAll(getScene().getStylesheets());
        }
        dialog.setTitle(texts.get("app.support.bundle.title"));
        dialog.setHeaderText(texts.get("app.support.bundle.review"));
        javafx.scene.control.TextArea manifest = new javafx.scene.control.TextArea(bundle.manifest());
        manifest.setId("support-bundle-manifest");
        manifest.setEditable(false);
        manifest.setPrefColumnCount(70);
        manifest.setPrefRowCount(12);
        dialog.getDialogPane().setContent(manifest);
        ButtonType save = new ButtonType(texts.get("app.support.bundle.save"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(texts.get("app.dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(save, cancel);
        dialog.setResultConverter(button -> button == save);
        if (dialog.showAndWait().orElse(false)) {
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.setTitle(texts.get("app.support.bundle.title"));
            chooser.setInitialFileName("iepmp-support-" + java.time.LocalDate.now(model.clock()) + ".zip");
            java.io.File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
            if (file != null) {
                model.saveBundle(file.toPath());
            }
        }
    }

    /** "ab3k7mnp" → "ab3k 7mnp": easier to read aloud over the phone. */
    private static String spaced(String password) {
        return password.length() <= 4 ? password : password.substring(0, 4) + " " + password.substring(4);
    }
}
