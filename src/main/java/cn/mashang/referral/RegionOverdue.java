package cn.mashang.referral;

import cn.mashang.common.KeysetCursor;

import cn.mashang.auth.Scopes;
import cn.mashang.common.ApiException;
import cn.mashang.common.Times;
import cn.mashang.concern.Concern;
import cn.mashang.concern.Deadlines;
import cn.mashang.concern.Overdue;
import cn.mashang.department.Department;
import cn.mashang.department.DepartmentRepository;
import cn.mashang.deputy.Deputy;
import cn.mashang.deputy.DeputyRepository;
import cn.mashang.region.RegionRepository;
import cn.mashang.sla.SlaSegment;
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
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The committee's overdue queue of a region ({@code GET /api/v1/regions/{id}/overdue}): every open concern of the
 * region and below that is past any deadline ({@link Overdue}: first response, sign-for, department, resolution),
 * oldest first, with who holds it now — the department it is at, else the handling deputy, else the station.
 */
@Singleton
class RegionOverdue {
    static final int MAX_SIZE = 100;
    private final JdbcOperations jdbc;
    private final Scopes scopes;
    private final RegionRepository regions;
    private final Deadlines deadlines;
    private final StationRepository stations;
    private final DeputyRepository deputies;
    private final DepartmentRepository departments;

    RegionOverdue(JdbcOperations jdbc, Scopes scopes, RegionRepository regions, Deadlines deadlines,
                  StationRepository stations, DeputyRepository deputies, DepartmentRepository departments) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.regions = regions;
        this.deadlines = deadlines;
        this.stations = stations;
        this.deputies = deputies;
        this.departments = departments;
    }

    @Serdeable
    record Holder(String kind, @Nullable Long id, String name) {
    }

    @Serdeable
    record Item(long id, String trackingNo, String category, String summary, String state, String stateLabel,
                long stationId, String stationName, OffsetDateTime createdAt, List<String> segments,
                OffsetDateTime overdueSince, Holder holder, long version) {
    }

    @Serdeable
    record Page(List<Item> items, @Nullable String nextCursor) {
    }

    @Transactional(readOnly = true)
    Page page(Authentication auth, long regionId, @Nullable String cursor, @Nullable Integer size) {
        scopes.requireAdministerRegion(auth, regionId, "地区");
        String path = regions.findById(regionId).orElseThrow(() -> ApiException.notFound("地区")).path();
        int n = size == null ? 50 : Math.max(1, Math.min(MAX_SIZE, size));
        KeysetCursor after = KeysetCursor.of(cursor);
        Instant now = Times.now();
        List<Item> found = new ArrayList<>();
        boolean more = false;
        KeysetCursor position = after;
        // rows written before V11 pass the SQL without stored deadlines; Overdue.segments decides them
        while (found.size() < n) {
            List<Concern> batch = select(path, position, now, n + 1);
            int i = 0;
            for (; i < batch.size() && found.size() < n; i++) {
                Concern c = batch.get(i);
                position = new KeysetCursor(c.createdAt(), c.id());
                Set<SlaSegment> segments = Overdue.segments(deadlines.due(c), now);
                if (!segments.isEmpty()) {
                    found.add(item(c, segments));
                }
            }
            if (batch.size() <= n) {
                more = i < batch.size();
                break;
            }
            if (found.size() >= n) {
                more = true;
                break;
            }
        }
        return new Page(found, more && position != null ? position.encode() : null);
    }

    private List<Concern> select(String path, @Nullable KeysetCursor after, Instant now, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM concern WHERE region_id IN (SELECT id FROM region WHERE path LIKE ?) AND ")
                .append(Overdue.SQL);
        if (after != null) {
            sql.append(" AND (created_at > ? OR (created_at = ? AND id > ?))");
        }
        sql.append(" ORDER BY created_at, id LIMIT ").append(limit);
        return jdbc.prepareStatement(sql.toString(), ps -> {
            int p = 1;
            ps.setString(p++, path + "%");
            for (int i = 0; i < Overdue.SQL_PARAMS; i++) {
                ps.setTimestamp(p++, Timestamp.from(now));
            }
            if (after != null) {
                ps.setTimestamp(p++, Timestamp.from(after.at()));
                ps.setTimestamp(p++, Timestamp.from(after.at()));
                ps.setLong(p, after.id());
            }
            try (var rs = ps.executeQuery()) {
                return jdbc.entityStream(rs, Concern.class).toList();
            }
        });
    }

    private Item item(Concern c, Set<SlaSegment> segments) {
        Station s = stations.findById(c.stationId()).orElseThrow();
        Instant since = segments.stream().map(seg -> switch (seg) {
            case FIRST_RESPONSE -> deadlines.firstResponse(c);
            case SIGN -> c.signDue();
            case DEPARTMENT -> c.departmentDeadline();
            case RESOLUTION, FEEDBACK -> deadlines.resolution(c);
        }).filter(t -> t != null).min(Comparator.naturalOrder()).orElse(c.createdAt());
        return new Item(c.id(), c.trackingNo(), c.category(), ReferralInbox.summary(c.content()), c.state().name(),
                c.stateLabel(), s.id(), s.name(), Times.show(c.createdAt()),
                segments.stream().map(Enum::name).sorted().toList(), Times.show(since), holder(c, s),
                c.version() == null ? 0 : c.version());
    }

    private Holder holder(Concern c, Station s) {
        if (c.state().atDepartment() && c.departmentId() != null) {
            return new Holder("DEPARTMENT", c.departmentId(),
                    departments.findById(c.departmentId()).map(Department::name).orElse("部门"));
        }
        Long deputy = c.assigneeDeputyId();
        if (deputy != null) {
            return new Holder("DEPUTY", deputy, deputies.findById(deputy).map(Deputy::name).orElse("代表") + " 代表");
        }
        return new Holder("STATION", s.id(), s.name());
    }
}
