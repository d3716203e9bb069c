package cn.mashang.location;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The head's hot-spot list: a station's concerns of the last {@link #DAYS} days that carry a place, grouped by the
 * community picked and by grid cells of about {@link #CELL_METRES} m (from the stored WGS-84 position), the
 * {@link #TOP} largest groups of each with their category breakdown. Rejected concerns and duplicates merged into
 * another are not counted (the survivor is). A cell is shown by its centre, never by a resident's exact position.
 */
@Singleton
class Hotspots {
    static final int DAYS = 90;
    static final int TOP = 10;
    static final int CELL_METRES = 200;
    /** Degrees of latitude per cell: 200 m / 111,320 m per degree. */
    static final double CELL_LAT = CELL_METRES / 111_320.0;
    private final JdbcOperations jdbc;

    Hotspots(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Serdeable
    record Answer(long stationId, int days, OffsetDateTime since, int located, int cellMetres,
                  List<CommunitySpot> communities, List<PlaceSpot> places) {
    }

    @Serdeable
    record CommunitySpot(long communityId, String name, int count, List<CategoryCount> categories) {
    }

    /** A grid cell: its centre (WGS-84, rounded to 5 decimals ≈ 1 m), its count, and an AMap link to the centre. */
    @Serdeable
    record PlaceSpot(String cell, double lat, double lng, int count, List<CategoryCount> categories, String mapUrl) {
    }

    @Serdeable
    record CategoryCount(String category, int count) {
    }

    private record Row(Long communityId, String communityName, Double lat, Double lng, String category) {
    }

    private static final class Group {
        final Map<String, Integer> categories = new TreeMap<>();
        int count;

        void add(String category) {
            count++;
            categories.merge(category, 1, Integer::sum);
        }

        List<CategoryCount> breakdown() {
            return categories.entrySet().stream().map(e -> new CategoryCount(e.getKey(), e.getValue()))
                    .sorted(Comparator.comparingInt(CategoryCount::count).reversed()).toList();
        }
    }

    @Transactional(readOnly = true)
    Answer of(long stationId, Instant now) {
        Instant since = now.minus(Duration.ofDays(DAYS));
        List<Row> rows = jdbc.prepareStatement("""
                SELECT l.community_id, m.name, l.lat, l.lng, c.category
                  FROM concern_location l
                  JOIN concern c ON c.id = l.concern_id
                  LEFT JOIN station_community m ON m.id = l.community_id
                 WHERE l.station_id = ? AND l.created_at >= ? AND c.state <> 'REJECTED' AND c.merged_into_id IS NULL""",
                ps -> {
                    ps.setLong(1, stationId);
                    ps.setTimestamp(2, Timestamp.from(since));
                    List<Row> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long community = rs.getLong(1);
                            Long communityId = rs.wasNull() ? null : community;
                            var lat = rs.getBigDecimal(3);
                            var lng = rs.getBigDecimal(4);
                            out.add(new Row(communityId, rs.getString(2), lat == null ? null : lat.doubleValue(),
                                    lng == null ? null : lng.doubleValue(), rs.getString(5)));
                        }
                    }
                    return out;
                });
        Map<Long, Group> byCommunity = new LinkedHashMap<>();
        Map<Long, String> names = new HashMap<>();
        Map<String, Group> byCell = new LinkedHashMap<>();
        Map<String, double[]> centres = new HashMap<>();
        for (Row r : rows) {
            if (r.communityId() != null) {
                byCommunity.computeIfAbsent(r.communityId(), k -> new Group()).add(r.category());
                names.put(r.communityId(), r.communityName());
            }
            if (r.lat() != null && r.lng() != null) {
                long i = (long) Math.floor(r.lat() / CELL_LAT);
                double centreLat = (i + 0.5) * CELL_LAT;
                double cellLng = CELL_LAT / Math.max(0.01, Math.cos(Math.toRadians(centreLat)));
                long j = (long) Math.floor(r.lng() / cellLng);
                String key = i + ":" + j;
                byCell.computeIfAbsent(key, k -> new Group()).add(r.category());
                centres.putIfAbsent(key, new double[]{round5(centreLat), round5((j + 0.5) * cellLng)});
            }
        }
        List<CommunitySpot> communities = byCommunity.entrySet().stream()
                .map(e -> new CommunitySpot(e.getKey(), names.get(e.getKey()), e.getValue().count, e.getValue().breakdown()))
                .sorted(Comparator.comparingInt(CommunitySpot::count).reversed().thenComparing(CommunitySpot::name))
                .limit(TOP).toList();
        List<PlaceSpot> places = byCell.entrySet().stream().map(e -> {
                    double[] c = centres.get(e.getKey());
                    return new PlaceSpot(e.getKey(), c[0], c[1], e.getValue().count, e.getValue().breakdown(),
                            Gcj02.amapMarker(c[0], c[1], "反映较多的地点（约" + CELL_METRES + "米范围）"));
                })
                .sorted(Comparator.comparingInt(PlaceSpot::count).reversed().thenComparing(PlaceSpot::cell))
                .limit(TOP).toList();
        return new Answer(stationId, DAYS, cn.mashang.common.Times.show(since), rows.size(), CELL_METRES,
                communities, places);
    }

    private static double round5(double d) {
        return Math.round(d * 100_000.0) / 100_000.0;
    }
}
