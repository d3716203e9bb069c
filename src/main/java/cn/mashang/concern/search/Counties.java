package cn.mashang.concern.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The county key of {@code concern_term.county_id} (V108): a region's COUNTY-level ancestor (itself when a county),
 * or the region itself when it has none (it lies above county level, e.g. a city-level station). The same rule as
 * the migration's UPDATE. Regions rarely move; keys are cached for a few minutes.
 */
@Singleton
public class Counties {
    private final JdbcOperations jdbc;
    private final Cache<Long, Long> byRegion = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(10)).build();

    Counties(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The county key of a region. */
    public long of(long regionId) {
        return byRegion.get(regionId, id -> jdbc.prepareStatement("SELECT k.id FROM region r JOIN region k ON k.level = 'COUNTY'"
                + " AND r.path LIKE CONCAT(k.path, '%') WHERE r.id = ?", ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : id;
            }
        }));
    }

    /**
     * The distinct county keys of the regions under a path (itself included) — what a search of an admin at county
     * level or above walks: one key for a county, its counties (and itself, for its own city-level stations) for a city.
     */
    public List<Long> under(String pathPrefix) {
        Map<Long, String> levels = new HashMap<>();
        Map<Long, String> paths = new HashMap<>();
        jdbc.prepareStatement("SELECT id, level, path FROM region WHERE path LIKE ? ORDER BY path", ps -> {
            ps.setString(1, pathPrefix + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    levels.put(rs.getLong(1), rs.getString(2));
                    paths.put(rs.getLong(1), rs.getString(3));
                }
            }
            return null;
        });
        Set<Long> keys = new LinkedHashSet<>();
        paths.forEach((id, path) -> {
            long key = id;
            for (String part : path.split("/")) {
                if (!part.isEmpty() && "COUNTY".equals(levels.get(Long.parseLong(part)))) {
                    key = Long.parseLong(part);
                    break;
                }
            }
            keys.add(key);
        });
        return new ArrayList<>(keys);
    }
}
