package org.iepmp.app.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.iepmp.app.words.SettingWords;
import org.iepmp.i18n.api.Messages;
import org.iepmp.lifecycle.api.ChangeKind;
import org.iepmp.lifecycle.api.OperationOutcome;
import org.iepmp.lifecycle.api.OperationResult;
import org.iepmp.lifecycle.api.Plan;
import org.iepmp.lifecycle.api.PlanStep;
import org.iepmp.lifecycle.api.PreflightResult;
import org.iepmp.lifecycle.api.ProgressEvent;
import org.iepmp.lifecycle.api.StepResult;
import org.iepmp.lifecycle.api.ValueChange;

/** A plan, its preflight, the progress and the result of an operation, in words (or JSON). */
final class PlanView {

    private final CliSession session;
    private final Messages messages;
    private final CliTexts texts;
    private final Printer printer;
    /** The checks as the engine repeated them when the operation started (another may have begun meanwhile). */
    private final List<PreflightResult> repeated = new CopyOnWriteArrayList<>();

    PlanView(CliSession session) {
        this.session = session;
        this.messages = session.messages();
        this.texts = new CliTexts(messages);
        this.printer = session.printer();
    }

    /** Plan and preflight (and the result once there is one), as text or as one JSON object. */
    void print(Plan plan, List<PreflightResult> checks, Optional<OperationResult> result) {
        if (printer.json()) {
            List<PreflightResult> shown = result.isPresent() && !repeated.isEmpty() ? List.copyOf(repeated) : checks;
            Map<String, Object> json = Printer.object("plan", plan.steps().stream().map(this::stepJson).toList(),
                    "preflight", shown.stream().map(this::checkJson).toList());
            result.ifPresent(r -> json.put("result", resultJson(r)));
            printer.printJson(json);
            return;
        }
        printPlan(plan, checks);
        result.ifPresent(r -> printResult(plan, r));
    }

    void printPlan(Plan plan, List<PreflightResult> checks) {
        printer.say("cli.plan.title");
        for (PlanStep step : plan.steps()) {
            printer.line("  " + messages.get("cli.plan.step", step.sequence(), texts.action(step.action()), step.packageName(),
                    step.fromVersion() == null ? "-" : step.fromVersion(), step.toVersion() == null ? "-" : step.toVersion(),
                    step.releaseName(), step.namespace()));
            if (!step.valuesDiff().isEmpty()) {
                printer.line("     " + messages.get("cli.plan.values", step.valuesDiff().count(ChangeKind.ADDED),
                        step.valuesDiff().count(ChangeKind.CHANGED), step.valuesDiff().count(ChangeKind.REMOVED)));
                for (ValueChange change : step.valuesDiff().changes()) {
                    printer.line("       " + sign(change.kind()) + " " + change.path()
                            + (change.after() == null ? "" : " = " + change.after()));
                }
            }
            if (!step.settings().isEmpty()) {
                printer.line("     " + messages.get("cli.plan.settings"));
                step.settings().forEach(mapping -> printer.line("       " + SettingWords.line(messages, mapping)));
            }
            var resources = step.manifestDiff().resources();
            if (!resources.isEmpty()) {
                printer.line("     " + messages.get("cli.plan.resources", resources.stream().filter(r -> r.kind() == ChangeKind.ADDED).count(),
                        resources.stream().filter(r -> r.kind() == ChangeKind.CHANGED).count(),
                        resources.stream().filter(r -> r.kind() == ChangeKind.REMOVED).count()));
            }
        }
        printer.say("cli.plan.preflight");
        for (PreflightResult check : checks) {
            printer.line("  " + texts.checkColumn(check.status()) + "  "
                    + messages.get(check.messageKey(), check.params().toArray()));
        }
    }

