package cn.mashang.location;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The place of a concern as its staff see it (station staff, admins above, the department it was referred to): the
 * WGS-84 position as given, its accuracy and source, the community, and a map link (AMap, coordinates converted to
 * GCJ-02). Never in the resident's tracking view, never in Open311 answers.
 */
@Serdeable
public record LocationView(String source, String sourceLabel,
                           @Schema(description = "纬度 WGS-84") @Nullable Double lat,
                           @Schema(description = "经度 WGS-84") @Nullable Double lng,
                           @Nullable Integer accuracyM, @Nullable Long communityId, @Nullable String communityName,
                           @Schema(description = "高德地图链接（已换算为 GCJ-02）/ AMap link, converted to GCJ-02")
                           @Nullable String mapUrl,
                           @Schema(description = "一行说明，如“和平小区 · 手机定位（精度约 20 米）”/ one line as shown")
                           String summary) {

    static String summary(@Nullable String community, LocationSource source, @Nullable Integer accuracyM) {
        String how = source == LocationSource.COMMUNITY ? null
                : source.label() + (accuracyM == null ? "" : "（精度约 " + accuracyM + " 米）");
        return community == null ? how : how == null ? community : community + " · " + how;
    }
}
