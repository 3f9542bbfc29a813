package org.iepmp.app.gui.common;

import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.OperationOutcome;

/** Localized names of history actions and outcomes. */
public final class HistoryTexts {

    private final UiTexts texts;

    public HistoryTexts(UiTexts texts) {
        this.texts = texts;
    }

    public String action(OperationAction action) {
        return switch (action) {
            case INSTALL -> texts.get("app.history.action.install");
            case UPGRADE -> texts.get("app.history.action.upgrade");
            case ROLLBACK -> texts.get("app.history.action.rollback");
            case UNINSTALL -> texts.get("app.history.action.uninstall");
            case CONFIGURE -> texts.get("app.history.action.configure");
            case REPAIR -> texts.get("app.history.action.repair");
            case AUDIT -> texts.get("app.history.action.audit");
        };
    }

    public String outcome(OperationOutcome outcome) {
        return switch (outcome) {
            case RUNNING -> texts.get("app.history.outcome.running");
            case SUCCEEDED -> texts.get("app.history.outcome.succeeded");
            case FAILED -> texts.get("app.history.outcome.failed");
            case ROLLED_BACK -> texts.get("app.history.outcome.rolledBack");
            case INTERRUPTED -> texts.get("app.history.outcome.interrupted");
            case CANCELLED -> texts.get("app.history.outcome.cancelled");
        };
    }
}
