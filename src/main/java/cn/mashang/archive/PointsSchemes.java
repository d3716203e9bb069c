package cn.mashang.archive;

import cn.mashang.common.Times;
import cn.mashang.region.Region;
import cn.mashang.region.RegionRepository;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads and replaces points schemes; the scheme of a region is the nearest one up the region tree. */
@Singleton
public class PointsSchemes {
    private final JdbcOperations jdbc;
    private final RegionRepository regions;

    PointsSchemes(JdbcOperations jdbc, RegionRepository regions) {
        this.jdbc = jdbc;
        this.regions = regions;
    }

    /** The scheme that applies in a region: its own, else its parent's, … up to the city. */
    @Transactional(readOnly = true)
    public Optional<PointsScheme> effective(Long regionId) {
        if (regionId == null) {
            return Optional.empty();
        }
        Optional<Region> r = regions.findById(regionId);
        if (r.isEmpty()) {
            return Optional.empty();
        }
        List<Long> path = new ArrayList<>(Arrays.stream(r.get().path().split("/")).filter(p -> !p.isEmpty())
                .map(Long::valueOf).toList());
        for (int i = path.size() - 1; i >= 0; i--) {
            Optional<PointsScheme> s = own(path.get(i));
            if (s.isPresent()) {
                return s;
            }
        }
        return Optional.empty();
    }

    @Transactional(readOnly = true)
    public Optional<PointsScheme> own(long regionId) {
        Long schemeId = jdbc.prepareStatement("SELECT id, name FROM points_scheme WHERE region_id = ?", ps -> {
            ps.setLong(1, regionId);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        });
        if (schemeId == null) {
            return Optional.empty();
        }
        String name = jdbc.prepareStatement("SELECT name FROM points_scheme WHERE id = ?", ps -> {
            ps.setLong(1, schemeId);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
        Map<String, List<PointsScheme.Item>> classes = new LinkedHashMap<>();
        jdbc.prepareStatement("""
                SELECT c.id, c.name, i.item_key, i.label, i.weight, i.cap FROM points_class c
                LEFT JOIN points_item i ON i.class_id = c.id WHERE c.scheme_id = ?
                ORDER BY c.sort_order, c.id, i.sort_order, i.id""", ps -> {
                    ps.setLong(1, schemeId);
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            List<PointsScheme.Item> items = classes.computeIfAbsent(rs.getString(2), k -> new ArrayList<>());
                            if (rs.getString(3) != null) {
                                items.add(new PointsScheme.Item(rs.getString(3), rs.getString(4), rs.getBigDecimal(5),
                                        rs.getBigDecimal(6)));
                            }
                        }
                    }
                    return null;
                });
        return Optional.of(new PointsScheme(regionId, name, classes.entrySet().stream()
                .map(e -> new PointsScheme.PointsClass(e.getKey(), List.copyOf(e.getValue()))).toList()));
    }

    /** Replaces the region's own scheme as a whole. */
    @Transactional
    public PointsScheme replace(long regionId, PointsScheme scheme) {
        jdbc.prepareStatement("DELETE FROM points_item WHERE class_id IN (SELECT c.id FROM points_class c "
                + "JOIN points_scheme s ON s.id = c.scheme_id WHERE s.region_id = ?)", ps -> {
                    ps.setLong(1, regionId);
                    return ps.executeUpdate();
                });
        jdbc.prepareStatement("DELETE FROM points_class WHERE scheme_id IN (SELECT id FROM points_scheme WHERE region_id = ?)",
                ps -> {
                    ps.setLong(1, regionId);
                    return ps.executeUpdate();
                });
        jdbc.prepareStatement("DELETE FROM points_scheme WHERE region_id = ?", ps -> {
            ps.setLong(1, regionId);
            return ps.executeUpdate();
        });
        long schemeId = insert("INSERT INTO points_scheme (region_id, name, updated_at) VALUES (?, ?, ?)",
                regionId, scheme.name(), Timestamp.from(Times.now()));
        int c = 0;
        for (PointsScheme.PointsClass pc : scheme.classes()) {
            long classId = insert("INSERT INTO points_class (scheme_id, name, sort_order) VALUES (?, ?, ?)",
                    schemeId, pc.name(), c++);
            int i = 0;
            for (PointsScheme.Item item : pc.items()) {
                insert("INSERT INTO points_item (class_id, item_key, label, weight, cap, sort_order) VALUES (?, ?, ?, ?, ?, ?)",
                        classId, item.key(), item.label(), item.weight(), item.cap(), i++);
            }
        }
        return own(regionId).orElseThrow();
    }

    private long insert(String sql, Object... args) {
        return jdbc.execute(conn -> {
            try (var ps = conn.prepareStatement(sql, java.sql.Statement.RETURN_GENERATED_KEYS)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                ps.executeUpdate();
                try (var keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }
}
