package org.iepmp.lifecycle.history;

import java.io.OutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iepmp.lifecycle.api.ExportFormat;
import org.iepmp.lifecycle.api.HistoryFilter;
import org.iepmp.lifecycle.api.HistoryPage;
import org.iepmp.lifecycle.api.OperationRecord;
import org.iepmp.lifecycle.api.PageCursor;
import org.sqlite.SQLiteDataSource;

/** The read side of the history: pages, counts and the audit export, filtered as {@link HistorySql} builds it. */
final class HistoryQueries {

    private static final int MAX_PAGE = 1000;

    private final Connection connection;
    private final SQLiteDataSource dataSource;
    private final Path file;
    private final HistoryRows rows;

    HistoryQueries(Connection connection, SQLiteDataSource dataSource, Path file, HistoryRows rows) {
        this.connection = connection;
        this.dataSource = dataSource;
        this.file = file;
        this.rows = rows;
    }

    HistoryPage page(HistoryFilter filter, PageCursor after, int limit) {
        int size = Math.max(1, Math.min(MAX_PAGE, limit));
        long total = count(filter);
        HistorySql.Where where = HistorySql.where(filter, after, total > HistorySql.MANY_MATCHES || HistorySql.narrowedBesidesText(filter));
        String sql = "SELECT " + HistorySql.OPERATION_COLUMNS + " FROM operation o" + where.sql()
                + " ORDER BY o.started_at DESC, o.id DESC LIMIT ?";
        List<OperationRecord> page = new ArrayList<>();
        boolean more;
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            List<Object> args = new ArrayList<>(where.args());
            // One extra row tells whether a next page exists without a second query.
            args.add(size + 1);
            SqlArgs.bind(select, args.toArray());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    page.add(rows.operation(row));
                }
            }
            more = page.size() > size;
        } catch (SQLException e) {
            throw SqliteFailures.translate(e, file, "Querying");
        }
        if (more) {
            page.remove(page.size() - 1);
        }
        Optional<PageCursor> next = more
                ? Optional.of(new PageCursor(page.get(page.size() - 1).startedAt(), page.get(page.size() - 1).id()))
                : Optional.empty();
        return new HistoryPage(page, next, total);
    }

    long count(HistoryFilter filter) {
        if (HistorySql.usesTextIndex(filter) && filter.equals(HistoryFilter.ALL.withText(filter.text()))) {
            // Text alone: the index counts its matches without touching the table.
            return countTextMatches(filter.text());
        }
        HistorySql.Where where = HistorySql.where(filter, null, HistorySql.narrowedBesidesText(filter));
        try (PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM operation o" + where.sql())) {
            SqlArgs.bind(select, where.args().toArray());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw SqliteFailures.translate(e, file, "Counting");
        }
    }

    private long countTextMatches(String text) {
        HistorySql.Where where = HistorySql.where(HistoryFilter.ALL.withText(text), null);
        try (PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM operation_fts WHERE operation_fts MATCH ?")) {
            SqlArgs.bind(select, where.args().get(0));
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw SqliteFailures.translate(e, file, "Counting");
        }
    }

    void export(HistoryFilter filter, ExportFormat format, OutputStream out) {
        HistorySql.Where where = HistorySql.where(filter, null);
        String sql = "SELECT " + HistorySql.OPERATION_COLUMNS + " FROM operation o" + where.sql() + " ORDER BY o.started_at DESC, o.id DESC";
        try (Connection reader = dataSource.getConnection(); PreparedStatement select = reader.prepareStatement(sql)) {
            SqlArgs.bind(select, where.args().toArray());
            select.setFetchSize(500);
            try (ResultSet result = select.executeQuery()) {
                new HistoryExporter(rows).write(result, format, out);
            }
        } catch (SQLException e) {
            throw SqliteFailures.translate(e, file, "Exporting");
        }
    }
}
