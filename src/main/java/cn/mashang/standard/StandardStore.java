package cn.mashang.standard;

import cn.mashang.standard.StandardRoad.State;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The evidence rows (V111): one per station, item and review year, and their events. Callers hold the transaction. */
@Singleton
class StandardStore {
    private static final String ENTRY = """
            SELECT e.id, e.item_id, i.name, i.hint, e.state, e.evidence, e.photo_name, e.version, e.submitted_at,
            e.reviewed_at, e.review_note FROM standard_entry e JOIN standard_item i ON i.id = e.item_id""";
    private final JdbcOperations jdbc;

    StandardStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    record Entry(long id, long itemId, String itemName, @Nullable String itemHint, State state,
                 @Nullable String evidence, @Nullable String photoName, long version, Instant submittedAt,
                 @Nullable Instant reviewedAt, @Nullable String reviewNote) {
    }

    record Event(long entryId, State from, State to, @Nullable String actor, @Nullable String note, Instant at) {
    }

    /** A station's entries of a year by item id (items in force or not). */
    Map<Long, Entry> entries(long stationId, int year) {
        Map<Long, Entry> out = new LinkedHashMap<>();
        query(ENTRY + " WHERE e.station_id = ? AND e.review_year = ? ORDER BY i.sort_order, e.id", rs -> {
            Entry e = entry(rs);
            out.put(e.itemId(), e);
        }, stationId, year);
        return out;
    }

    Optional<Entry> entry(long stationId, long itemId, int year) {
        List<Entry> out = new ArrayList<>();
        query(ENTRY + " WHERE e.station_id = ? AND e.item_id = ? AND e.review_year = ?", rs -> out.add(entry(rs)),
                stationId, itemId, year);
        return out.stream().findFirst();
    }

    /** The events of a station's entries of a year, oldest first, by entry id. */
    Map<Long, List<Event>> events(long stationId, int year) {
        Map<Long, List<Event>> out = new LinkedHashMap<>();
        query("""
                SELECT v.entry_id, v.from_state, v.to_state, a.display_name, v.note, v.created_at FROM standard_event v
                JOIN standard_entry e ON e.id = v.entry_id LEFT JOIN staff_account a ON a.id = v.actor_account_id
                WHERE e.station_id = ? AND e.review_year = ? ORDER BY v.id""", rs -> out.computeIfAbsent(rs.getLong(1),
                k -> new ArrayList<>()).add(new Event(rs.getLong(1), State.valueOf(rs.getString(2)),
                State.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant())),
                stationId, year);
        return out;
    }

    /** (station id, item id, state) of every entry of the year at stations below the region path. */
    void statesBelow(String pathPrefix, int year, Row row) {
        query("""
                SELECT e.station_id, e.item_id, e.state FROM standard_entry e JOIN station s ON s.id = e.station_id
                JOIN region r ON r.id = s.region_id WHERE e.review_year = ? AND r.path LIKE ?""",
                rs -> row.accept(rs.getLong(1), rs.getLong(2), State.valueOf(rs.getString(3))), year, pathPrefix + "%");
    }

    interface Row {
        void accept(long stationId, long itemId, State state);
    }

    /** The first submission; false when another one got there first (unique station, item, year). */
    boolean insert(long stationId, long itemId, int year, @Nullable String evidence, @Nullable String photo,
                   @Nullable Long account, Instant now) {
        try {
            return update("""
                INSERT INTO standard_entry (station_id, item_id, review_year, state, evidence, photo_name, version,
                submitted_by, submitted_at) SELECT ?, ?, ?, ?, ?, ?, 1, ?, ? FROM station
                WHERE id = ? AND NOT EXISTS (SELECT 1 FROM standard_entry WHERE station_id = ? AND item_id = ?
                AND review_year = ?)""", stationId, itemId, year, State.PENDING.name(), evidence, photo,
                account, Timestamp.from(now), stationId, stationId, itemId, year) == 1;
        } catch (io.micronaut.data.exceptions.DataAccessException e) {
            return false;   // the unique (station, item, year) refused a concurrent first submission
        }
    }

    /** A resubmission, guarded by the version the head saw. */
    boolean resubmit(long id, long version, @Nullable String evidence, @Nullable String photo, long account,
                     Instant now) {
        return update("""
                UPDATE standard_entry SET state = ?, evidence = ?, photo_name = ?, submitted_by = ?, submitted_at = ?, version = version + 1 WHERE id = ? AND version = ?""",
                State.PENDING.name(), evidence, photo, account, Timestamp.from(now), id, version) == 1;
    }

    /** A review, guarded by the version the committee saw. */
    boolean review(long id, long version, State to, @Nullable String note, @Nullable Long account, Instant now) {
        return update("""
                UPDATE standard_entry SET state = ?, reviewed_by = ?, reviewed_at = ?, review_note = ?,
                version = version + 1 WHERE id = ? AND version = ?""", to.name(), account, Timestamp.from(now), note,
                id, version) == 1;
    }

    void event(long entryId, State from, State to, @Nullable Long account, @Nullable String note, Instant now) {
        update("INSERT INTO standard_event (entry_id, from_state, to_state, actor_account_id, note, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", entryId, from.name(), to.name(), account, note, Timestamp.from(now));
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        Timestamp reviewed = rs.getTimestamp(10);
        return new Entry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), State.valueOf(rs.getString(5)),
                rs.getString(6), rs.getString(7), rs.getLong(8), rs.getTimestamp(9).toInstant(),
                reviewed == null ? null : reviewed.toInstant(), rs.getString(11));
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, RowReader reader, Object... args) {
        jdbc.prepareStatement(sql, ps -> {
            Checklists.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
            return null;
        });
    }

    private int update(String sql, Object... args) {
        return jdbc.prepareStatement(sql, ps -> {
            Checklists.bind(ps, args);
            return ps.executeUpdate();
        });
    }
}
