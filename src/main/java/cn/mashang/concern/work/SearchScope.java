package cn.mashang.concern.work;

import cn.mashang.auth.Role;
import cn.mashang.auth.Scopes;
import cn.mashang.auth.StaffScope;
import cn.mashang.common.ApiException;
import cn.mashang.concern.search.Counties;
import cn.mashang.region.RegionLevel;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a staff search may look ({@link ConcernSearch}): the caller's units of the term index (stations, regions or
 * counties), narrowed by {@code station=} and {@code region=} (outside the caller's scope: 404), and the conditions
 * the role adds (a department's referrals, a deputy's own concerns).
 */
@Singleton
class SearchScope {
    private final JdbcOperations jdbc;
    private final Scopes scopes;
    private final Counties counties;

    SearchScope(JdbcOperations jdbc, Scopes scopes, Counties counties) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.counties = counties;
    }

    /**
     * The caller's units, narrowed by station= and region=; extra conditions into filters. An admin (or department)
     * at county level or above walks concern_term by county key (V108: one unit for a county, one per county for a
     * city); below county by region.
     */
    SearchSql.Units units(Authentication auth, StaffScope me, ConcernSearch.Filter f, QueueSql.Sql filters) {
        if (me.role() == Role.ADMIN || me.role() == Role.DEPARTMENT) {
            String path = me.role() == Role.ADMIN ? path("SELECT path FROM region WHERE id = ?", me.regionId())
                    : path("SELECT r.path FROM department d JOIN region r ON r.id = d.region_id WHERE d.id = ?", me.departmentId());
            if (me.role() == Role.DEPARTMENT) {
                filters.and("c.id IN (SELECT concern_id FROM referral WHERE department_id = ?)", me.departmentId());
                if (f.station() != null) {
                    filters.and("c.station_id = ?", f.station());
                }
            } else if (f.station() != null) {
                scopes.requireSeeStation(auth, f.station(), "联络站");
                return SearchSql.Units.stations(List.of(f.station()));
            }
            if (f.region() != null) {
                String narrower = path("SELECT path FROM region WHERE id = ?", f.region());
                if (narrower == null || path == null || !narrower.startsWith(path)) {
                    throw ApiException.notFound("地区");
                }
                path = narrower;
            }
            if (path == null) {
                return SearchSql.Units.stations(List.of());
            }
            String scope = path;
            List<Long> regions = longs(scope + "%");
            String level = jdbc.prepareStatement("SELECT level FROM region WHERE path = ?", ps -> {
                ps.setString(1, scope);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            });
            boolean countyOrAbove = level != null && RegionLevel.valueOf(level).compareTo(RegionLevel.COUNTY) <= 0;
            return countyOrAbove ? new SearchSql.Units("county_id", counties.under(scope), "region_id", regions)
                    : new SearchSql.Units("region_id", regions, "region_id", regions);
        }
        List<Long> stations = new ArrayList<>(me.stationIds());
        if (f.station() != null) {
            scopes.requireSeeStation(auth, f.station(), "联络站");
            stations = List.of(f.station());
        }
        if (f.region() != null) {
            String p = path("SELECT path FROM region WHERE id = ?", f.region());
            if (p == null || stations.stream().noneMatch(s -> pathOf(s).startsWith(p))) {
                throw ApiException.notFound("地区"); // a region none of the caller's stations lies in
            }
            filters.and("c.region_id IN (SELECT id FROM region WHERE path LIKE ?)", p + "%");
        }
        if (me.role() == Role.DEPUTY) {
            filters.and("(c.assignee_deputy_id = ? OR c.deputy_id = ? OR (c.assignee_deputy_id IS NULL AND c.deputy_id IS NULL))",
                    me.deputyId(), me.deputyId());
        }
        return SearchSql.Units.stations(stations);
    }

    private @Nullable String path(String sql, @Nullable Long id) {
        if (id == null) {
            return null;
        }
        return jdbc.prepareStatement(sql, ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
    }

    private String pathOf(long station) {
        String p = path("SELECT r.path FROM station s JOIN region r ON r.id = s.region_id WHERE s.id = ?", station);
        return p == null ? "" : p;
    }

    private List<Long> longs(String pathPrefix) {
        return jdbc.prepareStatement("SELECT id FROM region WHERE path LIKE ? ORDER BY id", ps -> {
            ps.setString(1, pathPrefix);
            List<Long> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        });
    }
}
