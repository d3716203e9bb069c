package cn.mashang.concern.intake;

import cn.mashang.common.Refreshes;
import cn.mashang.qr.ContactCode;
import cn.mashang.region.RegionRepository;
import cn.mashang.station.DisplayNames;
import cn.mashang.station.Station;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.time.Duration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The categories offered for a code: those of the nearest region on the station's path (its own, else its
 * county's, city's, province's) that defines any, else the deployment-wide ones (region_id NULL), in their sort
 * order; a region's list replaces the inherited one (docs/province.md). An industry code's preset category comes first.
 * The list is kept per region ({@link #TTL}; read on every submission, through the station's region as
 * {@link DisplayNames} keeps it): never older than that, reloaded in the background past half of it. Kept per station
 * and expiring in the request, a city's 2,000 stations had about half the submissions read it (three queries).
 */
@Singleton
public class Categories {
    private final JdbcOperations jdbc;
    private final DisplayNames names;
    private final RegionRepository regions;

    static final Duration TTL = Duration.ofSeconds(30);
    /** Offered lists by region id (0: a station without region, the deployment-wide list). */
    private final LoadingCache<Long, List<String>> byRegion;

    Categories(JdbcOperations jdbc, DisplayNames names, RegionRepository regions, TransactionOperations<Connection> tx,
               Refreshes executor) {
        this.jdbc = jdbc;
        this.names = names;
        this.regions = regions;
        // loaded in a read transaction of its own: a reload runs on the blocking pool, outside any request
        this.byRegion = executor.within(TTL).maximumSize(4096).build(id -> tx.executeRead(status -> forRegion(id)));
    }

    public List<String> forCode(ContactCode code) {
        long region = names.station(code.stationId()).map(Station::regionId).orElse(0L);
        List<String> offered = byRegion.get(region);
        if (code.presetCategory() == null || code.presetCategory().isBlank()) {
            return offered;
        }
        Set<String> names = new LinkedHashSet<>();
        names.add(code.presetCategory());
        names.addAll(offered);
        return new ArrayList<>(names);
    }

    private List<String> forRegion(long regionId) {
        List<Long> regionIds = regionId == 0 ? List.of() : regions.findById(regionId)
                .map(r -> Arrays.stream(r.path().split("/")).filter(p -> !p.isEmpty()).map(Long::valueOf).toList())
                .orElse(List.of());
        return List.copyOf(load(regionIds));
    }

    @io.micronaut.transaction.annotation.Transactional(readOnly = true)
    public List<String> cityWide() {
        return load(List.of());
    }

    /** The categories offered in the region with this materialised path (nearest definition up the path). */
    @io.micronaut.transaction.annotation.Transactional(readOnly = true)
    public List<String> forRegionPath(String path) {
        return load(java.util.Arrays.stream(path.split("/")).filter(p -> !p.isEmpty()).map(Long::valueOf).toList());
    }

    /** regionIds: the path from the root down; the deepest one with active categories wins. */
    private List<String> load(List<Long> regionIds) {
        StringBuilder sql = new StringBuilder("SELECT name, region_id FROM concern_category WHERE active = TRUE AND (region_id IS NULL");
        if (!regionIds.isEmpty()) {
            sql.append(" OR region_id IN (").append(String.join(",", regionIds.stream().map(x -> "?").toList())).append(")");
        }
        sql.append(") ORDER BY sort_order, id");
        return jdbc.prepareStatement(sql.toString(), ps -> {
            for (int i = 0; i < regionIds.size(); i++) {
                ps.setLong(i + 1, regionIds.get(i));
            }
            java.util.TreeMap<Integer, List<String>> byDepth = new java.util.TreeMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long region = rs.getLong(2);
                    int depth = rs.wasNull() ? -1 : regionIds.indexOf(region);
                    List<String> names = byDepth.computeIfAbsent(depth, k -> new ArrayList<>());
                    if (!names.contains(rs.getString(1))) {
                        names.add(rs.getString(1));
                    }
                }
            }
            return byDepth.isEmpty() ? List.of() : byDepth.lastEntry().getValue();
        });
    }
}
