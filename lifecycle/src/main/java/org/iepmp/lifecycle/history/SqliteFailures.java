package org.iepmp.lifecycle.history;

import java.nio.file.Path;
import org.iepmp.lifecycle.api.LifecycleErrorCode;
import org.iepmp.lifecycle.api.LifecycleException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Turns SQLite failures (possibly wrapped, e.g. by Flyway) into typed errors about the history file. */
final class SqliteFailures {

    private SqliteFailures() {
    }

    static LifecycleException translate(Throwable failure, Path file, String doing) {
        if (failure instanceof LifecycleException typed) {
            return typed;
        }
        SQLiteErrorCode code = sqliteCode(failure);
        LifecycleErrorCode typed = code == null ? LifecycleErrorCode.HISTORY_UNAVAILABLE : classify(code);
        return new LifecycleException(typed, doing + " " + file + " failed: " + failure.getMessage(), failure, file);
    }

    static boolean isCorruption(Throwable failure) {
        SQLiteErrorCode code = sqliteCode(failure);
        return code != null && classify(code) == LifecycleErrorCode.HISTORY_CORRUPT;
    }

    private static LifecycleErrorCode classify(SQLiteErrorCode code) {
        // Extended codes (SQLITE_BUSY_SNAPSHOT, SQLITE_IOERR_WRITE...) carry their primary code in the low byte.
        int primary = code.code & 0xff;
        if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code) {
            return LifecycleErrorCode.HISTORY_LOCKED;
        }
        if (primary == SQLiteErrorCode.SQLITE_CORRUPT.code || primary == SQLiteErrorCode.SQLITE_NOTADB.code) {
            return LifecycleErrorCode.HISTORY_CORRUPT;
        }
        if (primary == SQLiteErrorCode.SQLITE_FULL.code) {
            return LifecycleErrorCode.HISTORY_DISK_FULL;
        }
        return LifecycleErrorCode.HISTORY_UNAVAILABLE;
    }

    private static SQLiteErrorCode sqliteCode(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException sqlite) {
                return sqlite.getResultCode();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
