package org.iepmp.lifecycle.history;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** Binding arguments to statements and reading generated ids, the same for every table of the history. */
final class SqlArgs {

    private SqlArgs() {
    }

    static long generatedId(PreparedStatement insert) throws SQLException {
        try (ResultSet keys = insert.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("No id generated");
            }
            return keys.getLong(1);
        }
    }

    static void bind(PreparedStatement statement, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            if (arg == null) {
                statement.setNull(i + 1, Types.NULL);
            } else if (arg instanceof Long l) {
                statement.setLong(i + 1, l);
            } else if (arg instanceof Integer n) {
                statement.setInt(i + 1, n);
            } else {
                statement.setString(i + 1, arg.toString());
            }
        }
    }
}
