package cn.mashang;

import io.micronaut.transaction.TransactionOperations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The suite's one database helper: plain SQL through the application's transaction manager (H2 or MariaDB). */
public final class Db {
    private Db() {
    }

    /** Runs an update; answers the row count. */
    public static int sql(TransactionOperations<Connection> tx, String sql, Object... args) {
        return tx.executeWrite(status -> {
            try (PreparedStatement ps = bind(status.getConnection().prepareStatement(sql), args)) {
                return ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(sql, e);
            }
        });
    }

    /** The first column of the first row as a number (a COUNT, an id). */
    public static long count(TransactionOperations<Connection> tx, String sql, Object... args) {
        return tx.executeRead(status -> {
            try (PreparedStatement ps = bind(status.getConnection().prepareStatement(sql), args); ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no row: " + sql);
                }
                return rs.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException(sql, e);
            }
        });
    }

    /** The first column of the first row as text, or null without a row. */
    public static String text(TransactionOperations<Connection> tx, String sql, Object... args) {
        return tx.executeRead(status -> {
            try (PreparedStatement ps = bind(status.getConnection().prepareStatement(sql), args); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            } catch (SQLException e) {
                throw new IllegalStateException(sql, e);
            }
        });
    }

    /** The first column of the first row as a moment (a DATETIME column), or null without a row or value. */
    public static java.time.Instant timestamp(TransactionOperations<Connection> tx, String sql, Object... args) {
        return tx.executeRead(status -> {
            try (PreparedStatement ps = bind(status.getConnection().prepareStatement(sql), args); ResultSet rs = ps.executeQuery()) {
                java.sql.Timestamp t = rs.next() ? rs.getTimestamp(1) : null;
                return t == null ? null : t.toInstant();
            } catch (SQLException e) {
                throw new IllegalStateException(sql, e);
            }
        });
    }

    /** The first column of every row as text, in the query's order. */
    public static java.util.List<String> texts(TransactionOperations<Connection> tx, String sql, Object... args) {
        return tx.executeRead(status -> {
            try (PreparedStatement ps = bind(status.getConnection().prepareStatement(sql), args); ResultSet rs = ps.executeQuery()) {
                java.util.List<String> out = new java.util.ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            } catch (SQLException e) {
                throw new IllegalStateException(sql, e);
            }
        });
    }

    private static PreparedStatement bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }
}
