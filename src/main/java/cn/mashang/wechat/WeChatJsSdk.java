package cn.mashang.wechat;

import cn.mashang.AppConfig;
import cn.mashang.common.ApiException;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import me.chanjar.weixin.common.bean.WxJsapiSignature;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;

/**
 * wx.config values (JS-SDK 附录1): WxJava's createJsapiSignature, SHA-1 of
 * {@code jsapi_ticket=…&noncestr=…&timestamp=…&url=…} with the jsapi ticket it fetches and caches. Only pages
 * of this site are signed.
 */
@Singleton
@Requires(property = "wechat.app-id")
class WeChatJsSdk {
    private final WxMpService wx;
    private final AppConfig app;
    private final WeChatConfig config;

    WeChatJsSdk(WxMpService wx, AppConfig app, WeChatConfig config) {
        this.wx = wx;
        this.app = app;
        this.config = config;
    }

    WeChatDtos.JsSdkAnswer config(String url) {
        if (url == null || url.length() > 1000 || url.contains("#") || !url.startsWith(app.publicBaseUrl() + "/")) {
            throw ApiException.badField("url", "只能是本站页面的地址（不含 # 之后的部分）");
        }
        try {
            WxJsapiSignature s = wx.createJsapiSignature(url);
            return new WeChatDtos.JsSdkAnswer(s.getAppId(), s.getTimestamp(), s.getNonceStr(), s.getSignature(),
                    config.jssdkUrl());
        } catch (WxErrorException | RuntimeException e) {
            throw WeChatAuth.unavailable();
        }
    }
}
