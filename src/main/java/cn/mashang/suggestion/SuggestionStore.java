package cn.mashang.suggestion;

import cn.mashang.common.KeysetCursor;
import cn.mashang.concern.Rating;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The rows around a suggestion (V90): its deputies, concerns, units and timeline. Callers hold the transaction. */
@Singleton
class SuggestionStore {
    private final JdbcOperations jdbc;

    SuggestionStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A person or unit linked to the suggestion, with its name. */
    record Linked(long id, String name, boolean first) {
    }

    /** A timeline row. */
    record Event(long id, String type, int round, @Nullable Long actorAccountId, @Nullable String actorRole,
                 @Nullable Long departmentId, @Nullable Rating rating, @Nullable String body, Instant at) {
    }

    void addDeputy(long suggestionId, long deputyId, boolean author) {
        update("INSERT INTO suggestion_deputy (suggestion_id, deputy_id, is_author) VALUES (?, ?, ?)",
                suggestionId, deputyId, author);
    }

    void addConcern(long suggestionId, long concernId) {
        update("INSERT INTO suggestion_concern (suggestion_id, concern_id) VALUES (?, ?)", suggestionId, concernId);
    }

    void addUnit(long suggestionId, long departmentId, boolean lead) {
        update("INSERT INTO suggestion_unit (suggestion_id, department_id, is_lead) VALUES (?, ?, ?)",
                suggestionId, departmentId, lead);
    }

    void event(long suggestionId, String type, int round, @Nullable Long account, @Nullable String role,
               @Nullable Long departmentId, @Nullable Rating rating, @Nullable String body, Instant at) {
        update("""
                INSERT INTO suggestion_event (suggestion_id, type, handling_round, actor_account_id, actor_role,
                department_id, rating, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                suggestionId, type, round, account, role, departmentId, rating == null ? null : rating.name(), body,
                Timestamp.from(at));
    }

    /** The deputies, author first. */
    List<Linked> deputies(long suggestionId) {
        return linked("""
                SELECT d.id, d.name, s.is_author FROM suggestion_deputy s JOIN deputy d ON d.id = s.deputy_id
                WHERE s.suggestion_id = ? ORDER BY s.is_author DESC, s.id""", suggestionId);
    }

    /** The units, lead first. */
    List<Linked> units(long suggestionId) {
        return linked("""
                SELECT d.id, d.name, u.is_lead FROM suggestion_unit u JOIN department d ON d.id = u.department_id
                WHERE u.suggestion_id = ? ORDER BY u.is_lead DESC, u.id""", suggestionId);
    }

    List<Long> concerns(long suggestionId) {
        return longs("SELECT concern_id FROM suggestion_concern WHERE suggestion_id = ? ORDER BY id", suggestionId);
    }

    /** The suggestions a concern went into, by id. */
    List<Long> ofConcern(long concernId) {
        return longs("SELECT suggestion_id FROM suggestion_concern WHERE concern_id = ? ORDER BY suggestion_id", concernId);
    }

    List<Event> events(long suggestionId) {
        return jdbc.prepareStatement("""
                SELECT id, type, handling_round, actor_account_id, actor_role, department_id, rating, body, created_at
                FROM suggestion_event WHERE suggestion_id = ? ORDER BY id""", ps -> {
                    ps.setLong(1, suggestionId);
                    List<Event> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            String rating = rs.getString(7);
                            out.add(new Event(rs.getLong(1), rs.getString(2), rs.getInt(3), (Long) rs.getObject(4, Long.class),
                                    rs.getString(5), (Long) rs.getObject(6, Long.class),
                                    rating == null ? null : Rating.valueOf(rating), rs.getString(8),
                                    rs.getTimestamp(9).toInstant()));
                        }
                    }
                    return out;
                });
    }

    /**
     * A page of the suggestions a list shows, newest first: {@code from} joins and filters {@code s} by one argument;
     * an optional state; keyset after the cursor (created_at, id). Answers up to {@code limit} rows.
     */
    List<Suggestion> page(String from, Object arg, @Nullable String state, @Nullable KeysetCursor after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT s.* FROM suggestion s " + from);
        List<Object> args = new ArrayList<>(List.of(arg));
        if (state != null) {
            sql.append(" AND s.state = ?");
            args.add(state);
        }
        if (after != null) {
            sql.append(" AND (s.created_at < ? OR (s.created_at = ? AND s.id < ?))");
            args.add(Timestamp.from(after.at()));
            args.add(Timestamp.from(after.at()));
            args.add(after.id());
        }
        sql.append(" ORDER BY s.created_at DESC, s.id DESC LIMIT ").append(limit);
        return jdbc.prepareStatement(sql.toString(), ps -> {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                return jdbc.entityStream(rs, Suggestion.class).toList();
            }
        });
    }

    private List<Long> longs(String sql, Object arg) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setObject(1, arg);
            List<Long> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        });
    }

    private List<Linked> linked(String sql, long suggestionId) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setLong(1, suggestionId);
            List<Linked> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Linked(rs.getLong(1), rs.getString(2), rs.getBoolean(3)));
                }
            }
            return out;
        });
    }

    private void update(String sql, Object... args) {
        jdbc.prepareStatement(sql, (PreparedStatement ps) -> {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        });
    }
}
