package cn.mashang.location;

import cn.mashang.station.Station;
import cn.mashang.station.StationRepository;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * Places for the living demo's concerns (invented, WGS-84), so the hot spots of the three staffed demo stations
 * have something true to show: most concerns near one of three spots of the station's area with one of its
 * communities, some with a community only, some without a place.
 */
@Singleton
@Requires(notEnv = "prod")
public class DemoPlaces {
    /** Invented centres of the staffed demo stations' areas: {lat, lng}. */
    private static final Map<String, double[]> CENTRES = Map.of(
            "吕梁市清洁能源基地暨孝义市新型煤化工人大代表联络站", new double[]{37.1461, 111.7732},
            "交口县水头片区人大代表联络站", new double[]{36.9823, 111.1961},
            "离石区凤山街道和平社区人大代表联络站", new double[]{37.5183, 111.1347});
    private final StationRepository stations;
    private final CommunityRepository communities;

    DemoPlaces(StationRepository stations, CommunityRepository communities) {
        this.stations = stations;
        this.communities = communities;
    }

    /** The place of the station's n-th demo concern, or null (every sixth has none). */
    public @Nullable LocationInput of(long stationId, int n) {
        double[] centre = stations.findById(stationId).map(Station::name).map(CENTRES::get).orElse(null);
        List<Community> list = communities.findByStationIdAndActiveTrueOrderBySortOrder(stationId);
        if (centre == null || list.isEmpty() || n % 6 == 5) {
            return null;
        }
        int spot = n % 5 < 3 ? 0 : n % 5 - 2;
        long community = list.get(spot % list.size()).id();
        if (n % 4 == 3) {
            return new LocationInput(LocationSource.COMMUNITY, null, null, null, community);
        }
        double jitter = (n % 7) * 0.00006;
        return new LocationInput(LocationSource.BROWSER, centre[0] + spot * 0.004 + jitter, centre[1] + spot * 0.003 - jitter,
                15.0 + n % 30, community);
    }
}
