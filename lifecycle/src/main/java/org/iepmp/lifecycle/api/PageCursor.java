package org.iepmp.lifecycle.api;

import java.time.Instant;

/** Where the next page starts: after the row with this start time and id (newest first). */
public record PageCursor(Instant startedAt, long id) {
}
