package cn.mashang.concern.work;

import cn.mashang.common.KeysetCursor;

import cn.mashang.concern.Concern;
import cn.mashang.concern.ConcernState;
import cn.mashang.concern.Deadlines;
import cn.mashang.concern.Overdue;
import cn.mashang.auth.Role;
import cn.mashang.auth.Scopes;
import cn.mashang.auth.StaffScope;
import cn.mashang.common.ApiException;
import cn.mashang.common.Times;
import cn.mashang.region.RegionRepository;
import cn.mashang.station.DisplayNames;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Staff queues with keyset paging: "待我处理" (todo), "我处理过的" (done) and a station's queue. The cursor is an
 * opaque base64url of (created_at, id) of the last item; order is newest first or oldest-waiting first.
 *
 * <ul>
 *   <li>todo, DEPUTY: open concerns of their stations assigned to them, or unassigned and addressed to nobody or
 *       to them;</li>
 *   <li>todo, LIAISON / STATION_HEAD: every open concern of their station;</li>
 *   <li>todo, ADMIN: open concerns of their region and below (read only);</li>
 *   <li>done: concerns the caller acted on (a staff timeline row by their account), still within their scope;</li>
 *   <li>station: every concern of one station (state filter optional).</li>
 * </ul>
 */
@Singleton
public class ConcernQueues {
    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 50;
    private static final int OVERDUE_ROUNDS = 20;

    private final JdbcOperations jdbc;
    private final Scopes scopes;
    private final DisplayNames names;
    private final RegionRepository regions;
    private final Deadlines deadlines;

