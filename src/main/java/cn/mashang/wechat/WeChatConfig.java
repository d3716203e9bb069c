package cn.mashang.wechat;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * The {@code wechat:} block. Nothing of the WeChat feature exists (routes answer 404, pages show nothing) unless a
 * deployment sets {@code wechat.app-id}; {@link WeChatFactory} refuses to start without its secret.
 *
 * @param appId              the official account's AppID (开发者ID)
 * @param secret             its AppSecret (from the environment, never in a file)
 * @param templateId         the 一次性订阅消息 template id (公众号后台 → 接口权限 → 一次性订阅消息)
 * @param stateTtl           how long a 网页授权 state or a subscription's reserved value stays valid
 * @param apiHost            WeChat's api host (https://api.weixin.qq.com); tests point it at a local server
 * @param openHost           its open host (https://open.weixin.qq.com), where 网页授权 starts
 * @param mpHost             its mp host (https://mp.weixin.qq.com), where 一次性订阅消息 is confirmed
 * @param jssdkUrl           the JS-SDK the pages load inside WeChat
 */
@ConfigurationProperties("wechat")
@Requires(property = "wechat.app-id")
public record WeChatConfig(String appId,
                           @Nullable String secret,
                           @Nullable String templateId,
                           @Bindable(defaultValue = "10m") Duration stateTtl,
                           @Nullable String apiHost,
                           @Nullable String openHost,
                           @Nullable String mpHost,
                           @Bindable(defaultValue = "https://res.wx.qq.com/open/js/jweixin-1.6.0.js") String jssdkUrl) {
}
