package cn.mashang.concern.search;

import cn.mashang.concern.ConcernChanged;
import cn.mashang.concern.ConcernEventType;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * Keeps {@code concern_term} (V80) true, inside the transaction of the write that changed the searchable text:
 * {@link ConcernChanged} is published synchronously by the one timeline writer, so a new concern (SUBMITTED: its
 * content, address and category) and each reply, department answer or resolution note (the event's text) add
 * their terms before that transaction commits, and roll back with it. Terms are only ever added: the text of a
 * concern never changes, its replies are appended. Rows written another way (bulk loads, rows older than V80)
 * are indexed by {@link SearchBackfill}.
 */
@Singleton
public class SearchIndex {
    /** The timeline events whose text is searched ("reply text"). */
    public static final Set<ConcernEventType> REPLY_TYPES =
            EnumSet.of(ConcernEventType.REPLIED, ConcernEventType.DEPARTMENT_ANSWERED, ConcernEventType.RESOLVED);
    /** The same, for SQL: {@code type IN (…)}. */
    public static final String REPLY_TYPES_SQL = "('REPLIED','DEPARTMENT_ANSWERED','RESOLVED')";

    private final JdbcOperations jdbc;

    SearchIndex(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ConcernChanged e) {
        if (e.type() == ConcernEventType.SUBMITTED) {
            indexNew(e.concernId());
        } else if (REPLY_TYPES.contains(e.type())) {
            String body = jdbc.prepareStatement("SELECT body FROM concern_event WHERE id = ?", ps -> {
                ps.setLong(1, e.eventId());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            });
            add(e.concernId(), Bigrams.of(body));
        }
    }

    /** Indexes the whole searchable text of a concern (its fields and every reply), in the caller's transaction. */
    public void index(long concernId) {
        Set<String> terms = jdbc.prepareStatement("SELECT content, address, category FROM concern WHERE id = ?", ps -> {
            ps.setLong(1, concernId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Bigrams.of(rs.getString(1), rs.getString(2), rs.getString(3)) : new java.util.LinkedHashSet<String>();
            }
        });
        jdbc.prepareStatement("SELECT body FROM concern_event WHERE concern_id = ? AND type IN " + REPLY_TYPES_SQL, ps -> {
            ps.setLong(1, concernId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    terms.addAll(Bigrams.of(rs.getString(1)));
                }
            }
            return null;
        });
        add(concernId, terms);
    }

    /**
     * A concern just submitted: no replies yet, so its text and where it belongs are one read (a submission paid three:
     * text, replies, station/region/created_at).
     */
    private void indexNew(long concernId) {
        Object[] row = jdbc.prepareStatement("SELECT content, address, category, station_id, region_id, created_at"
                + " FROM concern WHERE id = ?", ps -> {
            ps.setLong(1, concernId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Object[]{Bigrams.of(rs.getString(1), rs.getString(2), rs.getString(3)),
                        rs.getLong(4), rs.getLong(5), rs.getTimestamp(6)} : null;
            }
        });
        if (row != null) {
            @SuppressWarnings("unchecked")
            Set<String> terms = (Set<String>) row[0];
            insert(concernId, terms, new Object[]{row[1], row[2], row[3]});
        }
    }

    /** Adds terms of a concern (the station, region and created_at copied from it); existing ones are kept. */
    void add(long concernId, Collection<String> terms) {
        if (terms.isEmpty()) {
            return;
        }
        Object[] where = jdbc.prepareStatement("SELECT station_id, region_id, created_at FROM concern WHERE id = ?", ps -> {
            ps.setLong(1, concernId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Object[]{rs.getLong(1), rs.getLong(2), rs.getTimestamp(3)} : null;
            }
        });
        if (where != null) {
            insert(concernId, terms, where);
        }
    }

    /** {@code where}: station id, region id, created_at. */
    private void insert(long concernId, Collection<String> terms, Object[] where) {
        if (terms.isEmpty()) {
            return;
        }
        jdbc.prepareStatement("INSERT IGNORE INTO concern_term (concern_id, term, station_id, region_id, created_at)"
                + " VALUES (?, ?, ?, ?, ?)", ps -> {
            for (String t : terms) {
                ps.setLong(1, concernId);
                ps.setString(2, t);
                ps.setLong(3, (Long) where[0]);
                ps.setLong(4, (Long) where[1]);
                ps.setTimestamp(5, (Timestamp) where[2]);
                ps.addBatch();
            }
            ps.executeBatch();
            return null;
        });
    }
}
