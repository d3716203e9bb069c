package cn.mashang.wechat;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Bodies and answers of {@link WeChatController}. No answer carries an openid. */
final class WeChatDtos {
    private WeChatDtos() {
    }

    @Serdeable
    @Introspected
    record StartRequest(@NotBlank(message = "请填写返回的页面") @Size(max = 200, message = "不能超过 200 个字符") String returnPath) {
    }

    @Serdeable
    @Introspected
    record BindRequest(@NotBlank(message = "缺少微信授权码") @Size(max = 128, message = "不能超过 128 个字符") String code,
                       @NotBlank(message = "缺少 state") @Size(max = 128, message = "不能超过 128 个字符") String state) {
    }

    @Serdeable
    @Introspected
    record SubscribeRequest(@NotBlank(message = "请填写受理编号") @Size(max = 32, message = "不能超过 32 个字符") String trackingNo,
                            @NotBlank(message = "请填写返回的页面") @Size(max = 200, message = "不能超过 200 个字符") String returnPath) {
    }

    /** What WeChat appended to the page URL after its confirmation page (openid, template_id, action, scene, reserved). */
    @Serdeable
    @Introspected
    record ConfirmRequest(@NotBlank(message = "请填写受理编号") @Size(max = 32, message = "不能超过 32 个字符") String trackingNo,
                          @NotBlank(message = "缺少 openid") @Size(max = 64, message = "不能超过 64 个字符") String openid,
                          @NotBlank(message = "缺少 template_id") @Size(max = 128, message = "不能超过 128 个字符") String templateId,
                          @NotBlank(message = "缺少 action") @Size(max = 16, message = "不能超过 16 个字符") String action,
                          @NotNull(message = "缺少 scene") Integer scene,
                          @NotBlank(message = "缺少 reserved") @Size(max = 128, message = "不能超过 128 个字符") String reserved) {
    }

    @Serdeable
    record UrlAnswer(String authorizeUrl) {
    }

    @Serdeable
    record BindAnswer(boolean bound, int concerns) {
    }

    /** @param messagesLeft one-time messages the concern may still send (with trackingNo only) */
    @Serdeable
    record StatusAnswer(boolean configured, boolean bound, boolean subscribeAvailable, @Nullable Integer messagesLeft) {
    }

    @Serdeable
    record ConfirmAnswer(int messagesLeft) {
    }

    @Serdeable
    record JsSdkAnswer(String appId, long timestamp, String nonceStr, String signature, String jssdkUrl) {
    }
}
