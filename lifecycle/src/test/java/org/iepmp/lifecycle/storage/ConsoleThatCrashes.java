package org.iepmp.lifecycle.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.iepmp.lifecycle.api.Actor;
import org.iepmp.lifecycle.api.Completion;
import org.iepmp.lifecycle.api.NewOperation;
import org.iepmp.lifecycle.api.NewStep;
import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.Reason;
import org.iepmp.lifecycle.api.RecordedValues;
import org.iepmp.lifecycle.support.ProcessIdentity;

/**
 * Run as a separate JVM by {@link CrashRecoveryTest}: records an operation whose first step
 * finished and whose second step started, says so with a file, then waits to be killed.
 */
public final class ConsoleThatCrashes {

    private ConsoleThatCrashes() {
    }

    public static void main(String[] args) throws Exception {
        LifecyclePaths paths = new LifecyclePaths(Path.of(args[0]));
        LifecycleStorage storage = LifecycleStorage.open(paths, false, ProcessIdentity.current(), Clock.systemUTC());
        Instant now = Instant.now();
        RecordedValues values = new RecordedValues(Map.of("auth", Map.of("password", "crash-secret-42")), Set.of());
        long op = storage.history().beginOperation(new NewOperation("uid-crash", new Actor("anna", null), new Reason("update", "CHG-1"),
                now, OperationAction.UPGRADE, "mes", null, "iepmp", null, "1.0.0", "2.0.0", null, values, "upgrade mes", null));
        long first = storage.history().beginStep(new NewStep(op, 1, OperationAction.UPGRADE, "mes-db", null, "iepmp", "1.0.0", "1.1.0",
                null, values, now));
        storage.history().finishStep(first, Completion.succeeded(Instant.now()));
        storage.history().beginStep(new NewStep(op, 2, OperationAction.UPGRADE, "mes", null, "iepmp", "1.0.0", "2.0.0", null, values,
                Instant.now()));
        Files.writeString(paths.dataDir().resolve("ready"), Long.toString(op));
        Thread.sleep(60_000);
    }
}
