package cn.mashang.location;

import cn.mashang.common.ApiException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Optional;

/**
 * The place a resident attached to a concern: checked at intake ({@link #check}), stored in the concern's creating
 * transaction ({@link #save}) and shown to staff ({@link #view}). Coordinates are WGS-84 rounded to 6 decimals
 * (≈ 0.1 m) and never logged.
 */
@Singleton
public class Locations {
    private final CommunityRepository communities;
    private final ConcernLocationRepository rows;

    Locations(CommunityRepository communities, ConcernLocationRepository rows) {
        this.communities = communities;
        this.rows = rows;
    }

    /** A checked place, ready to be stored with the concern it came with. */
    public record Checked(LocationSource source, @Nullable BigDecimal lat, @Nullable BigDecimal lng,
                          @Nullable Integer accuracyM, @Nullable Long communityId) {
        /** What the idempotency fingerprint of the submission includes. */
        public String fingerprint() {
            return source + "," + lat + "," + lng + "," + accuracyM + "," + communityId;
        }
    }

    /**
     * The bean rules (ranges) ran already; here: a position source needs both coordinates, a community pick
     * needs a community and no coordinates, and the community must be an active one of this station (else 400
     * naming the field).
     */
    public @Nullable Checked check(long stationId, @Nullable LocationInput in) {
        if (in == null) {
            return null;
        }
        boolean position = in.source() != LocationSource.COMMUNITY;
        if (position && in.lat() == null) {
            throw ApiException.badField("lat", "请附上纬度，或不附位置");
        }
        if (position && in.lng() == null) {
            throw ApiException.badField("lng", "请附上经度，或不附位置");
        }
        if (!position && (in.lat() != null || in.lng() != null || in.accuracyM() != null)) {
            throw ApiException.badField("source", "只选小区/村时不附经纬度；附经纬度时来源应为 BROWSER 或 WECHAT");
        }
        if (!position && in.communityId() == null) {
            throw ApiException.badField("communityId", "请选择小区/村");
        }
        if (in.communityId() != null && communities.findById(in.communityId())
                .filter(c -> c.active() && c.stationId() == stationId).isEmpty()) {
            throw ApiException.badField("communityId", "所选小区/村不在本联络站的片区内");
        }
        return new Checked(in.source(), degrees(in.lat()), degrees(in.lng()),
                in.accuracyM() == null ? null : (int) Math.max(1, Math.ceil(in.accuracyM())), in.communityId());
    }

    /** Stores the place of a new concern; runs inside the concern's creating transaction. */
    public void save(long concernId, long stationId, Instant createdAt, Checked where) {
        rows.save(new ConcernLocation(concernId, stationId, createdAt, where.source(), where.lat(), where.lng(),
                where.accuracyM(), where.communityId()));
    }

    /** The staff view of a concern's place, when it has one. */
    public @Nullable LocationView view(long concernId) {
        Optional<ConcernLocation> row = rows.findById(concernId);
        if (row.isEmpty()) {
            return null;
        }
        ConcernLocation l = row.get();
        String community = l.communityId() == null ? null
                : communities.findById(l.communityId()).map(Community::name).orElse(null);
        Double lat = l.lat() == null ? null : l.lat().doubleValue();
        Double lng = l.lng() == null ? null : l.lng().doubleValue();
        String map = lat == null || lng == null ? null
                : Gcj02.amapMarker(lat, lng, community != null ? community : "反映地点");
        return new LocationView(l.source().name(), l.source().label(), lat, lng, l.accuracyM(), l.communityId(),
                community, map, LocationView.summary(community, l.source(), l.accuracyM()));
    }

    private static @Nullable BigDecimal degrees(@Nullable Double d) {
        return d == null ? null : BigDecimal.valueOf(d).setScale(6, RoundingMode.HALF_UP);
    }
}
