package cn.mashang.resident;

import cn.mashang.openapi.StaffApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.mashang.auth.Scopes;
import cn.mashang.common.ApiException;
import cn.mashang.common.PageResponse;
import cn.mashang.common.Paging;
import cn.mashang.common.Times;
import cn.mashang.region.RegionRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.model.Sort;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit trail of contact reveals for the region's admins: who saw which resident's mobile number, when,
 * newest first; concerns of the admin's region and below only ({@code ?concern=} narrows to one).
 */
@Tag(name = "admin")
@StaffApi
@Controller("/api/v1/admin/pii-access")
@Secured("ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
class PiiAccessLogController {
    private static final String FROM = """
             FROM pii_access_log l JOIN concern c ON c.id = l.concern_id JOIN region r ON r.id = c.region_id
             LEFT JOIN staff_account a ON a.id = l.account_id
             WHERE r.path LIKE ? AND (? IS NULL OR l.concern_id = ?)""";
    private final Scopes scopes;
    private final RegionRepository regions;
    private final JdbcOperations jdbc;

    PiiAccessLogController(Scopes scopes, RegionRepository regions, JdbcOperations jdbc) {
        this.scopes = scopes;
        this.regions = regions;
        this.jdbc = jdbc;
    }

    @Serdeable
    record Entry(long id, long concernId, String trackingNo, long stationId, long accountId,
                 @Nullable String accountName, @Nullable String role, String field, OffsetDateTime at) {
    }

    @Operation(operationId = "listPiiAccess", summary = "联系方式查看记录 / Contact reveals of the region's concerns")
    @Get
    @Transactional(readOnly = true)
    PageResponse<Entry> list(@QueryValue @Nullable Long concern, @QueryValue @Nullable Integer page,
                             @QueryValue @Nullable Integer size, Authentication auth) {
        var pageable = Paging.of(page, size, Sort.UNSORTED);
        Long regionId = scopes.of(auth).regionId();
        String path = regions.findById(regionId == null ? -1 : regionId)
                .orElseThrow(() -> ApiException.notFound("地区")).path() + "%";
        long total = jdbc.prepareStatement("SELECT COUNT(*)\n" + FROM, ps -> {
            bind(ps, path, concern);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        List<Entry> items = jdbc.prepareStatement("""
                SELECT l.id, l.concern_id, c.tracking_no, c.station_id, l.account_id, a.display_name, a.role,
                       l.field, l.created_at""" + "\n" + FROM + " ORDER BY l.id DESC LIMIT ? OFFSET ?", ps -> {
            bind(ps, path, concern);
            ps.setInt(4, pageable.getSize());
            ps.setLong(5, pageable.getOffset());
            List<Entry> out = new ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Entry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                            rs.getString(6), rs.getString(7), rs.getString(8),
                            Times.show(rs.getTimestamp(9).toInstant())));
                }
            }
            return out;
        });
        return new PageResponse<>(items, pageable.getNumber(), pageable.getSize(), total);
    }

    private static void bind(java.sql.PreparedStatement ps, String path, Long concern) throws java.sql.SQLException {
        ps.setString(1, path);
        if (concern == null) {
            ps.setNull(2, java.sql.Types.BIGINT);
            ps.setNull(3, java.sql.Types.BIGINT);
        } else {
            ps.setLong(2, concern);
            ps.setLong(3, concern);
        }
    }
}
