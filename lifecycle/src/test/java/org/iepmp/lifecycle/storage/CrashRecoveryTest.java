package org.iepmp.lifecycle.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.iepmp.lifecycle.api.OperationOutcome;
import org.iepmp.lifecycle.api.OperationRecord;
import org.iepmp.lifecycle.api.StepRecord;
import org.iepmp.lifecycle.support.ProcessIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A console process really killed between two steps; the next start finds and marks what it left. */
class CrashRecoveryTest {

    @TempDir
    Path dir;

    @Test
    void aKilledConsoleLeavesAnInterruptedOperationForTheNextStart() throws Exception {
        Path data = dir.resolve("iepmp");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process console = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                ConsoleThatCrashes.class.getName(), data.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("console.log").toFile()).start();
        long op;
        try {
            Path ready = data.resolve("ready");
            for (int i = 0; i < 600 && !Files.exists(ready) && console.isAlive(); i++) {
                Thread.sleep(100);
            }
            assertThat(ready).as("console log: %s", Files.exists(dir.resolve("console.log")) ? Files.readString(dir.resolve("console.log")) : "")
                    .exists();
            op = Long.parseLong(Files.readString(ready));
            // While it lives, a second console must not mark its work as interrupted.
            try (LifecycleStorage second = LifecycleStorage.open(new LifecyclePaths(data), false, ProcessIdentity.current(),
                    Clock.systemUTC())) {
                assertThat(second.interruptedAtOpen()).isZero();
            }
            console.destroyForcibly();
            assertThat(console.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            console.destroyForcibly();
        }

        try (LifecycleStorage restarted = LifecycleStorage.open(new LifecyclePaths(data), false, ProcessIdentity.current(),
                Clock.systemUTC())) {
            assertThat(restarted.interruptedAtOpen()).isEqualTo(1);
            OperationRecord record = restarted.history().operation(op).orElseThrow();
            assertThat(record.outcome()).isEqualTo(OperationOutcome.INTERRUPTED);
            assertThat(record.reason().ticketReference()).contains("CHG-1");
            List<StepRecord> steps = restarted.history().steps(op);
            assertThat(steps).extracting(StepRecord::outcome).containsExactly(OperationOutcome.SUCCEEDED, OperationOutcome.INTERRUPTED);
            assertThat(restarted.history().restorableValues(steps.get(1).id()))
                    .isEqualTo(Map.of("auth", Map.of("password", "crash-secret-42")));
            assertThat(restarted.history().unreconciled("uid-crash")).extracting(OperationRecord::id).containsExactly(op);
        }
    }
}
