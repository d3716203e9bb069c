package cn.mashang.concern.intake;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import cn.mashang.qr.ContactCode;
import cn.mashang.region.RegionRepository;
import cn.mashang.station.StationRepository;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The categories offered for a code: those of the nearest region on the station's path (its own, else its
 * county's, city's, province's) that defines any, else the deployment-wide ones (region_id NULL), in their sort
 * order; a region's list replaces the inherited one (docs/province.md). An industry code's preset category comes first. The list per station is kept
 * {@link #TTL} (it is read on every submission; categories are reference data that change rarely).
 */
@Singleton
public class Categories {
    private final JdbcOperations jdbc;
    private final StationRepository stations;
    private final RegionRepository regions;

    static final Duration TTL = Duration.ofSeconds(30);
    private final Cache<Long, List<String>> byStation = Caffeine.newBuilder().maximumSize(4096)
            .expireAfterWrite(TTL).build();

    Categories(JdbcOperations jdbc, StationRepository stations, RegionRepository regions) {
        this.jdbc = jdbc;
        this.stations = stations;
        this.regions = regions;
    }

    public List<String> forCode(ContactCode code) {
        List<String> offered = byStation.get(code.stationId(), this::forStation);
        if (code.presetCategory() == null || code.presetCategory().isBlank()) {
            return offered;
        }
        Set<String> names = new LinkedHashSet<>();
        names.add(code.presetCategory());
        names.addAll(offered);
        return new ArrayList<>(names);
    }

    @io.micronaut.transaction.annotation.Transactional(readOnly = true)
    List<String> forStation(long stationId) {
        List<Long> regionIds = stations.findById(stationId)
                .flatMap(s -> regions.findById(s.regionId()))
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
