package org.iepmp.lifecycle.engine;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.iepmp.lifecycle.api.HistoryStore;
import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.OperationOutcome;
import org.iepmp.lifecycle.api.ProgressEvent;
import org.iepmp.lifecycle.api.ProgressListener;
import org.iepmp.lifecycle.api.StepLogEntry;
import org.iepmp.lifecycle.api.StepResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What one operation run tells the listener and writes into the steps' logs, as keys with parameters. */
final class RunEvents {

    private static final Logger LOG = LoggerFactory.getLogger(RunEvents.class);

    private final long operationId;
    private final Clock clock;
    private final HistoryStore history;
    private final ProgressListener listener;

    RunEvents(long operationId, Clock clock, HistoryStore history, ProgressListener listener) {
        this.operationId = operationId;
        this.clock = clock;
        this.history = history;
        this.listener = listener;
    }

    void stepFinished(int sequence, OperationAction action, String pkg, OperationOutcome outcome, String code,
            List<StepResult> into) {
        StepResult result = new StepResult(sequence, action, pkg, outcome, code);
        into.add(result);
        emit(new ProgressEvent.StepFinished(operationId, clock.instant(), result));
    }

    void progress(int sequence, String key, Object... params) {
        List<Object> values = new ArrayList<>();
        for (Object param : params) {
            values.add(param == null ? "" : param);
        }
        emit(new ProgressEvent.StepProgress(operationId, clock.instant(), sequence, key, values));
    }

    void log(long stepId, int sequence, String key, Object... params) {
        StepLogEntry entry = StepLogEntry.of(key, params);
        history.appendStepLog(stepId, entry);
        emit(new ProgressEvent.StepLog(operationId, clock.instant(), sequence, entry));
    }

    void emit(ProgressEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("A progress listener failed on {}: {}", event.getClass().getSimpleName(), e.toString());
        }
    }
}
