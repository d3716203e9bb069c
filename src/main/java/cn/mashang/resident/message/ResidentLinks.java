package cn.mashang.resident.message;

import cn.mashang.AppConfig;
import cn.mashang.common.Times;
import cn.mashang.resident.ResidentTokens;
import jakarta.inject.Singleton;

/**
 * Links put into residents' messages: a concern's tracking page with a link key that opens it on any phone
 * ({@link ResidentTokens#linkKey}, in the fragment, which never reaches a server log), a booking's session page.
 */
@Singleton
public class ResidentLinks {
    private final AppConfig app;
    private final ResidentTokens tokens;

    ResidentLinks(AppConfig app, ResidentTokens tokens) {
        this.app = app;
        this.tokens = tokens;
    }

    public String concern(String trackingNo) {
        return app.publicBaseUrl() + "/t/" + trackingNo + "#k=" + tokens.linkKey(trackingNo, Times.now());
    }

    public String session(long sessionId) {
        return app.publicBaseUrl() + "/r/" + sessionId;
    }
}
