package org.iepmp.lifecycle.history;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.iepmp.lifecycle.api.HistoryFilter;
import org.iepmp.lifecycle.api.PageCursor;

/** Builds the WHERE clause of a history filter, with its arguments in order. */
final class HistorySql {

    /** Columns shown to the UI and exports: everything but the sealed secrets and process bookkeeping. */
    static final String OPERATION_COLUMNS = "o.id, o.cluster_id, o.os_user, o.technician, o.reason, o.ticket, o.action, o.package, "
            + "o.release_name, o.namespace, o.source_repository, o.from_version, o.to_version, o.chart_digest, o.values_masked, "
            + "o.plan_summary, o.preflight, o.outcome, o.error_code, o.error_message, o.started_at, o.ended_at, o.duration_ms, "
            + "o.reconcile_key, o.reconcile_params, o.reconcile_repair, o.reconciled_at";

    private static final String[] TEXT_COLUMNS = {
        "o.package", "o.release_name", "o.reason", "o.ticket", "o.technician", "o.os_user", "o.from_version", "o.to_version", "o.error_message"
    };

    /** The trigram index matches substrings of three or more characters; shorter text falls back to LIKE. */
    private static final int TRIGRAM = 3;

    record Where(String sql, List<Object> args) {
    }

    private HistorySql() {
    }

    /** Above this many text matches, a page is found faster by walking the time index than by sorting every match. */
    static final long MANY_MATCHES = 2_000;

    /** Besides text, the filter has a condition an ordinary index can drive. */
    static boolean narrowedBesidesText(HistoryFilter filter) {
        return filter.clusterId() != null || filter.packageName() != null || filter.from() != null || filter.to() != null
                || !filter.outcomes().isEmpty() || !filter.actions().isEmpty();
    }

    static boolean usesTextIndex(HistoryFilter filter) {
        return filter.text() != null && filter.text().codePointCount(0, filter.text().length()) >= TRIGRAM;
    }

    static Where where(HistoryFilter filter, PageCursor after) {
        return where(filter, after, false);
    }

    /**
     * {@code textAsFilter}: the text matches only filter rows that another index finds (the unary
     * plus stops SQLite from driving the query by the matches' rowids). Right when the text
     * matches many rows (walk the time index, stop at the page size) or another condition is
     * narrower (package, cluster...); wrong only for a rare text alone.
     */
    static Where where(HistoryFilter filter, PageCursor after, boolean textAsFilter) {
        List<String> clauses = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (filter.clusterId() != null) {
            clauses.add("o.cluster_id = ?");
            args.add(filter.clusterId());
        }
        if (filter.packageName() != null) {
            // A package installed as another's dependency has a step of its own but not the operation's name. The
            // subquery is not correlated: SQLite reads the matching steps once per query (no index on step.package yet;
            // adding one is a schema migration, left for a change that migrates anyway).
            clauses.add("(o.package = ? OR o.id IN (SELECT s.operation_id FROM step s WHERE s.package = ?))");
            args.add(filter.packageName());
            args.add(filter.packageName());
        }
        if (filter.from() != null) {
            clauses.add("o.started_at >= ?");
            args.add(filter.from().toEpochMilli());
        }
        if (filter.to() != null) {
            clauses.add("o.started_at < ?");
            args.add(filter.to().toEpochMilli());
        }
        if (!filter.outcomes().isEmpty()) {
            clauses.add("o.outcome IN (" + placeholders(filter.outcomes().size()) + ")");
            filter.outcomes().stream().map(Enum::name).sorted().forEach(args::add);
        }
        if (!filter.actions().isEmpty()) {
            clauses.add("o.action IN (" + placeholders(filter.actions().size()) + ")");
            filter.actions().stream().map(Enum::name).sorted().forEach(args::add);
        }
        if (filter.text() != null) {
            String text = filter.text();
            if (text.codePointCount(0, text.length()) >= TRIGRAM) {
                clauses.add((textAsFilter ? "+o.id" : "o.id") + " IN (SELECT rowid FROM operation_fts WHERE operation_fts MATCH ?)");
                // One quoted phrase: the user's text is matched literally, never parsed as FTS syntax.
                args.add("\"" + text.replace("\"", "\"\"") + "\"");
            } else {
                String like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                List<String> likes = new ArrayList<>();
                for (String column : TEXT_COLUMNS) {
                    likes.add(column + " LIKE ? ESCAPE '\\'");
                    args.add(like);
                }
                clauses.add("(" + String.join(" OR ", likes) + ")");
            }
        }
        if (after != null) {
            clauses.add("(o.started_at < ? OR (o.started_at = ? AND o.id < ?))");
            args.add(after.startedAt().toEpochMilli());
            args.add(after.startedAt().toEpochMilli());
            args.add(after.id());
        }
        String sql = clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
        return new Where(sql, args);
    }

    private static String placeholders(int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> "?").collect(Collectors.joining(", "));
    }
}
