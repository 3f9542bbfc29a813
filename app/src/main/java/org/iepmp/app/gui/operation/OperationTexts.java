package org.iepmp.app.gui.operation;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.iepmp.app.gui.common.HistoryTexts;
import org.iepmp.app.gui.common.UiTexts;
import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.OperationOutcome;
import org.iepmp.lifecycle.api.PlanStep;
import org.iepmp.lifecycle.api.PreflightResult;
import org.iepmp.lifecycle.api.PreflightStatus;
import org.iepmp.lifecycle.api.ProgressEvent;

/** The sentences of the operation pages, in the active language, in one place so every page says them alike. */
public final class OperationTexts {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final UiTexts texts;
    private final HistoryTexts names;

    public OperationTexts(UiTexts texts) {
        this.texts = texts;
        this.names = new HistoryTexts(texts);
    }

    public String action(OperationAction action) {
        return names.action(action);
    }

    public String outcome(OperationOutcome outcome) {
        return names.outcome(outcome);
    }

    public static String versions(String from, String to) {
        if (from == null && to == null) {
            return "";
        }
        return (from == null ? "—" : from) + " → " + (to == null ? "—" : to);
    }

    public String problem(FieldProblem problem) {
        return problem == null ? "" : texts.get(problem.key(), problem.params().toArray());
    }

    public String status(PreflightStatus status) {
        return switch (status) {
            case PASS -> texts.get("ops.preflight.status.pass");
            case WARN -> texts.get("ops.preflight.status.warn");
            case FAIL -> texts.get("ops.preflight.status.fail");
        };
    }

    public String sentence(PreflightResult check) {
        return texts.get(check.messageKey(), check.params().toArray());
    }

    /** What the technician can do about a warning or failure; empty for a pass. */
    public String whatToDo(PreflightResult check) {
        if (check.status() == PreflightStatus.PASS) {
            return "";
        }
        return switch (check.messageKey()) {
            case "lifecycle.preflight.clusterUnreachable" -> texts.get("ops.preflight.todo.clusterUnreachable");
            case "lifecycle.preflight.clockSkew" -> texts.get("ops.preflight.todo.clockSkew");
            case "lifecycle.preflight.nodesNotAllReady" -> texts.get("ops.preflight.todo.nodesNotAllReady");
            case "lifecycle.preflight.noNodeReady" -> texts.get("ops.preflight.todo.noNodeReady");
            case "lifecycle.preflight.diskPressure" -> texts.get("ops.preflight.todo.diskPressure");
            case "lifecycle.preflight.dataFolderFull" -> texts.get("ops.preflight.todo.dataFolderFull");
            case "lifecycle.preflight.resourcesExceeded", "lifecycle.preflight.resourcesShort" ->
                    texts.get("ops.preflight.todo.resources");
            case "lifecycle.preflight.imagesMissingAirGapped" -> texts.get("ops.preflight.todo.imagesMissing");
            case "lifecycle.preflight.lockHeld" -> texts.get("ops.preflight.todo.lockHeld");
            case "lifecycle.preflight.lockUnavailable" -> texts.get("ops.preflight.todo.lockUnavailable");
            case "lifecycle.preflight.releaseStuck" -> texts.get("ops.preflight.todo.releaseStuck");
            case "lifecycle.preflight.dependents" -> texts.get("ops.preflight.todo.dependents");
            case "lifecycle.preflight.notRestorable" -> texts.get("ops.preflight.todo.notRestorable");
            case "lifecycle.preflight.permissionDenied" -> texts.get("ops.preflight.todo.permissionDenied");
            default -> texts.get(check.status() == PreflightStatus.FAIL ? "ops.preflight.todo.otherFail"
                    : "ops.preflight.todo.otherWarn");
        };
    }

    public String stepLine(PlanStep step, int total) {
        return texts.get("ops.progress.stepStarted", step.sequence(), total, action(step.action()), step.packageName(),
                versions(step.fromVersion(), step.toVersion()));
    }

    /** One line of the live log. */
    public String eventLine(ProgressEvent event, int total) {
        String time = LocalTime.ofInstant(event.at(), ZoneId.systemDefault()).format(CLOCK);
        String text;
        if (event instanceof ProgressEvent.PreflightChecked checked) {
            text = status(checked.result().status()) + ": " + sentence(checked.result());
        } else if (event instanceof ProgressEvent.StepStarted started) {
            text = stepLine(started.step(), total);
        } else if (event instanceof ProgressEvent.StepProgress progress) {
            text = texts.get(progress.messageKey(), progress.params().toArray());
        } else if (event instanceof ProgressEvent.StepLog log) {
            text = "    " + texts.get(log.entry().key(), log.entry().params().toArray());
        } else if (event instanceof ProgressEvent.StepFinished finished) {
            text = texts.get("ops.progress.stepFinished", finished.result().sequence(), action(finished.result().action()),
                    finished.result().packageName(), outcome(finished.result().outcome()));
        } else if (event instanceof ProgressEvent.RollbackStarted rollback) {
            text = texts.get("ops.progress.rollbackStarted", rollback.failedSequence());
        } else if (event instanceof ProgressEvent.OperationFinished finished) {
            text = texts.get("ops.progress.finished", outcome(finished.result().outcome()));
        } else {
            text = event.toString();
        }
        return time + "  " + text;
    }