    ConcernQueues(JdbcOperations jdbc, Scopes scopes, DisplayNames names, RegionRepository regions, Deadlines deadlines) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.names = names;
        this.regions = regions;
        this.deadlines = deadlines;
    }

    /** Filters of a queue request, as given (validated here). */
    public record Filter(@Nullable String state, @Nullable String category, @Nullable Boolean overdue,
                         @Nullable Long station, @Nullable String order, @Nullable String cursor,
                         @Nullable Integer size) {
    }

    @Serdeable
    public record Page(List<QueueItem> items, @Nullable String nextCursor) {
    }

    public enum View { TODO, DONE }

    @Transactional(readOnly = true)
    public Page mine(Authentication auth, View view, Filter f) {
        StaffScope me = scopes.of(auth);
        if (f.station() != null) {
            scopes.requireSeeStation(auth, f.station(), "联络站");
        }
        QueueSql.Query q = new QueueSql.Query(states(f.state(), view == View.TODO));
        scope(q.common, me);
        if (view == View.TODO && me.role() == Role.DEPUTY && !me.stationIds().isEmpty()) {
            // "assigned to me, or unassigned and addressed to nobody or to me" as disjoint branches, each an index walk
            q.branch().and("assignee_deputy_id = ?", me.deputyId());
            for (Long station : me.stationIds()) {
                q.branch().and("station_id = ? AND assignee_deputy_id IS NULL AND deputy_id IS NULL", station);
                q.branch().and("station_id = ? AND assignee_deputy_id IS NULL AND deputy_id = ?", station, me.deputyId());
            }
        } else if (view == View.TODO && me.role() != Role.ADMIN) {
            for (Long station : me.stationIds()) {
                q.branch().and("station_id = ?", station);
            }
        } else if (view == View.DONE) {
            q.common.and("id IN (SELECT concern_id FROM concern_event WHERE actor_account_id = ? AND actor_type = 'STAFF')",
                    me.accountId());
        }
        return run(q, f);
    }

    @Transactional(readOnly = true)
    public Page station(Authentication auth, long stationId, Filter f) {
        scopes.requireSeeStation(auth, stationId, "联络站");
        QueueSql.Query q = new QueueSql.Query(states(f.state(), false));
        q.common.and("station_id = ?", stationId);
        return run(q, new Filter(f.state(), f.category(), f.overdue(), null, f.order(), f.cursor(), f.size()));
    }

    private void scope(QueueSql.Sql q, StaffScope me) {
        if (me.role() == Role.ADMIN) {
            String path = me.regionId() == null ? null : regions.findById(me.regionId()).map(r -> r.path()).orElse(null);
            q.and("region_id IN (SELECT id FROM region WHERE path LIKE ?)", path == null ? "-" : path + "%");
        } else if (me.stationIds().isEmpty()) {
            q.and("1 = 0");
        } else {
            q.and("station_id IN (" + me.stationIds().stream().map(x -> "?").collect(Collectors.joining(",")) + ")",
                    me.stationIds().toArray());
        }
    }

    private Page run(QueueSql.Query q, Filter f) {
        int size = size(f.size());
        boolean oldest = "oldest".equals(f.order());
        if (f.order() != null && !oldest && !"newest".equals(f.order())) {
            throw ApiException.badField("order", "应为 newest 或 oldest");
        }
        QueueSql.Sql base = q.common;
        if (f.station() != null) {
            base.and("station_id = ?", f.station());
        }
        if (f.category() != null && !f.category().isBlank()) {
            base.and("category = ?", f.category().strip());
        }
        Instant now = Times.now();
        boolean onlyOverdue = Boolean.TRUE.equals(f.overdue());
        if (onlyOverdue) {
            base.and(Overdue.SQL, Timestamp.from(now), Timestamp.from(now), Timestamp.from(now), Timestamp.from(now));
        }
        KeysetCursor cursor = KeysetCursor.of(f.cursor());
        if (q.states != null && q.states.isEmpty()) {
            return new Page(List.of(), null);
        }
        return collect((after, limit) -> {
            QueueSql.Sql page = base.copy();
            if (after != null) {
                page.and(oldest ? "(created_at > ? OR (created_at = ? AND id > ?))" : "(created_at < ? OR (created_at = ? AND id < ?))",
                        Timestamp.from(after.at()), Timestamp.from(after.at()), after.id());
            }
            return select(page, q, oldest, limit);
        }, cursor, size, onlyOverdue, now);
    }

    /** The rows after a position, in the page's order, at most {@code limit} (a queue's or the search's SQL). */
    interface Rows {
        List<Concern> after(@Nullable KeysetCursor cursor, int limit);
    }

    static int size(@Nullable Integer size) {
        int s = size == null ? DEFAULT_SIZE : size;
        if (s < 1 || s > MAX_SIZE) {
            throw ApiException.badField("size", "应在 1 到 " + MAX_SIZE + " 之间");
        }
        return s;
    }

    /**
     * A page of {@code size} items after {@code cursor}. The SQL's overdue condition ({@link Overdue#SQL}) lets
     * through rows whose deadlines are not stored yet; {@link Overdue#any} decides those, so an overdue page reads
     * further batches (at most {@value #OVERDUE_ROUNDS}) until it is full.
     */
    Page collect(Rows rows, @Nullable KeysetCursor cursor, int size, boolean onlyOverdue, Instant now) {
        List<Concern> found = new ArrayList<>();
        boolean more = false;
        int fetch = size + 1;
        for (int round = 0; round < OVERDUE_ROUNDS; round++) {
            List<Concern> batch = rows.after(cursor, fetch);
            int i = 0;
            for (; i < batch.size() && found.size() < size; i++) {
                Concern c = batch.get(i);
                cursor = new KeysetCursor(c.createdAt(), c.id());
                if (!onlyOverdue || Overdue.any(deadlines.due(c), now)) {
                    found.add(c);
                }
            }
            if (found.size() >= size) {
                more = i < batch.size();
                break;
            }
            if (batch.size() < fetch) {
                more = false;
                break;
            }
            more = true;
        }
        String next = more && cursor != null ? cursor.encode() : null;
        return new Page(items(found, now), next);
    }

    /** One page in (created_at, id) order ({@link QueueSql#page} builds the statement). */
    private List<Concern> select(QueueSql.Sql page, QueueSql.Query q, boolean oldest, int limit) {
        List<Object> args = new ArrayList<>();
        String sql = QueueSql.page(page, q, oldest, limit, args);
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

    List<QueueItem> items(List<Concern> list, Instant now) {
        Set<Long> ids = new HashSet<>();
        for (Concern c : list) {
            if (c.deputyId() != null) {
                ids.add(c.deputyId());
            }
            if (c.assigneeDeputyId() != null) {
                ids.add(c.assigneeDeputyId());
            }
        }
        Map<Long, String> people = names.deputies(ids);
        return list.stream().map(c -> item(c, names.stationName(c.stationId()), people, now)).toList();
    }

    QueueItem item(Concern c, String stationName, Map<Long, String> names, Instant now) {
        return new QueueItem(c.id(), c.trackingNo(), c.state().name(), c.stateLabel(), c.channel().name(),
                c.category(), summary(c.content()), c.stationId(), stationName, c.deputyId(),
                c.deputyId() == null ? null : names.get(c.deputyId()), c.assigneeDeputyId(),
                c.assigneeDeputyId() == null ? null : names.get(c.assigneeDeputyId()), c.contactName(),
                c.mobileMasked(), Overdue.any(deadlines.due(c), now), Times.show(c.departmentDeadline()), c.reopenCount(),
                c.meTooCount(), Times.show(c.createdAt()), Times.show(c.updatedAt()),
                c.version() == null ? 0 : c.version(), c.outcome() == null ? null : c.outcome().name());
    }

    static String summary(String content) {
        return content.length() <= 60 ? content : content.substring(0, 60) + "…";
    }

    /** The states asked for (null: any); a to-do view is limited to the open ones. */
    static Set<ConcernState> states(@Nullable String value, boolean openOnly) {
        Set<ConcernState> asked = value == null || value.isBlank() ? null : states(value);
        if (!openOnly) {
            return asked == null || asked.size() == ConcernState.values().length ? null : asked;
        }
        Set<ConcernState> out = EnumSet.copyOf(ConcernState.OPEN);
        if (asked != null) {
            out.retainAll(asked);
        }
        return out;
    }

    /** "open" or a comma list of state names. */
    static Set<ConcernState> states(String value) {
        Set<ConcernState> out = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            String p = part.strip();
            if (p.equalsIgnoreCase("open")) {
                out.addAll(ConcernState.OPEN);
                continue;
            }
            try {
                out.add(ConcernState.valueOf(p.toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw ApiException.badField("state", "未知的状态：" + p);
            }
        }
        if (out.isEmpty()) {
            out.addAll(EnumSet.allOf(ConcernState.class));
        }
        return out;
    }
}
