-- History of operations and their steps. Times are epoch milliseconds (UTC).
CREATE TABLE operation (
    id                    INTEGER PRIMARY KEY,
    cluster_id            TEXT    NOT NULL,
    os_user               TEXT    NOT NULL,
    technician            TEXT,
    reason                TEXT    NOT NULL DEFAULT '',
    ticket                TEXT,
    action                TEXT    NOT NULL,
    package               TEXT    NOT NULL,
    release_name          TEXT    NOT NULL,
    namespace             TEXT,
    source_repository     TEXT,
    from_version          TEXT,
    to_version            TEXT,
    chart_digest          TEXT,
    values_masked         TEXT    NOT NULL DEFAULT '{}',
    secrets_sealed        TEXT,
    plan_summary          TEXT    NOT NULL DEFAULT '',
    preflight             TEXT    NOT NULL DEFAULT '[]',
    outcome               TEXT    NOT NULL,
    error_code            TEXT,
    error_message         TEXT,
    started_at            INTEGER NOT NULL,
    ended_at              INTEGER,
    duration_ms           INTEGER,
    process_host          TEXT,
    process_pid           INTEGER,
    process_session       TEXT,
    reconcile_key         TEXT,
    reconcile_params      TEXT,
    reconcile_repair      INTEGER,
    reconciled_at         INTEGER
);

CREATE INDEX operation_by_time ON operation (started_at DESC, id DESC);
CREATE INDEX operation_by_cluster ON operation (cluster_id, started_at DESC, id DESC);
CREATE INDEX operation_by_package ON operation (package, started_at DESC, id DESC);
CREATE INDEX operation_by_outcome ON operation (outcome, started_at DESC, id DESC);
CREATE INDEX operation_by_cluster_outcome ON operation (cluster_id, outcome, started_at DESC, id DESC);
CREATE INDEX operation_by_release ON operation (cluster_id, namespace, release_name);

CREATE TABLE step (
    id                    INTEGER PRIMARY KEY,
    operation_id          INTEGER NOT NULL REFERENCES operation (id),
    seq                   INTEGER NOT NULL,
    action                TEXT    NOT NULL,
    package               TEXT    NOT NULL,
    release_name          TEXT    NOT NULL,
    namespace             TEXT,
    from_version          TEXT,
    to_version            TEXT,
    chart_digest          TEXT,
    values_masked         TEXT    NOT NULL DEFAULT '{}',
    secrets_sealed        TEXT,
    outcome               TEXT    NOT NULL,
    error_code            TEXT,
    error_message         TEXT,
    started_at            INTEGER NOT NULL,
    ended_at              INTEGER,
    duration_ms           INTEGER,
    log                   TEXT    NOT NULL DEFAULT ''
);

CREATE INDEX step_by_operation ON step (operation_id, seq);
CREATE INDEX step_by_release ON step (release_name, namespace, outcome);

-- Substring search (trigram, case-insensitive) over the texts a technician remembers.
CREATE VIRTUAL TABLE operation_fts USING fts5 (
    package, release_name, reason, ticket, technician, os_user, from_version, to_version, error_message,
    content = 'operation', content_rowid = 'id', tokenize = 'trigram'
);

CREATE TRIGGER operation_fts_insert AFTER INSERT ON operation BEGIN
    INSERT INTO operation_fts (rowid, package, release_name, reason, ticket, technician, os_user, from_version, to_version, error_message)
    VALUES (new.id, new.package, new.release_name, new.reason, new.ticket, new.technician, new.os_user, new.from_version, new.to_version, new.error_message);
END;

CREATE TRIGGER operation_fts_delete AFTER DELETE ON operation BEGIN
    INSERT INTO operation_fts (operation_fts, rowid, package, release_name, reason, ticket, technician, os_user, from_version, to_version, error_message)
    VALUES ('delete', old.id, old.package, old.release_name, old.reason, old.ticket, old.technician, old.os_user, old.from_version, old.to_version, old.error_message);
END;

CREATE TRIGGER operation_fts_update AFTER UPDATE OF package, release_name, reason, ticket, technician, os_user, from_version, to_version, error_message ON operation BEGIN
    INSERT INTO operation_fts (operation_fts, rowid, package, release_name, reason, ticket, technician, os_user, from_version, to_version, error_message)
    VALUES ('delete', old.id, old.package, old.release_name, old.reason, old.ticket, old.technician, old.os_user, old.from_version, old.to_version, old.error_message);
    INSERT INTO operation_fts (rowid, package, release_name, reason, ticket, technician, os_user, from_version, to_version, error_message)
    VALUES (new.id, new.package, new.release_name, new.reason, new.ticket, new.technician, new.os_user, new.from_version, new.to_version, new.error_message);
END;
