package cn.mashang.standard;

import cn.mashang.auth.Scopes;
import cn.mashang.region.Region;
import cn.mashang.region.RegionRepository;
import cn.mashang.region.RegionService;
import cn.mashang.standard.StandardRoad.State;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The completion map of a region's stations for a year: per station the items of the checklist in force at it by
 * state (passed / pending / returned / empty — an entry of an item not in force does not count), the sums per child
 * region and for the region. Two reads: the active stations below, and their entries of the year.
 */
@Singleton
class CompletionMap {
    static final int MAX_STATIONS = 300;
    private final JdbcOperations jdbc;
    private final Scopes scopes;
    private final RegionService regionService;
    private final RegionRepository regions;
    private final Checklists checklists;
    private final StandardStore store;

    CompletionMap(JdbcOperations jdbc, Scopes scopes, RegionService regionService, RegionRepository regions,
                  Checklists checklists, StandardStore store) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.regionService = regionService;
        this.regions = regions;
        this.checklists = checklists;
        this.store = store;
    }

    private record Place(long id, String name, String path) {
    }

    @Transactional(readOnly = true)
    StandardViews.CompletionMap of(long regionId, @Nullable Integer year, Authentication auth) {
        int y = StandardBodies.year(year);
        scopes.requireAdministerRegion(auth, regionId, "地区");
        Region region = regionService.get(regionId);
        List<Place> places = stationsBelow(region.path());
        Map<Long, Map<Long, State>> states = new HashMap<>();
        store.statesBelow(region.path(), y, (station, item, state) ->
                states.computeIfAbsent(station, k -> new HashMap<>()).put(item, state));
        var active = checklists.active();
        Map<String, Set<Long>> inForce = new HashMap<>();
        Map<Long, StandardViews.Counts> children = new LinkedHashMap<>();
        Map<Long, Integer> stationsPerChild = new HashMap<>();
        List<StandardViews.MapRow> rows = new ArrayList<>();
        StandardViews.Counts totals = StandardViews.Counts.of(0, 0, 0, 0);
        for (Place p : places) {
            Set<Long> items = inForce.computeIfAbsent(p.path(), path -> Checklists.inForce(path, active).items()
                    .stream().map(Checklists.Item::id).collect(Collectors.toSet()));
            Map<Long, State> mine = states.getOrDefault(p.id(), Map.of());
            int passed = 0;
            int pending = 0;
            int returned = 0;
            for (Long item : items) {
                State s = mine.get(item);
                passed += s == State.PASSED ? 1 : 0;
                pending += s == State.PENDING ? 1 : 0;
                returned += s == State.RETURNED ? 1 : 0;
            }
            StandardViews.Counts c = StandardViews.Counts.of(items.size(), passed, pending, returned);
            totals = totals.plus(c);
            rows.add(new StandardViews.MapRow(p.id(), p.name(), 1, c));
            Long child = childOf(region.path(), p.path());
            if (child != null) {
                children.merge(child, c, StandardViews.Counts::plus);
                stationsPerChild.merge(child, 1, Integer::sum);
            }
        }
        List<StandardViews.MapRow> childRows = new ArrayList<>();
        for (Region r : regions.findByPathLikeOrderByPathAsc(region.path() + "%")) {
            if (r.active() && r.parentId() != null && r.parentId() == regionId) {
                childRows.add(new StandardViews.MapRow(r.id(), r.name(), stationsPerChild.getOrDefault(r.id(), 0),
                        children.getOrDefault(r.id(), StandardViews.Counts.of(0, 0, 0, 0))));
            }
        }
        rows.sort(Comparator.comparingInt((StandardViews.MapRow r) -> -r.counts().pending())
                .thenComparingInt(r -> -r.counts().returned()).thenComparingLong(StandardViews.MapRow::id));
        return new StandardViews.CompletionMap(regionId, region.name(), y, places.size(), totals, childRows,
                rows.subList(0, Math.min(rows.size(), MAX_STATIONS)));
    }

    /** The child of the region (path) on a station's region path; null when the station sits in the region itself. */
    private static Long childOf(String regionPath, String stationPath) {
        String rest = stationPath.substring(regionPath.length());
        int slash = rest.indexOf('/');
        return slash <= 0 ? null : Long.valueOf(rest.substring(0, slash));
    }

    private List<Place> stationsBelow(String path) {
        return jdbc.prepareStatement("""
                SELECT s.id, s.name, r.path FROM station s JOIN region r ON r.id = s.region_id
                WHERE s.active = TRUE AND r.path LIKE ? ORDER BY s.id""", ps -> {
            ps.setString(1, path + "%");
            List<Place> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Place(rs.getLong(1), rs.getString(2), rs.getString(3)));
                }
            }
            return out;
        });
    }
}