    void printResult(Plan plan, OperationResult result) {
        if (result.outcome() == OperationOutcome.SUCCEEDED) {
            printer.say("cli.op.succeeded", plan.summary(), Long.toString(result.operationId()));
            return;
        }
        String sentence = result.messageKey() == null ? "" : messages.get(result.messageKey(), result.params().toArray());
        printer.say("cli.op.failed", texts.outcome(result.outcome()), sentence, Long.toString(result.operationId()));
        for (StepResult restored : result.restored()) {
            printer.line("  " + messages.get("cli.op.restored", restored.packageName(), texts.outcome(restored.outcome())));
        }
    }

    /** Progress on stderr, so stdout stays the plan and the result. */
    void progress(ProgressEvent event) {
        if (event instanceof ProgressEvent.PreflightChecked checked) {
            repeated.add(checked.result());
            if (checked.result().blocks()) {
                // The list shown before said otherwise: the user sees which check now stops the operation.
                printer.note("cli.progress.preflightChanged");
                printer.noteText("  " + texts.checkColumn(checked.result().status()) + "  "
                        + messages.get(checked.result().messageKey(), checked.result().params().toArray()));
            }
        } else if (event instanceof ProgressEvent.StepStarted started) {
            printer.note("cli.progress.stepStarted", started.step().sequence(), texts.action(started.step().action()),
                    started.step().packageName(), started.step().toVersion() == null ? "-" : started.step().toVersion());
        } else if (event instanceof ProgressEvent.StepProgress progress) {
            printer.noteText("   " + messages.get(progress.messageKey(), progress.params().toArray()));
        } else if (event instanceof ProgressEvent.StepFinished finished) {
            printer.note("cli.progress.stepFinished", finished.result().sequence(), texts.outcome(finished.result().outcome()));
        } else if (event instanceof ProgressEvent.RollbackStarted rollback) {
            printer.note("cli.progress.rollbackStarted", rollback.failedSequence());
        }
    }

    private static String sign(ChangeKind kind) {
        return switch (kind) {
            case ADDED -> "+";
            case CHANGED -> "~";
            case REMOVED -> "-";
        };
    }

    private Map<String, Object> stepJson(PlanStep step) {
        return Printer.object("sequence", step.sequence(), "action", step.action().name().toLowerCase(Locale.ROOT),
                "package", step.packageName(), "release", step.releaseName(), "namespace", step.namespace(),
                "fromVersion", step.fromVersion(), "toVersion", step.toVersion(), "chartDigest", step.chartDigest(),
                "values", step.valuesDiff().changes().stream().map(c -> Printer.object("path", c.path(),
                        "change", c.kind().name().toLowerCase(Locale.ROOT), "before", c.before(), "after", c.after(),
                        "secret", c.secret())).toList(),
                "settings", step.settings().stream().map(m -> Printer.object("name", m.definition(), "value", m.given(),
                        "source", m.source().name().toLowerCase(Locale.ROOT), "chart", m.target().chart(), "resource", m.target().resource(),
                        "path", m.target().path(), "op", m.op(), "json", m.json())).toList(),
                "resources", step.manifestDiff().resources().stream().map(r -> Printer.object("resource", r.resource().display(),
                        "change", r.kind().name().toLowerCase(Locale.ROOT))).toList());
    }

    private Map<String, Object> checkJson(PreflightResult check) {
        return Printer.object("check", check.checkId(), "status", check.status().name().toLowerCase(Locale.ROOT),
                "message", messages.get(check.messageKey(), check.params().toArray()));
    }

    private Map<String, Object> resultJson(OperationResult result) {
        return Printer.object("operationId", result.operationId(), "outcome", result.outcome().name().toLowerCase(Locale.ROOT),
                "errorCode", result.errorCode(),
                "message", result.messageKey() == null ? null : messages.get(result.messageKey(), result.params().toArray()),
                "steps", result.steps().stream().map(this::stepResultJson).toList(),
                "restored", result.restored().stream().map(this::stepResultJson).toList());
    }

    private Map<String, Object> stepResultJson(StepResult step) {
        return Printer.object("sequence", step.sequence(), "action", step.action().name().toLowerCase(Locale.ROOT),
                "package", step.packageName(), "outcome", step.outcome().name().toLowerCase(Locale.ROOT),
                "errorCode", step.errorCode());
    }
}
