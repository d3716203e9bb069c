package cn.mashang.wechat;

import cn.mashang.common.ApiException;
import cn.mashang.common.Times;
import cn.mashang.concern.Concern;
import cn.mashang.concern.intake.IntakeController;
import cn.mashang.concern.tracking.Tracking;
import cn.mashang.openapi.Conflicts;
import cn.mashang.openapi.PublicApi;
import cn.mashang.openapi.ResidentToken;
import cn.mashang.openapi.TrackingKey;
import cn.mashang.openapi.WithBody;
import cn.mashang.resident.ResidentTokens;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import static cn.mashang.wechat.WeChatDtos.*;

/**
 * The resident's WeChat: sign-in (网页授权 snsapi_base), one-time subscription messages per concern, and the
 * JS-SDK signature. Exists only when {@code wechat.app-id} is configured (else every route is 404). The openid
 * never appears in an answer.
 */
@Tag(name = "wechat")
@PublicApi
@Controller("/api/v1/wechat")
@Requires(property = "wechat.app-id")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class WeChatController {
    private static final String KEY_HEADER = "X-Tracking-Key";
    private final WeChatAuth auth;
    private final WeChatSubscriptions subscriptions;
    private final WeChatIdentities identities;
    private final WeChatJsSdk jssdk;
    private final ResidentTokens tokens;
    private final Tracking tracking;

    WeChatController(WeChatAuth auth, WeChatSubscriptions subscriptions, WeChatIdentities identities,
                     WeChatJsSdk jssdk, ResidentTokens tokens, Tracking tracking) {
        this.auth = auth;
        this.subscriptions = subscriptions;
        this.identities = identities;
        this.jssdk = jssdk;
        this.tokens = tokens;
        this.tracking = tracking;
    }

    @Operation(operationId = "getWeChatStatus", summary = "微信状态 / Whether this device is signed in with WeChat "
            + "(and, with a tracking number, the messages the concern may still send)")
    @Get("/status")
    StatusAnswer status(@ResidentToken @Header(IntakeController.TOKEN_HEADER) @Nullable String token,
                        @Parameter(description = "受理编号 / a concern of this device") @QueryValue @Nullable String trackingNo,
                        @TrackingKey @Header(KEY_HEADER) @Nullable String key) {
        var device = tokens.verify(token, Times.now());
        boolean bound = device.flatMap(d -> identities.identityOf(d.id())).isPresent();
        Integer open = trackingNo == null ? null
                : subscriptions.open(tracking.open(trackingNo, key, device).id(), null);
        return new StatusAnswer(true, bound, subscriptions.available(), open);
    }

    @Operation(operationId = "startWeChatSignIn", summary = "微信授权 / The WeChat authorize URL for this device "
            + "(snsapi_base); the page navigates there and WeChat returns to returnPath with code and state")
    @WithBody
    @Post(value = "/oauth/start", consumes = MediaType.APPLICATION_JSON)
    UrlAnswer start(@ResidentToken @Header(IntakeController.TOKEN_HEADER) @Nullable String token,
                    @Body @Valid StartRequest body) {
        return new UrlAnswer(auth.authorizeUrl(device(token), body.returnPath()));
    }

    @Operation(operationId = "bindWeChat", summary = "微信授权回调 / Exchanges WeChat's code and binds this device's "
            + "concerns to the resident's WeChat: every phone signed into it sees them in 我的反映")
    @WithBody
    @Post(value = "/oauth/bind", consumes = MediaType.APPLICATION_JSON)
    BindAnswer bind(@ResidentToken @Header(IntakeController.TOKEN_HEADER) @Nullable String token,
                    @Body @Valid BindRequest body) {
        var device = device(token);
        auth.bind(device, body.code(), body.state());
        return new BindAnswer(true, tracking.mine(device).size());
    }

    @Operation(operationId = "startWeChatSubscription", summary = "订阅进展 / The WeChat confirmation URL of a "
            + "one-time subscription message about one's concern")
    @Conflicts
    @WithBody
    @Post(value = "/subscriptions/start", consumes = MediaType.APPLICATION_JSON)
    UrlAnswer subscribe(@ResidentToken @Header(IntakeController.TOKEN_HEADER) @Nullable String token,
                        @TrackingKey @Header(KEY_HEADER) @Nullable String key,
                        @Body @Valid SubscribeRequest body) {
        var device = device(token);
        Concern c = tracking.open(body.trackingNo(), key, java.util.Optional.of(device));
        return new UrlAnswer(subscriptions.authorizeUrl(device, c, body.returnPath()));
    }

    @Operation(operationId = "confirmWeChatSubscription", summary = "订阅回调 / Records the consent WeChat returned "
            + "to the page (action confirm or cancel); answers the messages the concern may send")
    @Conflicts
    @WithBody
    @Post(value = "/subscriptions/confirm", consumes = MediaType.APPLICATION_JSON)
    ConfirmAnswer confirm(@ResidentToken @Header(IntakeController.TOKEN_HEADER) @Nullable String token,
                          @TrackingKey @Header(KEY_HEADER) @Nullable String key,
                          @Body @Valid ConfirmRequest body) {
        var device = device(token);
        Concern c = tracking.open(body.trackingNo(), key, java.util.Optional.of(device));
        return new ConfirmAnswer(subscriptions.confirm(device, c, body.openid(), body.templateId(), body.action(),
                body.scene(), body.reserved()));
    }

    @Operation(operationId = "getWeChatJsSdkConfig", summary = "JS-SDK 签名 / wx.config values for a page of this "
            + "site (chooseImage, getLocation inside WeChat)")
    @Get("/jssdk-config")
    JsSdkAnswer jssdkConfig(@Parameter(description = "the page URL without its #fragment") @QueryValue String url) {
        return jssdk.config(url);
    }

    private ResidentTokens.Device device(@Nullable String token) {
        return tokens.verify(token, Times.now()).orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED,
                "无法识别此设备", "请先打开我的反映或提交一次反映"));
    }
}
