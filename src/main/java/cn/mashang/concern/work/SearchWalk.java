package cn.mashang.concern.work;

import cn.mashang.common.KeysetCursor;
import cn.mashang.concern.Concern;
import cn.mashang.concern.Deadlines;
import cn.mashang.concern.Overdue;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The search's reads of the term index (concern_term, {@link SearchSql}) for {@link ConcernSearch}: which term drives
 * ({@link #rarestFirst}), the bounded walk over its candidates ({@link #walk}), and the concern rows of a statement
 * ({@link #concerns}). Every read binds its arguments and maps its rows through {@link #rows}.
 */
@Singleton
class SearchWalk {
    /** Terms whose frequency is read to pick the driver, and the cap of that count. */
    private static final int MAX_TERMS = 6;
    private static final int COUNT_CAP = 5000;
    /** The bounded walk ({@link #walk}): first and largest chunk of candidates. */
    private static final int CHUNK_MIN = 64;
    private static final int CHUNK_MAX = 2000;

    private final JdbcOperations jdbc;
    private final ConcernQueues queues;
    private final Deadlines deadlines;
    /** Candidates of the driver term examined per request at most (the bounded walk). */
    private final int budget;
    /** A further term's ids are read over a chunk's window at most this many times the chunk (else checked per row). */
    private final int windowFactor;

    SearchWalk(JdbcOperations jdbc, ConcernQueues queues, Deadlines deadlines,
               @Value("${search.walk-budget:20000}") int budget, @Value("${search.window-factor:20}") int windowFactor) {
        this.jdbc = jdbc;
        this.queues = queues;
        this.deadlines = deadlines;
        this.budget = budget;
        this.windowFactor = windowFactor;
    }

    /** Maps one row of a result. */
    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** The rows of {@code sql} with {@code args} bound in order. */
    private <T> List<T> rows(String sql, List<Object> args, Row<T> row) {
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, args);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.read(rs));
                }
            }
            return out;
        });
    }

    /** The concern rows of {@code sql} (a statement of {@link SearchSql} selecting c.*). */
    List<Concern> concerns(String sql, List<Object> args) {
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, args);
            try (var rs = ps.executeQuery()) {
                return jdbc.entityStream(rs, Concern.class).toList();
            }
        });
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
    }

    /**
     * The bounded candidate walk: chunks of the driver term's newest ids in the scope ({@link SearchSql#candidates},
     * growing from {@value #CHUNK_MIN} to {@value #CHUNK_MAX}), narrowed by the other terms' index windows
     * ({@link #withTerms}) and confirmed in one statement over the rows left, until the page is full, the term's
     * range ends, or the budget ({@code search.walk-budget}, 20,000) of candidates was examined. Then the page may be
     * short with a cursor: older matches may exist, the next request walks on from the last examined position (the
     * page says "continue searching"). Two frequent words that never occur together thus cost index reads up to the
     * budget, and no concern row.
     */
    ConcernQueues.Page walk(SearchSql.Units units, String driver, List<String> also, QueueSql.Sql filters,
                            Instant from, Instant to, KeysetCursor cursor, int size, boolean onlyOverdue, Instant now) {
        List<Concern> found = new ArrayList<>();
        int examined = 0;
        int chunk = Math.max(CHUNK_MIN, 2 * size);
        boolean more;
        while (true) {
            List<Object> args = new ArrayList<>();
            List<KeysetCursor> keys = keys(SearchSql.candidates(units, driver, from, to, cursor, chunk, args), args);
            Map<Long, Concern> ok = new HashMap<>();
            List<String> perRow = new ArrayList<>();
            Set<Long> left = keys.isEmpty() ? Set.of() : withTerms(units, keys, also, chunk, perRow);
            if (!left.isEmpty()) {
                List<Object> cargs = new ArrayList<>();
                for (Concern c : concerns(SearchSql.confirm(List.copyOf(left), perRow, filters, cargs), cargs)) {
                    if (!onlyOverdue || Overdue.any(deadlines.due(c), now)) {
                        ok.put(c.id(), c);
                    }
                }
            }
            boolean full = false;
            for (KeysetCursor k : keys) {
                Concern c = ok.get(k.id());
                if (c != null) {
                    if (found.size() == size) {
                        full = true;   // a match beyond the page: it starts the next one
                        break;
                    }
                    found.add(c);
                }
                cursor = k;
            }
            examined += keys.size();
            if (full) {
                more = true;
                break;
            }
            if (keys.size() < chunk) {
                more = false;      // the term's range in the scope ends here
                break;
            }
            if (found.size() == size || examined >= budget) {
                more = true;
                break;
            }
            chunk = Math.min(2 * chunk, CHUNK_MAX);
        }
        return new ConcernQueues.Page(queues.items(found, now), more && cursor != null ? cursor.encode() : null);
    }

    /**
     * The ids of the chunk that have every term of {@code also}, read from each term's index over the chunk's
     * created_at window and intersected here; a term with more than {@code search.window-factor} (20) × chunk ids in that window
     * goes to {@code perRow} instead (checked per candidate by the confirming statement).
     */
    private Set<Long> withTerms(SearchSql.Units units, List<KeysetCursor> keys, List<String> also, int chunk,
                                List<String> perRow) {
        Set<Long> left = new LinkedHashSet<>();
        keys.forEach(k -> left.add(k.id()));
        Instant newest = keys.get(0).at();
        Instant oldest = keys.get(keys.size() - 1).at();
        int limit = windowFactor * chunk;
        for (String term : also) {
            List<Object> args = new ArrayList<>();
            List<Long> have = rows(SearchSql.termWindow(units, term, oldest, newest, limit, args), args, rs -> rs.getLong(1));
            if (have.size() > limit) {
                perRow.add(term);
            } else {
                left.retainAll(new HashSet<>(have));
                if (left.isEmpty()) {
                    break;
                }
            }
        }
        return left;
    }

    private List<KeysetCursor> keys(String sql, List<Object> args) {
        return rows(sql, args, rs -> new KeysetCursor(rs.getTimestamp(2).toInstant(), rs.getLong(1)));
    }

    /**
     * The terms to walk, rarest first by a capped count (at most {@value #MAX_TERMS} read, spread over q) — in the
     * scope's one unit when it has one (a station, a county), else in the whole index; a list starting with null when
     * a term occurs nowhere there (no concern can match).
     */
    List<String> rarestFirst(Set<String> all, SearchSql.Units units) {
        List<String> terms = new ArrayList<>(all);
        if (terms.size() > MAX_TERMS) {
            List<String> spread = new ArrayList<>();
            for (int i = 0; i < MAX_TERMS; i++) {
                spread.add(terms.get(i * (terms.size() - 1) / (MAX_TERMS - 1)));
            }
            terms = spread;
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String t : terms) {
            boolean one = units.termIds().size() == 1;
            List<Object> args = one ? List.of(t, units.termIds().get(0)) : List.of(t);
            long n = rows("SELECT COUNT(*) FROM (SELECT 1 FROM concern_term WHERE term = ?"
                    + (one ? " AND " + units.termColumn() + " = ?" : "") + " LIMIT " + COUNT_CAP + ") x", args, rs -> rs.getLong(1)).get(0);
            if (n == 0) {
                List<String> none = new ArrayList<>();
                none.add(null);
                return none;
            }
            counts.put(t, n);
        }
        return counts.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                .map(Map.Entry::getKey).toList();
    }
}
