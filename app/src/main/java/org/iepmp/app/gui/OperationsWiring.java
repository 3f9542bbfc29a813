package org.iepmp.app.gui;

import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.iepmp.app.dialog.DialogService;
import org.iepmp.app.dialog.ErrorPresenter;
import org.iepmp.app.gui.common.UiTexts;
import org.iepmp.app.gui.history.HistoryViewModel;
import org.iepmp.app.gui.notify.Notifier;
import org.iepmp.app.gui.operation.ClusterEngine;
import org.iepmp.app.gui.operation.OperationWindow;
import org.iepmp.app.gui.operation.Operations;
import org.iepmp.app.gui.operation.ResultLinks;
import org.iepmp.app.gui.shell.Section;
import org.iepmp.app.gui.shell.ShellViewModel;
import org.iepmp.app.task.TaskExecutor;
import org.iepmp.catalog.api.Catalog;
import org.iepmp.lifecycle.api.Actor;
import org.iepmp.lifecycle.api.HistoryStore;

/**
 * The operation flows through the cluster's shared engine session: their window, what follows an
 * operation (lists read again, a notice), and the links from a result to History and Support.
 */
final class OperationsWiring {

    private OperationsWiring() {
    }

    /** What the flows need from the window around them. */
    record Window(UiTexts texts, ErrorPresenter presenter, DialogService dialogs, Supplier<Stage> stage,
                  ShellViewModel shell) {
    }

    /**
     * @param afterOperation reads the lists an operation changes (Installed, History, the lock)
     * @param notifier told when an operation ends
     */
    static Operations operations(Window window, ClusterEngine clusterEngine, Catalog catalog, Supplier<HistoryStore> history,
                                 TaskExecutor executor, HistoryViewModel historyModel, Runnable afterOperation,
                                 Notifier notifier) {
        OperationWindow operationWindow = new OperationWindow(window.texts(), window.presenter(),
                resultLinks(window.shell(), historyModel));
        Operations operations = new Operations(clusterEngine.sessionProperty(), catalog, history, executor, Platform::runLater,
                new Actor(System.getProperty("user.name"), null), window.dialogs(),
                (flow, closed) -> operationWindow.open(window.stage().get(), flow, closed),
                (run, closed) -> operationWindow.open(window.stage().get(), run, closed), afterOperation, window.texts());
        noticeWhenEnded(operations, notifier);
        return operations;
    }

    private static ResultLinks resultLinks(ShellViewModel shell, HistoryViewModel historyModel) {
        return new ResultLinks() {
            @Override
            public void showHistory(long operationId) {
                shell.show(Section.HISTORY);
                historyModel.showOperation(operationId);
            }

            @Override
            public void supportBundle() {
                shell.show(Section.SUPPORT);
            }
        };
    }

    /** A notice when an operation ends, also for a technician who has turned to another window meanwhile. */
    private static void noticeWhenEnded(Operations operations, Notifier notifier) {
        operations.currentFlowProperty().addListener((obs, old, flow) -> {
            if (flow != null) {
                flow.resultProperty().addListener((o, before, result) -> {
                    if (result != null) {
                        notifier.operationEnded(flow.spec().packageName(), result.outcome());
                    }
                });
            }
        });
        operations.currentRunProperty().addListener((obs, old, run) -> {
            if (run != null) {
                run.parts().forEach(part -> part.flow().resultProperty().addListener((o, before, result) -> {
                    if (result != null) {
                        notifier.operationEnded(part.flow().spec().packageName(), result.outcome());
                    }
                }));
            }
        });
    }
}
