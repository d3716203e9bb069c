package cn.mashang.wechat;

import cn.mashang.AppConfig;
import cn.mashang.common.ApiException;
import cn.mashang.resident.ResidentTokens;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;

import java.util.Set;

/**
 * 网页授权 (snsapi_base): a device asks for the authorize URL (its state bound to the device), WeChat sends the
 * browser back to the page with {@code code} and {@code state}, and the page hands both over with the device's
 * token: the code becomes the openid, and the device is bound to it.
 */
@Singleton
@Requires(property = "wechat.app-id")
class WeChatAuth {
    static final String PURPOSE = "oauth";
    /** 40029 invalid code, 40163 code been used, 41008 missing code. */
    private static final Set<Integer> BAD_CODE = Set.of(40029, 40163, 41008);

    private final WxMpService wx;
    private final WeChatState states;
    private final WeChatIdentities identities;
    private final AppConfig app;

    WeChatAuth(WxMpService wx, WeChatState states, WeChatIdentities identities, AppConfig app) {
        this.wx = wx;
        this.states = states;
        this.identities = identities;
        this.app = app;
    }

    /** The WeChat authorize URL that comes back to {@code returnPath} of our site. */
    String authorizeUrl(ResidentTokens.Device device, String returnPath) {
        String state = states.issue(PURPOSE, device.id(), "");
        return wx.getOAuth2Service().buildAuthorizationUrl(back(app, returnPath), WxConsts.OAuth2Scope.SNSAPI_BASE, state);
    }

    /** Exchanges the code and binds the device; answers the identity. 400 for a foreign/expired state or a bad code. */
    long bind(ResidentTokens.Device device, String code, String state) {
        states.check(state, PURPOSE, device.id(), "");
        if (code == null || !code.matches("[A-Za-z0-9_-]{1,128}")) {
            throw ApiException.badField("code", "微信授权码无效，请重新打开页面");
        }
        String openid;
        try {
            openid = wx.getOAuth2Service().getAccessToken(code).getOpenId();
        } catch (WxErrorException e) {
            if (BAD_CODE.contains(e.getError().getErrorCode())) {
                throw ApiException.badField("code", "微信授权码无效或已使用，请重新打开页面");
            }
            throw unavailable();
        } catch (RuntimeException e) {
            throw unavailable();
        }
        if (openid == null || openid.isBlank()) {
            throw unavailable();
        }
        return identities.bind(device.id(), openid);
    }

    /** Our absolute URL of a page path; only a plain path of this site ("/my", "/t/LL-…"). */
    static String back(AppConfig app, String returnPath) {
        if (returnPath == null || returnPath.length() > 200 || !returnPath.matches("/[A-Za-z0-9/_.~-]*")
                || returnPath.startsWith("//") || returnPath.contains("..")) {
            throw ApiException.badField("returnPath", "只能是本站页面的路径，例如 /my");
        }
        return app.publicBaseUrl() + returnPath;
    }

    static ApiException unavailable() {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "微信暂时不可用", "微信服务暂时不可用，请稍后再试");
    }
}
