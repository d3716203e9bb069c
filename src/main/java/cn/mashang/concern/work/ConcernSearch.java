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
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Staff search {@code GET /api/v1/concerns}, scoped like the queues ({@link Scopes}): a deputy the concerns of their
 * stations addressed or assigned to them or to nobody; a liaison or head their station; a department the concerns
 * referred to it; an admin their region and below. {@code q} is a tracking number (exact) or words, each of which
 * must occur in the content, address, category or a reply text ({@link SearchSql}); keyset-paged with the queues'
 * cursor, newest first. Words walk the term index ({@link SearchWalk}).
 */
@Singleton
class ConcernSearch {
    /** A tracking number: PREFIX-yyyymmdd-n ({@link cn.mashang.concern.intake.TrackingNumbers}). */
    static final Pattern TRACKING_NO = Pattern.compile("[A-Za-z]{1,8}-\\d{8}-\\d{4,}");

    private final Scopes scopes;
    private final ConcernQueues queues;
    private final Deadlines deadlines;
    private final SearchScope scope;
    private final SearchWalk walk;

    ConcernSearch(Scopes scopes, ConcernQueues queues, Deadlines deadlines, SearchScope scope, SearchWalk walk) {
        this.scopes = scopes;
        this.queues = queues;
        this.deadlines = deadlines;
        this.scope = scope;
        this.walk = walk;
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
        List<String> terms = walk.rarestFirst(Bigrams.of(words.toArray(String[]::new)), units);
        if (!terms.isEmpty() && terms.get(0) == null) {
            return new ConcernQueues.Page(List.of(), null);
        } else if (tracking && terms.isEmpty()) {
            List<Object> args = new ArrayList<>();
            List<Concern> one = walk.concerns(SearchSql.exact(units, filters, from, to, cursor, args), args).stream()
                    .filter(c -> !onlyOverdue || Overdue.any(deadlines.due(c), now)).limit(size).toList();
            page = new ConcernQueues.Page(queues.items(one, now), null);
        } else if (terms.isEmpty()) {
            page = queues.collect((after, limit) -> {
                List<Object> args = new ArrayList<>();
                return walk.concerns(SearchSql.page(units, filters, from, to, after, limit, args), args);
            }, cursor, size, onlyOverdue, now);
        } else {
            page = walk.walk(units, terms.get(0), terms.subList(1, terms.size()), filters, from, to, cursor, size,
                    onlyOverdue, now);
        }
        return me.role() == Role.DEPARTMENT ? withoutContact(page) : page;
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
