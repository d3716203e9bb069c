package cn.mashang.referral;

import cn.mashang.common.KeysetCursor;

import cn.mashang.auth.Role;
import cn.mashang.auth.Scopes;
import cn.mashang.auth.StaffScope;
import cn.mashang.common.ApiException;
import cn.mashang.common.Times;
import cn.mashang.concern.Concern;
import cn.mashang.concern.Deadlines;
import cn.mashang.concern.Overdue;
import cn.mashang.station.Station;
import cn.mashang.station.StationRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A department's inbox ({@code GET /api/v1/me/referrals}): todo = the referrals it holds now, by the deadline that
 * runs (sign-for until signed, then the answer deadline), so whatever is overdue comes first; done = referrals it
 * answered or returned, or that were withdrawn, latest first. Keyset paging by an opaque cursor.
 */
@Singleton
class ReferralInbox {
    static final int MAX_SIZE = 50;
    /** The deadline that runs for an open referral, from the concern's live columns. */
    private static final String DUE = "(CASE WHEN c.signed_at IS NULL THEN c.sign_due ELSE c.department_deadline END)";

    private final JdbcOperations jdbc;
    private final Scopes scopes;
    private final Deadlines deadlines;
    private final StationRepository stations;

    ReferralInbox(JdbcOperations jdbc, Scopes scopes, Deadlines deadlines, StationRepository stations) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.deadlines = deadlines;
        this.stations = stations;
    }

    enum View { TODO, DONE }

    @Serdeable
    record Item(long concernId, long referralId, String trackingNo, String category, String summary, String stationName,
                String state, String stateLabel, String status, OffsetDateTime referredAt, OffsetDateTime signDue,
                @Nullable OffsetDateTime signedAt, OffsetDateTime deadline, boolean overdue, List<String> overdueSegments) {
    }

    @Serdeable
    record Page(List<Item> items, @Nullable String nextCursor) {
    }

    /** The caller's department, or 403 for other roles. */
    static long department(StaffScope me) {
        if (me.role() != Role.DEPARTMENT || me.departmentId() == null) {
            throw new ApiException(io.micronaut.http.HttpStatus.FORBIDDEN, "无权操作", "只有承办部门账号有交办收件箱");
        }
        return me.departmentId();
    }

    @Transactional(readOnly = true)
    Page page(Authentication auth, View view, @Nullable String cursor, @Nullable Integer size) {
        long dept = department(scopes.of(auth));
        int n = size == null ? 20 : Math.max(1, Math.min(MAX_SIZE, size));
        KeysetCursor after = KeysetCursor.of(cursor);
        Instant now = Times.now();
        List<Object> args = new ArrayList<>();
        args.add(dept);
        StringBuilder sql = new StringBuilder("SELECT r.*, " + DUE + " AS due_at FROM referral r JOIN concern c ON c.id = r.concern_id "
                + "WHERE r.department_id = ? AND ");
        if (view == View.TODO) {
            sql.append("r.status = 'OPEN'");
            if (after != null) {
                sql.append(" AND (" + DUE + " > ? OR (" + DUE + " = ? AND r.id > ?))");
                args.add(Timestamp.from(after.at()));
                args.add(Timestamp.from(after.at()));
                args.add(after.id());
            }
            sql.append(" ORDER BY due_at, r.id");
        } else {
            sql.append("r.status <> 'OPEN'");
            if (after != null) {
                sql.append(" AND (r.ended_at < ? OR (r.ended_at = ? AND r.id < ?))");
                args.add(Timestamp.from(after.at()));
                args.add(Timestamp.from(after.at()));
                args.add(after.id());
            }
            sql.append(" ORDER BY r.ended_at DESC, r.id DESC");
        }
        sql.append(" LIMIT ").append(n + 1);
        List<Referral> rows = jdbc.prepareStatement(sql.toString(), ps -> {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (var rs = ps.executeQuery()) {
                return jdbc.entityStream(rs, Referral.class).toList();
            }
        });
        boolean more = rows.size() > n;
        List<Referral> shown = more ? rows.subList(0, n) : rows;
        Map<Long, Concern> byId = concerns(shown.stream().map(Referral::concernId).distinct().toList());
        List<Item> items = shown.stream().map(r -> item(r, byId.get(r.concernId()), now)).toList();
        String next = null;
        if (more && !shown.isEmpty()) {
            Referral last = shown.get(shown.size() - 1);
            Concern c = byId.get(last.concernId());
            Instant at = view == View.TODO ? (c.signedAt() == null ? c.signDue() : c.departmentDeadline()) : last.endedAt();
            next = new KeysetCursor(at, last.id()).encode();
        }
        return new Page(items, next);
    }

    private Map<Long, Concern> concerns(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        String marks = ids.stream().map(i -> "?").collect(Collectors.joining(","));
        return jdbc.prepareStatement("SELECT * FROM concern WHERE id IN (" + marks + ")", ps -> {
            for (int i = 0; i < ids.size(); i++) {
                ps.setLong(i + 1, ids.get(i));
            }
            try (var rs = ps.executeQuery()) {
                return jdbc.entityStream(rs, Concern.class).collect(Collectors.toMap(Concern::id, Function.identity()));
            }
        });
    }

    Item item(Referral r, Concern c, Instant now) {
        List<String> segments = r.open()
                ? Overdue.segments(deadlines.due(c), now).stream().map(Enum::name).sorted().toList() : List.of();
        Instant signDue = r.open() && c.signDue() != null ? c.signDue() : r.signDue();
        Instant deadline = r.open() && c.departmentDeadline() != null ? c.departmentDeadline() : r.deadline();
        String station = stations.findById(c.stationId()).map(Station::name).orElse("");
        return new Item(c.id(), r.id(), c.trackingNo(), c.category(), summary(c.content()), station, c.state().name(),
                c.stateLabel(), r.status().name(), Times.show(r.referredAt()), Times.show(signDue),
                r.signedAt() == null ? null : Times.show(r.signedAt()), Times.show(deadline), !segments.isEmpty(), segments);
    }

    static String summary(String content) {
        return content.length() <= 60 ? content : content.substring(0, 60) + "…";
    }
}
