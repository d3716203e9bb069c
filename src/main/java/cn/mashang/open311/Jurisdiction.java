package cn.mashang.open311;

import cn.mashang.region.Region;
import cn.mashang.station.Station;
import io.micronaut.core.annotation.Nullable;

/**
 * What a {@code jurisdiction_id} names: one station (by its active public station code, e.g. {@code zhan222222})
 * or a region and every station below it (by its division code, e.g. {@code 141130}, or {@code region-{id}}).
 */
record Jurisdiction(String id, Region region, @Nullable Station station) {
    boolean isStation() {
        return station != null;
    }

    String name() {
        return station != null ? station.name() : region.name();
    }

    /** Prefix for "this region and below" on region paths. */
    String pathPrefix() {
        return region.path() + "%";
    }
}
