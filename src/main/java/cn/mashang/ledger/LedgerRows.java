package cn.mashang.ledger;

import cn.mashang.common.KeysetCursor;
import cn.mashang.concern.ConcernState;
import cn.mashang.concern.Deadlines;
import cn.mashang.concern.Outcome;
import cn.mashang.concern.Overdue;
import cn.mashang.concern.Rating;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a region's concerns received in [from, to) for the ledger, in (created_at, id) order, a page of
 * 1,000 at a time ({@code ledger.page}), each page in its own short read transaction: first an index-only walk of
 * ix_concern_created_region (V108: created_at, id, region_id) keeps the ids of the region's tree — a county's ledger
 * skips the other counties' entries without reading their rows — then one statement reads those rows with their
 * station, deputy and department names. The sink is called outside the transaction, so a slow client never holds a
 * connection; the heap holds one page.
 */
@Singleton
class LedgerRows {
    /** Rows per page, and index entries read per step of the walk (properties ledger.page, ledger.scan). */
    private final int pageSize;
    private final int scan;
    private static final String ROWS = """
            SELECT c.id, c.tracking_no, c.created_at, c.first_response_at, c.resolved_at, c.closed_at, c.region_id,
                   s.name, d.name, c.category, c.content, c.state, p.name, c.first_response_due, c.department_deadline,
                   c.resolution_due, c.outcome, c.rating, c.sign_due, c.signed_at
            FROM concern c JOIN station s ON s.id = c.station_id
            LEFT JOIN deputy d ON d.id = COALESCE(c.assignee_deputy_id, c.deputy_id)
            LEFT JOIN department p ON p.id = c.department_id
            WHERE c.id IN (%s) ORDER BY c.created_at, c.id""";

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> tx;
    private final Deadlines deadlines;

    LedgerRows(JdbcOperations jdbc, TransactionOperations<Connection> tx, Deadlines deadlines,
               @Value("${ledger.page:1000}") int pageSize, @Value("${ledger.scan:5000}") int scan) {
        this.pageSize = pageSize;
        this.scan = scan;
        this.jdbc = jdbc;
        this.tx = tx;
        this.deadlines = deadlines;
    }

    interface Sink {
        void row(LedgerRow row) throws IOException;
    }

    private record Page(List<LedgerRow> rows, KeysetCursor next) {
    }

    /** The regions of the tree under a path (itself included): id → name. */
    Map<Long, String> regions(String path) {
        return tx.executeRead(s -> jdbc.prepareStatement("SELECT id, name FROM region WHERE path LIKE ?", ps -> {
            ps.setString(1, path + "%");
            Map<Long, String> out = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getString(2));
                }
            }
            return out;
        }));
    }

    /** Every row of the regions received in [from, to), oldest first, into the sink; answers how many. */
    long walk(Map<Long, String> regions, Instant from, Instant to, Instant now, Sink sink) throws IOException {
        KeysetCursor after = null;
        long n = 0;
        do {
            KeysetCursor position = after;
            Page page = tx.executeRead(s -> page(regions, from, to, position, now));
            for (LedgerRow r : page.rows()) {
                sink.row(r);
            }
            n += page.rows().size();
            after = page.next();
        } while (after != null);
        return n;
    }

    private Page page(Map<Long, String> regions, Instant from, Instant to, KeysetCursor after, Instant now) {
        List<Long> ids = new ArrayList<>();
        KeysetCursor position = after;
        boolean end = false;
        while (ids.size() < pageSize && !end) {
            KeysetCursor p = position;
            List<Object[]> scanned = jdbc.prepareStatement("SELECT id, created_at, region_id FROM concern WHERE created_at >= ?"
                    + " AND created_at < ?" + (p == null ? "" : " AND (created_at > ? OR (created_at = ? AND id > ?))")
                    + " ORDER BY created_at, id LIMIT " + scan, ps -> {
                ps.setTimestamp(1, Timestamp.from(from));
                ps.setTimestamp(2, Timestamp.from(to));
                if (p != null) {
                    ps.setTimestamp(3, Timestamp.from(p.at()));
                    ps.setTimestamp(4, Timestamp.from(p.at()));
                    ps.setLong(5, p.id());
                }
                List<Object[]> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Object[]{rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getLong(3)});
                    }
                }
                return out;
            });
            int i = 0;
            for (; i < scanned.size() && ids.size() < pageSize; i++) {
                Object[] e = scanned.get(i);
                position = new KeysetCursor((Instant) e[1], (Long) e[0]);
                if (regions.containsKey((Long) e[2])) {
                    ids.add((Long) e[0]);
                }
            }
            end = scanned.size() < scan && i == scanned.size();
        }
        return new Page(rows(ids, regions, now), end ? null : position);
    }

    private List<LedgerRow> rows(List<Long> ids, Map<Long, String> regions, Instant now) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.prepareStatement(ROWS.formatted(String.join(",", Collections.nCopies(ids.size(), "?"))), ps -> {
            for (int i = 0; i < ids.size(); i++) {
                ps.setLong(i + 1, ids.get(i));
            }
            List<LedgerRow> out = new ArrayList<>(ids.size());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs, regions, now));
                }
            }
            return out;
        });
    }

    private LedgerRow row(ResultSet rs, Map<Long, String> regions, Instant now) throws SQLException {
        ConcernState state = ConcernState.valueOf(rs.getString(12));
        Instant created = instant(rs, 3);
        Instant firstResponse = instant(rs, 4);
        Instant resolved = instant(rs, 5);
        Instant closed = instant(rs, 6);
        long region = rs.getLong(7);
        String category = rs.getString(10);
        Instant firstDue = instant(rs, 14);
        Instant departmentDue = instant(rs, 15);
        Instant resolutionDue = instant(rs, 16);
        if (firstDue == null || resolutionDue == null) { // rows written before V11: the same computation
            Deadlines.AtIntake at = deadlines.atIntake(region, category, created);
            firstDue = firstDue == null ? at.firstResponse() : firstDue;
            resolutionDue = resolutionDue == null ? at.resolution() : resolutionDue;
        }
        String rating = rs.getString(18);
        String onTime;
        if (state == ConcernState.REJECTED) {
            onTime = "";
        } else if (state.isDone()) {
            Instant stop = resolved != null ? resolved : closed;
            onTime = stop != null && !stop.isAfter(resolutionDue) ? "按期" : "超期";
        } else {
            onTime = Overdue.any(new Overdue.Due(state, firstResponse, firstDue, departmentDue, resolutionDue,
                    instant(rs, 19), instant(rs, 20)), now) ? "未办结·已超期" : "未办结";
        }
        String outcome = rs.getString(17);
        return new LedgerRow(rs.getString(2), created, firstResponse, resolved, closed, regions.getOrDefault(region, ""),
                rs.getString(8), rs.getString(9), category, LedgerRow.masked(rs.getString(11)), state.label(rating != null),
                rs.getString(13), firstDue, departmentDue, resolutionDue, onTime,
                outcome == null ? null : Outcome.valueOf(outcome).label(), rating == null ? null : Rating.valueOf(rating).label());
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
