package cn.mashang.resident.message;

import cn.mashang.common.Times;
import cn.mashang.concern.Concern;
import cn.mashang.concern.intake.IntakeController;
import cn.mashang.concern.tracking.Tracking;
import cn.mashang.openapi.PublicApi;
import cn.mashang.openapi.ResidentToken;
import cn.mashang.openapi.TrackingKey;
import cn.mashang.openapi.WithBody;
import cn.mashang.common.ApiException;
import cn.mashang.resident.ResidentTokens;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * The resident's opt-in ("有进展时通知我") as the tracking page shows it, and revoking (or giving) it there. Opened
 * like the tracking page itself (key, link key or the submitting device); the number shows masked only.
 */
@Tag(name = "tracking")
@PublicApi
@Controller("/api/v1/track/{trackingNo}/notifications")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class NoticeController {
    private final Tracking tracking;
    private final ResidentTokens tokens;
    private final Subscriptions subscriptions;

    NoticeController(Tracking tracking, ResidentTokens tokens, Subscriptions subscriptions) {
        this.tracking = tracking;
        this.tokens = tokens;
        this.subscriptions = subscriptions;
    }

    /** @param sms whether progress messages go by SMS; {@code available}: the concern has a number to send to */
    @Serdeable
    record NoticeView(boolean sms, boolean available, @Nullable String mobileMasked) {
    }

    @Serdeable
    @Introspected
    record NoticeInput(@NotNull(message = "请选择是否通知") Boolean sms) {
    }

    @Operation(operationId = "getTrackingNotifications", summary = "进展通知 / Whether progress messages reach the resident")
    @Get
    NoticeView get(String trackingNo, @TrackingKey @QueryValue @Nullable String key,
                   @TrackingKey @Header("X-Tracking-Key") @Nullable String keyHeader,
                   @ResidentToken @Header(IntakeController.TOKEN_HEADER) @Nullable String token) {
        return view(open(trackingNo, key, keyHeader, token));
    }

    @Operation(operationId = "setTrackingNotifications", summary = "开启或取消进展通知 / Opt in to or out of progress messages")
    @WithBody
    @Put(consumes = MediaType.APPLICATION_JSON)
    NoticeView set(String trackingNo, @TrackingKey @QueryValue @Nullable String key,
                   @TrackingKey @Header("X-Tracking-Key") @Nullable String keyHeader,
                   @ResidentToken @Header(IntakeController.TOKEN_HEADER) @Nullable String token,
                   @Body @Valid NoticeInput body) {
        Concern c = open(trackingNo, key, keyHeader, token);
        if (body.sms() && c.mobileEnc() == null) {
            throw ApiException.badField("sms", "这条反映没有留手机号，无法短信通知");
        }
        subscriptions.set(c.id(), ResidentContacts.SMS, body.sms());
        return view(c);
    }

    private Concern open(String trackingNo, String key, String keyHeader, String token) {
        return tracking.open(trackingNo, key != null ? key : keyHeader, tokens.verify(token, Times.now()));
    }

    private NoticeView view(Concern c) {
        return new NoticeView(subscriptions.active(c.id(), ResidentContacts.SMS), c.mobileEnc() != null, c.mobileMasked());
    }
}
