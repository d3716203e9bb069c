package cn.mashang.concern.tracking;

import cn.mashang.concern.Rating;
import cn.mashang.concern.intake.IntakeController;
import cn.mashang.concern.photo.PhotoStore;
import cn.mashang.resident.RateLimits;
import cn.mashang.resident.ResidentTokens;
import cn.mashang.common.ApiException;
import cn.mashang.common.Times;
import cn.mashang.openapi.Conflicts;
import cn.mashang.openapi.PublicApi;
import cn.mashang.openapi.RateLimited;
import cn.mashang.openapi.ResidentToken;
import cn.mashang.openapi.TrackingKey;
import cn.mashang.openapi.WithBody;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resident's tracking link and "我的反映". The secret travels as {@code ?key=} or the X-Tracking-Key header
 * (the page keeps it in the URL fragment, which never reaches a server); a device that submitted the concern
 * may also open it with its resident token. Without either: 404.
 */
@Tag(name = "tracking")
@PublicApi
@Controller("/api/v1")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class TrackController {
    private static final String KEY_HEADER = "X-Tracking-Key";
    private final Tracking tracking;
    private final ResidentTokens tokens;
    private final RateLimits limits;
    private final PhotoStore store;

    TrackController(Tracking tracking, ResidentTokens tokens, RateLimits limits, PhotoStore store) {
        this.tracking = tracking;
        this.tokens = tokens;
        this.limits = limits;
        this.store = store;
    }

    @Serdeable
    @Introspected
    record MessageRequest(@NotBlank(message = "请填写补充的内容") @Size(max = 1000, message = "不能超过 1000 字") String body) {
    }

    @Serdeable
    @Introspected
    record RatingRequest(@NotNull(message = "请选择评价") Rating rating,
                         @Nullable @Size(max = 500, message = "不能超过 500 字") String comment) {
    }

    @Serdeable
    record TokenAnswer(String residentToken) {
    }

    @Operation(operationId = "trackConcern", summary = "查看进度 / Follow a concern by its tracking number")
    @Get("/track/{trackingNo}")
    HttpResponse<TrackView> track(String trackingNo, @TrackingKey @QueryValue @Nullable String key,
                                  @TrackingKey @Header(KEY_HEADER) @Nullable String keyHeader,
                                  @ResidentToken @Header(IntakeController.TOKEN_HEADER) @Nullable String token) {
        var c = tracking.open(trackingNo, key != null ? key : keyHeader, device(token));
        return HttpResponse.ok(tracking.view(c)).header("Cache-Control", "no-store");
    }

    @Operation(operationId = "addTrackingMessage", summary = "补充信息 / Add information to one's concern")
    @Conflicts
    @RateLimited
    @WithBody
    @ApiResponse(responseCode = "201", description = "已补充 / added; the updated view",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TrackView.class)))
    @Post(value = "/track/{trackingNo}/messages", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<TrackView> message(String trackingNo, @TrackingKey @QueryValue @Nullable String key,
                                    @TrackingKey @Header(KEY_HEADER) @Nullable String keyHeader,
                                    @ResidentToken @Header(IntakeController.TOKEN_HEADER) @Nullable String token,
                                    @Body @Valid MessageRequest body) {
        var c = tracking.open(trackingNo, key != null ? key : keyHeader, device(token));
        limits.take(RateLimits.Kind.MESSAGE, trackingNo);
        tracking.addMessage(c, body.body().strip());
        return HttpResponse.created(tracking.view(tracking.open(trackingNo, key != null ? key : keyHeader, device(token))));
    }

    @Operation(operationId = "rateConcern", summary = "评价 / Rate the answer")
    @Conflicts
    @WithBody
    @Post(value = "/track/{trackingNo}/rating", consumes = MediaType.APPLICATION_JSON)
    TrackView rate(String trackingNo, @TrackingKey @QueryValue @Nullable String key,
                   @TrackingKey @Header(KEY_HEADER) @Nullable String keyHeader,
                   @ResidentToken @Header(IntakeController.TOKEN_HEADER) @Nullable String token,
                   @Body @Valid RatingRequest body) {
        var c = tracking.open(trackingNo, key != null ? key : keyHeader, device(token));
        tracking.rate(c, body.rating(), body.comment());
        return tracking.view(tracking.open(trackingNo, key != null ? key : keyHeader, device(token)));
    }

    @Operation(operationId = "getTrackingPhoto", summary = "反映图片 / A photo of one's concern (JPEG)")
    @Get("/track/{trackingNo}/photos/{photoId}")
    HttpResponse<byte[]> photo(String trackingNo, long photoId, @TrackingKey @QueryValue @Nullable String key,
                               @TrackingKey @Header(KEY_HEADER) @Nullable String keyHeader,
                               @ResidentToken @Header(IntakeController.TOKEN_HEADER) @Nullable String token) {
        var c = tracking.open(trackingNo, key != null ? key : keyHeader, device(token));
        var p = tracking.photo(c, photoId);
        return HttpResponse.ok(store.get(p.storageName())).contentType(MediaType.IMAGE_JPEG_TYPE)
                .header("Cache-Control", "private, max-age=3600");
    }

    /** The resident's concerns on this device (newest first). */
    @Operation(operationId = "listMyConcerns", summary = "我的反映 / The concerns submitted from this device")
    @Get("/my/concerns")
    Map<String, List<MyConcern>> mine(@ResidentToken @Header(IntakeController.TOKEN_HEADER) @Nullable String token) {
        var d = device(token).orElseThrow(() -> new ApiException(io.micronaut.http.HttpStatus.UNAUTHORIZED,
                "无法识别此设备", "此设备还没有提交过反映"));
        return Map.of("items", tracking.mine(d));
    }

    /** The device's resident token: the same one when still valid, else a new one. */
    @Operation(operationId = "getResidentToken", summary = "设备令牌 / This device's resident token (kept or new)")
    @Get("/my/token")
    HttpResponse<TokenAnswer> token(@ResidentToken @Header(IntakeController.TOKEN_HEADER) @Nullable String token) {
        String t = device(token).isPresent() ? token : tokens.issue(tokens.newSubject(), Times.now());
        return HttpResponse.ok(new TokenAnswer(t)).header("Cache-Control", "no-store");
    }

    private Optional<ResidentTokens.Device> device(@Nullable String token) {
        return tokens.verify(token, Times.now());
    }
}
