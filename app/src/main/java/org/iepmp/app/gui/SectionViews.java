package org.iepmp.app.gui;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.Node;
import org.iepmp.app.Versions;
import org.iepmp.app.dialog.ErrorPresenter;
import org.iepmp.app.gui.catalog.CatalogView;
import org.iepmp.app.gui.cluster.ClusterView;
import org.iepmp.app.gui.common.EmptyStateView;
import org.iepmp.app.gui.common.FxDialogService;
import org.iepmp.app.gui.files.FileChoosers;
import org.iepmp.app.gui.history.HistoryView;
import org.iepmp.app.gui.installed.InstalledView;
import org.iepmp.app.gui.markdown.LinkOpener;
import org.iepmp.app.gui.operation.RecoveryNotice;
import org.iepmp.app.gui.repositories.RepositoriesView;
import org.iepmp.app.gui.settings.SettingsView;
import org.iepmp.app.gui.shell.Section;
import org.iepmp.app.gui.support.ScreenShareStrip;
import org.iepmp.app.gui.support.SupportBanner;
import org.iepmp.app.gui.support.SupportView;
import org.iepmp.app.gui.updates.UpdatesView;

/** The window's section views (each built when first shown) and the bars above them. */
final class SectionViews {

    private SectionViews() {
    }

    static Map<Section, Supplier<Node>> of(GuiParts parts, ErrorPresenter presenter, FxDialogService dialogs,
                                           LinkOpener links, FileChoosers choosers) {
        var texts = parts.texts();
        Map<Section, Supplier<Node>> views = new EnumMap<>(Section.class);
        for (Section section : Section.values()) {
            views.put(section, () -> new EmptyStateView(texts, section.emptyTitleKey(), section.emptyTextKey()));
        }
        views.put(Section.CLUSTER, () -> new ClusterView(parts.cluster(), parts.lockStatus(), texts, presenter));
        views.put(Section.SETTINGS, () -> new SettingsView(parts.settings(), texts));
        views.put(Section.REPOSITORIES, () -> new RepositoriesView(parts.repositories(), texts, presenter, dialogs,
                choosers));
        views.put(Section.CATALOG, () -> new CatalogView(parts.catalog(), texts, presenter, links));
        views.put(Section.SUPPORT, () -> new SupportView(parts.support(), texts, presenter));
        views.put(Section.INSTALLED, () -> new InstalledView(parts.installed(), texts, presenter));
        views.put(Section.UPDATES, () -> new UpdatesView(parts.updates(), texts, presenter, links));
        views.put(Section.HISTORY, () -> new HistoryView(parts.history(), texts, presenter, choosers));
        return views;
    }

    /** The recovery notice (with "open in the update wizard"), the support banner and the screen-share strip. */
    static List<Node> topBars(GuiParts parts, Runnable resumeInterrupted) {
        var texts = parts.texts();
        return List.of(new RecoveryNotice(parts.clusterEngine().recovered(), texts, resumeInterrupted),
                new SupportBanner(parts.support(), texts),
                new ScreenShareStrip(parts.support(), texts, Versions.application(), System.getProperty("user.name"), () -> {
                    var connected = parts.cluster().connectedCandidateProperty().get();
                    return connected == null ? texts.get("shell.cluster.state.notConnected") : connected.context();
                }));
    }
}
