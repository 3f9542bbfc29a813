package org.iepmp.lifecycle.history;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iepmp.lifecycle.api.Actor;
import org.iepmp.lifecycle.api.NewOperation;
import org.iepmp.lifecycle.api.NewStep;
import org.iepmp.lifecycle.api.OperationAction;
import org.iepmp.lifecycle.api.PreflightResult;
import org.iepmp.lifecycle.api.PreflightStatus;
import org.iepmp.lifecycle.api.Reason;
import org.iepmp.lifecycle.api.RecordedValues;
import org.iepmp.lifecycle.secret.LocalSecretKey;
import org.iepmp.lifecycle.secret.SecretSealer;
import org.iepmp.lifecycle.support.ProcessIdentity;
import org.iepmp.lifecycle.values.SecretMasker;

/** Opens real stores on files in a test's temp folder, and builds typical rows. */
final class HistoryFixture {

    static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");
    static final String CLUSTER = "5f1c0c7e-kube-system-uid";
    static final String SECRET = "s3cr3t-Passw0rd!";

    final Path dir;
    final Path db;
    final LocalSecretKey key;

    HistoryFixture(Path dir) {
        this.dir = dir;
        this.db = dir.resolve("history.db");
        this.key = LocalSecretKey.loadOrCreate(dir.resolve("secret.key"));
    }

    SqliteHistoryStore open() {
        return open(HistoryOptions.defaults(db).withBusyTimeout(Duration.ofMillis(300)));
    }

    SqliteHistoryStore open(HistoryOptions options) {
        return open(options, ProcessIdentity.current());
    }

    SqliteHistoryStore open(HistoryOptions options, ProcessIdentity process) {
        return SqliteHistoryStore.open(options, masker(), new SecretSealer(key.sealingKey()), process, Clock.fixed(T0, ZoneOffset.UTC));
    }

    SecretMasker masker() {
        return new SecretMasker(key.fingerprintKey());
    }

    static RecordedValues valuesWithSecret() {
        return new RecordedValues(Map.of(
                "image", Map.of("tag", "1.15.1"),
                "database", Map.of("password", SECRET, "user", "mes"),
                "replicas", 2), Set.of("database.password"));
    }

    static NewOperation operation(OperationAction action, String pkg, String from, String to, Instant at) {
        return new NewOperation(CLUSTER, new Actor("operator", "Wang Wei"), new Reason("Monthly update, line 3", "CHG-1042"), at,
                action, pkg, pkg, "iepmp", "vendor-main", from, to, "sha256:" + "ab".repeat(32), valuesWithSecret(),
                action.name().toLowerCase() + " " + pkg + " " + from + " -> " + to,
                List.of(new PreflightResult("nodesReady", PreflightStatus.PASS, "example.nodesReady", List.of(1, "node-a"))));
    }

    static NewStep step(long operationId, int seq, String pkg, String from, String to, Instant at) {
        return new NewStep(operationId, seq, OperationAction.UPGRADE, pkg, pkg, "iepmp", from, to, "sha256:" + "cd".repeat(32),
                valuesWithSecret(), at);
    }
}
