package cn.mashang.concern.work;

import cn.mashang.auth.Role;
import cn.mashang.auth.Scopes;
import cn.mashang.auth.StaffScope;
import cn.mashang.common.ApiException;
import cn.mashang.common.Times;
import cn.mashang.concern.Concern;
import cn.mashang.concern.ConcernState;
import cn.mashang.concern.Deadlines;
import cn.mashang.concern.Overdue;
import cn.mashang.common.KeysetCursor;
import cn.mashang.concern.search.Bigrams;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Staff search {@code GET /api/v1/concerns}, scoped like the queues ({@link Scopes}): a deputy the concerns of their
 * stations addressed or assigned to them or to nobody; a liaison or head their station; a department the concerns
 * referred to it; an admin their region and below. {@code q} is a tracking number (exact) or words, each of which
 * must occur in the content, address, category or a reply text ({@link SearchSql}); keyset-paged with the queues'
 * cursor, newest first.
 */
@Singleton
class ConcernSearch {
    /** A tracking number: PREFIX-yyyymmdd-n ({@link cn.mashang.concern.intake.TrackingNumbers}). */
    static final Pattern TRACKING_NO = Pattern.compile("[A-Za-z]{1,8}-\\d{8}-\\d{4,}");
    /** Terms whose frequency is read to pick the driver, and the cap of that count. */
    private static final int MAX_TERMS = 6;
    private static final int COUNT_CAP = 5000;
    /** The bounded walk ({@link #walk}): first and largest chunk of candidates, and the candidates examined per request. */
    private static final int CHUNK_MIN = 64;
    private static final int CHUNK_MAX = 2000;

    private final JdbcOperations jdbc;
    private final Scopes scopes;
    private final ConcernQueues queues;
    private final Deadlines deadlines;
    private final SearchScope scope;
    /** Candidates of the driver term examined per request at most (the bounded walk). */
    private final int budget;
    /** A further term's ids are read over a chunk's window at most this many times the chunk (else checked per row). */
    private final int windowFactor;

    ConcernSearch(JdbcOperations jdbc, Scopes scopes, ConcernQueues queues, Deadlines deadlines, SearchScope scope,
                  @Value("${search.walk-budget:20000}") int budget, @Value("${search.window-factor:20}") int windowFactor) {
        this.jdbc = jdbc;
        this.budget = budget;
        this.windowFactor = windowFactor;
        this.scopes = scopes;
        this.queues = queues;
        this.deadlines = deadlines;
        this.scope = scope;
    }

    record Filter(@Nullable String q, @Nullable String state, @Nullable Long station, @Nullable Long region,
                  @Nullable Long department, @Nullable LocalDate from, @Nullable LocalDate to,
                  @Nullable Boolean overdue, @Nullable String cursor, @Nullable Integer size) {
    }

