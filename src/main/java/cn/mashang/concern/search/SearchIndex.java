package cn.mashang.concern.search;

import cn.mashang.concern.ConcernChanged;
import cn.mashang.concern.ConcernEventType;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps {@code concern_term} (V80, V108) true, inside the transaction of the write that changed the searchable text:
 * {@link ConcernChanged} is published synchronously by the one timeline writer, so a new concern (SUBMITTED: its
 * content, address and category) and each reply, department answer or resolution note (the event's text) add
 * their terms before that transaction commits, and roll back with it. Terms are only ever added: the text of a
 * concern never changes, its replies are appended. Rows written another way (bulk loads, rows older than V80)
 * are indexed by {@link SearchBackfill} through {@link #indexAll}, set-based: a page of concerns costs three reads
 * and one multi-row INSERT per {@value #ROWS_PER_INSERT} term rows.
 */
@Singleton
public class SearchIndex {
    /** The timeline events whose text is searched ("reply text"). */
    public static final Set<ConcernEventType> REPLY_TYPES =
            EnumSet.of(ConcernEventType.REPLIED, ConcernEventType.DEPARTMENT_ANSWERED, ConcernEventType.RESOLVED);
    /** The same, for SQL: {@code type IN (…)}. */
    public static final String REPLY_TYPES_SQL = "('REPLIED','DEPARTMENT_ANSWERED','RESOLVED')";
    /** Term rows per INSERT statement (6 parameters each). */
    static final int ROWS_PER_INSERT = 1000;

    private final JdbcOperations jdbc;
    private final Counties counties;

    SearchIndex(JdbcOperations jdbc, Counties counties) {
        this.jdbc = jdbc;
        this.counties = counties;
    }

    /** A concern's copies in concern_term and the terms to add. */
    private record Doc(long id, long station, long region, Timestamp created, Set<String> terms) {
    }

    @EventListener
    void on(ConcernChanged e) {
        if (e.type() == ConcernEventType.SUBMITTED) {
            indexAll(List.of(e.concernId()));
        } else if (REPLY_TYPES.contains(e.type())) {
            String body = jdbc.prepareStatement("SELECT body FROM concern_event WHERE id = ?", ps -> {
                ps.setLong(1, e.eventId());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            });
            Map<Long, Doc> docs = docs(List.of(e.concernId()), false);
            docs.values().forEach(d -> d.terms().addAll(Bigrams.of(body)));
            insert(docs.values());
        }
    }

    /**
     * Indexes the whole searchable text (fields and every reply) of these concerns in the caller's transaction;
     * answers the number of term rows offered (existing ones are kept: INSERT IGNORE on the primary key).
     */
    public int indexAll(List<Long> concernIds) {
        if (concernIds.isEmpty()) {
            return 0;
        }
        Map<Long, Doc> docs = docs(concernIds, true);
        jdbc.prepareStatement("SELECT concern_id, body FROM concern_event WHERE concern_id IN (" + marks(concernIds.size())
                + ") AND type IN " + REPLY_TYPES_SQL, ps -> {
            bind(ps, concernIds);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Doc d = docs.get(rs.getLong(1));
                    if (d != null) {
                        d.terms().addAll(Bigrams.of(rs.getString(2)));
                    }
                }
            }
            return null;
        });
        return insert(docs.values());
    }

    /** The concerns' copies, with the terms of their own fields when {@code withText} (else none yet). */
    private Map<Long, Doc> docs(List<Long> ids, boolean withText) {
        return jdbc.prepareStatement("SELECT id, station_id, region_id, created_at, content, address, category FROM concern"
                + " WHERE id IN (" + marks(ids.size()) + ")", ps -> {
            bind(ps, ids);
            Map<Long, Doc> out = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Set<String> terms = withText ? Bigrams.of(rs.getString(5), rs.getString(6), rs.getString(7))
                            : new LinkedHashSet<>();
                    out.put(rs.getLong(1), new Doc(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getTimestamp(4), terms));
                }
            }
            return out;
        });
    }

    /** One multi-row INSERT IGNORE per {@value #ROWS_PER_INSERT} term rows (a JDBC batch is a round trip per row on MySQL). */
    private int insert(Collection<Doc> docs) {
        List<Object[]> rows = new ArrayList<>();
        for (Doc d : docs) {
            long county = counties.of(d.region());
            for (String t : d.terms()) {
                rows.add(new Object[]{d.id(), t, d.station(), d.region(), county, d.created()});
            }
        }
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            List<Object[]> part = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            String values = String.join(",", Collections.nCopies(part.size(), "(?, ?, ?, ?, ?, ?)"));
            jdbc.prepareStatement("INSERT IGNORE INTO concern_term (concern_id, term, station_id, region_id, county_id, created_at)"
                    + " VALUES " + values, ps -> {
                int i = 1;
                for (Object[] r : part) {
                    for (Object v : r) {
                        ps.setObject(i++, v);
                    }
                }
                return ps.executeUpdate();
            });
        }
        return rows.size();
    }

    static String marks(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }

    private static void bind(java.sql.PreparedStatement ps, List<Long> ids) throws java.sql.SQLException {
        for (int i = 0; i < ids.size(); i++) {
            ps.setLong(i + 1, ids.get(i));
        }
    }
}
