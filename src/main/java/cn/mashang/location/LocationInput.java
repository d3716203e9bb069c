package cn.mashang.location;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * The place a resident chose to attach (附上位置), only after their own tap: a position (WGS-84, as the browser's
 * Geolocation API and WeChat's getLocation type "wgs84" give it) or a community of the station's area, or both.
 */
@Schema(description = "附上位置（选填，群众点选后才读取）/ optional place, WGS-84")
@Serdeable
@Introspected
public record LocationInput(
        @Schema(description = "BROWSER（浏览器定位）、WECHAT（微信 JS-SDK）或 COMMUNITY（只选小区/村）")
        @NotNull(message = "请说明位置的来源") LocationSource source,
        @Schema(description = "纬度 WGS-84") @Nullable @DecimalMin(value = "-90", message = "纬度应在 -90 到 90 之间")
        @DecimalMax(value = "90", message = "纬度应在 -90 到 90 之间") Double lat,
        @Schema(description = "经度 WGS-84") @Nullable @DecimalMin(value = "-180", message = "经度应在 -180 到 180 之间")
        @DecimalMax(value = "180", message = "经度应在 -180 到 180 之间") Double lng,
        @Schema(description = "定位精度（米）") @Nullable @Positive(message = "定位精度应大于 0 米")
        @DecimalMax(value = "100000", message = "定位精度不能超过 100 公里") Double accuracyM,
        @Schema(description = "所选小区/村（GET /api/v1/stations/{id}/communities）") @Nullable Long communityId) {
}