    @Transactional(readOnly = true)
    public ConcernQueues.Page search(Authentication auth, Filter f) {
        StaffScope me = scopes.of(auth);
        int size = ConcernQueues.size(f.size());
        QueueSql.Sql filters = new QueueSql.Sql();
        SearchSql.Units units = scope.units(auth, me, f, filters);
        Set<ConcernState> states = ConcernQueues.states(f.state(), false);
        if (states != null) {
            filters.and("c.state IN " + ConcernState.sql(states));
        }
        if (f.department() != null) {
            filters.and("c.department_id = ?", f.department());
        }
        Instant now = Times.now();
        boolean onlyOverdue = Boolean.TRUE.equals(f.overdue());
        if (onlyOverdue) {
            Timestamp n = Timestamp.from(now);
            filters.and(Overdue.SQL, n, n, n, n);
        }
        Instant from = f.from() == null ? null : f.from().atStartOfDay(Times.ZONE).toInstant();
        Instant to = f.to() == null ? null : f.to().plusDays(1).atStartOfDay(Times.ZONE).toInstant();
        String q = f.q() == null ? "" : f.q().strip();
        if (q.length() > 100) {
            throw ApiException.badField("q", "最多 100 个字");
        }
        KeysetCursor cursor = KeysetCursor.of(f.cursor());
        boolean tracking = TRACKING_NO.matcher(q).matches();
        if (tracking) {
            filters.and("c.tracking_no = ?", q.toUpperCase(Locale.ROOT));
            q = "";
        }
        List<String> words = Bigrams.words(q);
        SearchSql.verify(filters, words);
        if ((states != null && states.isEmpty()) || units.empty()) {
            return new ConcernQueues.Page(List.of(), null);
        }
        ConcernQueues.Page page;
        List<String> terms = rarestFirst(Bigrams.of(words.toArray(String[]::new)), units);
        if (!terms.isEmpty() && terms.get(0) == null) {
            return new ConcernQueues.Page(List.of(), null);
        } else if (tracking && terms.isEmpty()) {
            List<Object> args = new ArrayList<>();
            List<Concern> one = select(SearchSql.exact(units, filters, from, to, cursor, args), args).stream()
                    .filter(c -> !onlyOverdue || Overdue.any(deadlines.due(c), now)).limit(size).toList();
            page = new ConcernQueues.Page(queues.items(one, now), null);
        } else if (terms.isEmpty()) {
            page = queues.collect((after, limit) -> {
                List<Object> args = new ArrayList<>();
                return select(SearchSql.page(units, filters, from, to, after, limit, args), args);
            }, cursor, size, onlyOverdue, now);
        } else {
            page = walk(units, terms.get(0), terms.subList(1, terms.size()), filters, from, to, cursor, size,
                    onlyOverdue, now);
        }
        return me.role() == Role.DEPARTMENT ? withoutContact(page) : page;
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
    private ConcernQueues.Page walk(SearchSql.Units units, String driver, List<String> also, QueueSql.Sql filters,
                                    Instant from, Instant to, KeysetCursor cursor, int size, boolean onlyOverdue,
                                    Instant now) {
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
                for (Concern c : select(SearchSql.confirm(List.copyOf(left), perRow, filters, cargs), cargs)) {
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
            List<Long> have = jdbc.prepareStatement(SearchSql.termWindow(units, term, oldest, newest, limit, args), ps -> {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                List<Long> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
                return out;
            });
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
        return jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            List<KeysetCursor> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new KeysetCursor(rs.getTimestamp(2).toInstant(), rs.getLong(1)));
                }
            }
            return out;
        });
    }

    /**
     * The terms to walk, rarest first by a capped count (at most {@value #MAX_TERMS} read, spread over q) — in the
     * scope's one unit when it has one (a station, a county), else in the whole index; a list starting with null when
     * a term occurs nowhere there (no concern can match).
     */
    private List<String> rarestFirst(Set<String> all, SearchSql.Units units) {
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
            long n = jdbc.prepareStatement("SELECT COUNT(*) FROM (SELECT 1 FROM concern_term WHERE term = ?"
                    + (one ? " AND " + units.termColumn() + " = ?" : "") + " LIMIT " + COUNT_CAP + ") x", ps -> {
                ps.setString(1, t);
                if (one) {
                    ps.setLong(2, units.termIds().get(0));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
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

    private List<Concern> select(String sql, List<Object> args) {
        return jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (var rs = ps.executeQuery()) {
                return jdbc.entityStream(rs, Concern.class).toList();
            }
        });
    }


    /** A department sees the resident's contact only through its referral view, when shared. */
    private static ConcernQueues.Page withoutContact(ConcernQueues.Page p) {
        return new ConcernQueues.Page(p.items().stream().map(i -> new QueueItem(i.id(), i.trackingNo(), i.state(),
                i.stateLabel(), i.channel(), i.category(), i.summary(), i.stationId(), i.stationName(), i.deputyId(),
                i.deputyName(), i.assigneeDeputyId(), i.assigneeName(), null, null, i.overdue(),
                i.departmentDeadline(), i.reopenCount(), i.meTooCount(), i.createdAt(), i.updatedAt(), i.version(), i.outcome()))
                .toList(), p.nextCursor());
    }
}
