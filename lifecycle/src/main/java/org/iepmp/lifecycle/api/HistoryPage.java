package org.iepmp.lifecycle.api;

import java.util.List;
import java.util.Optional;

/** One page of operations, newest first, the cursor of the next page if any, and the total count of the filter. */
public record HistoryPage(List<OperationRecord> rows, Optional<PageCursor> next, long total) {

    public HistoryPage {
        rows = List.copyOf(rows);
    }
}
