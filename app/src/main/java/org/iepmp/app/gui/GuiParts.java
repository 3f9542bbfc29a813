package org.iepmp.app.gui;

import org.iepmp.app.engine.EngineSessions;
import org.iepmp.app.gui.catalog.CatalogViewModel;
import org.iepmp.app.gui.cluster.ClusterViewModel;
import org.iepmp.app.gui.cluster.LockStatusModel;
import org.iepmp.app.gui.common.UiTexts;
import org.iepmp.app.gui.history.HistoryViewModel;
import org.iepmp.app.gui.installed.InstalledViewModel;
import org.iepmp.app.gui.notify.NotificationCenter;
import org.iepmp.app.gui.notify.Notifier;
import org.iepmp.app.gui.operation.ClusterEngine;
import org.iepmp.app.gui.operation.Operations;
import org.iepmp.app.gui.repositories.RepositoriesViewModel;
import org.iepmp.app.gui.settings.SettingsViewModel;
import org.iepmp.app.gui.shell.ShellViewModel;
import org.iepmp.app.gui.support.SupportViewModel;
import org.iepmp.app.gui.updates.UpdatesViewModel;

/**
 * The models behind the window's sections, as the composition built them: what the section views
 * bind to, and what the window's tests drive and read (the one way in besides the window itself).
 *
 * @param notifier for the operation flows: shows a notice when an operation ends and checks for updates again
 */
public record GuiParts(UiTexts texts, ShellViewModel shell, SettingsViewModel settings, ClusterViewModel cluster,
                       LockStatusModel lockStatus, ClusterEngine clusterEngine, EngineSessions engines,
                       RepositoriesViewModel repositories, CatalogViewModel catalog, InstalledViewModel installed,
                       HistoryViewModel history, UpdatesViewModel updates, SupportViewModel support, Operations operations,
                       NotificationCenter notices, Notifier notifier) {
}