    public String flowTitle(OperationSpec spec) {
        return switch (spec.action()) {
            case INSTALL -> texts.get("ops.flow.title.install", spec.packageName(), spec.version());
            case UPGRADE -> texts.get("ops.flow.title.upgrade", spec.releaseName(), String.valueOf(spec.version()));
            case CONFIGURE -> texts.get("ops.flow.title.configure", spec.releaseName());
            case ROLLBACK -> texts.get("ops.flow.title.rollback", spec.releaseName());
            case UNINSTALL -> texts.get("ops.flow.title.uninstall", spec.releaseName());
            case REPAIR -> texts.get("ops.flow.title.repair", spec.releaseName());
            case AUDIT -> action(spec.action()) + " " + spec.releaseName();
        };
    }

    /** The confirm button's text on the check page. */
    public String confirm(OperationAction action) {
        return switch (action) {
            case INSTALL -> texts.get("ops.flow.confirm.install");
            case UNINSTALL -> texts.get("ops.flow.confirm.uninstall");
            case ROLLBACK -> texts.get("ops.flow.confirm.rollback");
            default -> texts.get("ops.flow.confirm.apply");
        };
    }

    /** The window title; the update wizard names the release, the installed and the chosen version. */
    public String flowTitle(OperationSpec spec, UpgradeChoice chosen) {
        if (spec.upgrade() == null) {
            return flowTitle(spec);
        }
        return chosen == null ? texts.get("wizard.title", spec.releaseName(), spec.upgrade().installedVersion())
                : texts.get("wizard.title.chosen", spec.releaseName(), versions(spec.upgrade().installedVersion(), chosen.version()));
    }

    /** A page's name; the update wizard's pages have their own names. */
    public String pageName(OperationFlowModel.Page page, boolean wizard) {
        if (!wizard) {
            return pageName(page);
        }
        return switch (page) {
            case CHOOSE -> texts.get("wizard.page.choose");
            case FORM, PLAN -> texts.get("wizard.page.review");
            case CHECK -> texts.get("wizard.page.check");
            case PROGRESS -> texts.get("wizard.page.apply");
            case RESULT -> texts.get("wizard.page.result");
        };
    }

    /** A page's one-line explanation; the update wizard's pages have their own. */
    public String pageExplanation(OperationFlowModel.Page page, boolean wizard) {
        if (!wizard) {
            return pageExplanation(page);
        }
        return switch (page) {
            case CHOOSE -> texts.get("wizard.page.choose.explain");
            case FORM, PLAN -> texts.get("wizard.page.review.explain");
            case CHECK -> texts.get("wizard.page.check.explain");
            case PROGRESS -> texts.get("wizard.page.apply.explain");
            case RESULT -> texts.get("wizard.page.result.explain");
        };
    }

    public String pageName(OperationFlowModel.Page page) {
        return switch (page) {
            case CHOOSE -> texts.get("ops.page.choose");
            case FORM -> texts.get("ops.page.form");
            case PLAN -> texts.get("ops.page.plan");
            case CHECK -> texts.get("ops.page.check");
            case PROGRESS -> texts.get("ops.page.progress");
            case RESULT -> texts.get("ops.page.result");
        };
    }

    /** The one-line explanation at the top of a page. */
    public String pageExplanation(OperationFlowModel.Page page) {
        return switch (page) {
            case CHOOSE -> texts.get("ops.page.choose.explain");
            case FORM -> texts.get("ops.page.form.explain");
            case PLAN -> texts.get("ops.page.plan.explain");
            case CHECK -> texts.get("ops.page.check.explain");
            case PROGRESS -> texts.get("ops.page.progress.explain");
            case RESULT -> texts.get("ops.page.result.explain");
        };
    }

    /** The Choose page's sentence about the chosen version's resources (what it removes above all). */
    public String resourceSentence(ResourcePreview preview) {
        if (preview == null) {
            return "";
        }
        if (preview.checking()) {
            return texts.get("wizard.choose.resources.checking");
        }
        if (!preview.known()) {
            return texts.get("wizard.choose.risk.resources");
        }
        String counts = texts.get("wizard.choose.resources.counts", preview.added(), preview.changed(), preview.removed().size());
        return preview.removed().isEmpty() ? counts
                : texts.get("wizard.choose.resources.removed", preview.removed().size(), String.join(", ", preview.removed())) + "\n" + counts;
    }

    /** The short form of it for a line of hints: "checking resources…", "removes 2 resources", else empty. */
    public String resourceHint(ResourcePreview preview) {
        if (preview == null || !preview.checking() && preview.removed().isEmpty()) {
            return "";
        }
        return preview.checking() ? texts.get("wizard.choose.hint.checking")
                : texts.get("wizard.choose.hint.removes", preview.removed().size());
    }
}
