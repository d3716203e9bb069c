package cn.mashang.wechat;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;

/**
 * The WxJava client of the official account. The access token and the jsapi ticket are kept in memory per
 * replica (WxMpDefaultConfigImpl); WxJava refreshes the token itself when WeChat answers 40001/40014/42001.
 */
@Factory
@Requires(property = "wechat.app-id")
class WeChatFactory {

    @Singleton
    WxMpService wxMpService(WeChatConfig config) {
        if (config.secret() == null || config.secret().isBlank()) {
            throw new IllegalStateException("wechat.app-id is set but wechat.secret (WECHAT_SECRET) is not");
        }
        WxMpDefaultConfigImpl storage = new WxMpDefaultConfigImpl();
        storage.setAppId(config.appId());
        storage.setSecret(config.secret());
        storage.setTemplateId(config.templateId());
        if (config.apiHost() != null || config.openHost() != null || config.mpHost() != null) {
            storage.setHostConfig(new WxMpHostConfig(config.apiHost(), config.openHost(), config.mpHost()));
        }
        WxMpServiceImpl service = new WxMpServiceImpl();
        service.setWxMpConfigStorage(storage);
        service.setMaxRetryTimes(2);
        service.setRetrySleepMillis(200);
        return service;
    }
}
