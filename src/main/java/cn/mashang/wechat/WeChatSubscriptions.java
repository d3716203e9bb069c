package cn.mashang.wechat;

import cn.mashang.AppConfig;
import cn.mashang.common.ApiException;
import cn.mashang.common.Times;
import cn.mashang.concern.Concern;
import cn.mashang.resident.ResidentTokens;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import me.chanjar.weixin.mp.api.WxMpService;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.Optional;

/**
 * 一次性订阅消息: the resident confirms on WeChat's page (mp host, {@code action=get_confirm}); WeChat comes back to
 * our page with openid, template_id, action, scene and reserved, and the page records the consent here with its
 * token. One consent allows one message about its concern ({@link WeChatResidentChannel} spends it).
 */
@Singleton
@Requires(property = "wechat.app-id")
class WeChatSubscriptions {
    static final String PURPOSE = "subscribe";
    static final int SCENE = 1000;
    /** Unspent consents kept per concern and WeChat; more confirmations add nothing. */
    static final int MAX_OPEN = 10;

    private final WxMpService wx;
    private final WeChatState states;
    private final WeChatIdentities identities;
    private final WeChatConfig config;
    private final AppConfig app;
    private final JdbcOperations jdbc;

    WeChatSubscriptions(WxMpService wx, WeChatState states, WeChatIdentities identities, WeChatConfig config,
                        AppConfig app, JdbcOperations jdbc) {
        this.wx = wx;
        this.states = states;
        this.identities = identities;
        this.config = config;
        this.app = app;
        this.jdbc = jdbc;
    }

    /** A consent that may be spent on one message. */
    record Consent(long id, long identityId, int scene) {
    }

    /** Whether subscription messages are configured (a template id). */
    boolean available() {
        return config.templateId() != null && !config.templateId().isBlank();
    }

    String authorizeUrl(ResidentTokens.Device device, Concern concern, String returnPath) {
        if (!available()) {
            throw ApiException.conflict("本站尚未开通微信订阅消息");
        }
        identity(device);
        String reserved = states.issue(PURPOSE, device.id(), String.valueOf(concern.id()));
        return wx.getSubscribeMsgService().subscribeMsgAuthorizationUrl(WeChatAuth.back(app, returnPath), SCENE, reserved);
    }

    /** Records a confirmed consent; answers the unspent consents of the concern. 400 for a foreign reserved/openid. */
    @Transactional
    int confirm(ResidentTokens.Device device, Concern concern, String openid, String templateId, String action,
                int scene, String reserved) {
        states.check(reserved, PURPOSE, device.id(), String.valueOf(concern.id()));
        long identity = identity(device);
        if (openid == null || openid.length() > 64 || identities.byHash(identities.hash(openid)).filter(i -> i == identity).isEmpty()) {
            throw ApiException.badField("openid", "订阅不属于此手机登录的微信");
        }
        if (templateId == null || !templateId.equals(config.templateId())) {
            throw ApiException.badField("templateId", "订阅的消息模板不是本站的");
        }
        if ("confirm".equals(action) && open(concern.id(), identity) < MAX_OPEN) {
            Timestamp now = Timestamp.from(Times.now());
            jdbc.prepareStatement("INSERT INTO wechat_subscription (concern_id, identity_id, scene, created_at) VALUES (?, ?, ?, ?)", ps -> {
                ps.setLong(1, concern.id());
                ps.setLong(2, identity);
                ps.setInt(3, scene);
                ps.setTimestamp(4, now);
                return ps.executeUpdate();
            });
        } else if (!"confirm".equals(action) && !"cancel".equals(action)) {
            throw ApiException.badField("action", "只能是 confirm 或 cancel");
        }
        return open(concern.id(), null);
    }

    /** Unspent consents of a concern (of one WeChat, or of all when identity is null). */
    @Transactional(readOnly = true)
    int open(long concernId, Long identity) {
        return jdbc.prepareStatement("SELECT COUNT(*) FROM wechat_subscription WHERE concern_id = ? AND used_at IS NULL"
                + (identity == null ? "" : " AND identity_id = ?"), ps -> {
            ps.setLong(1, concernId);
            if (identity != null) {
                ps.setLong(2, identity);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /** Takes the oldest unspent consent (conditional update: one sender wins it). */
    @Transactional
    Optional<Consent> claim(long concernId) {
        for (int tries = 0; tries < 3; tries++) {
            Optional<Consent> next = jdbc.prepareStatement("""
                    SELECT id, identity_id, scene FROM wechat_subscription WHERE concern_id = ? AND used_at IS NULL
                    ORDER BY id LIMIT 1""", ps -> {
                ps.setLong(1, concernId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Consent(rs.getLong(1), rs.getLong(2), rs.getInt(3))) : Optional.<Consent>empty();
                }
            });
            if (next.isEmpty()) {
                return next;
            }
            if (spend(next.get().id(), Timestamp.from(Times.now())) == 1) {
                return next;
            }
        }
        return Optional.empty();
    }

    /** Gives a consent back after a transient failure (the retry may spend it). */
    @Transactional
    void release(long consentId) {
        spend(consentId, null);
    }

    private int spend(long id, Timestamp at) {
        return jdbc.prepareStatement("UPDATE wechat_subscription SET used_at = ? WHERE id = ? AND used_at IS "
                + (at == null ? "NOT NULL" : "NULL"), ps -> {
            ps.setTimestamp(1, at);
            ps.setLong(2, id);
            return ps.executeUpdate();
        });
    }

    private long identity(ResidentTokens.Device device) {
        return identities.identityOf(device.id())
                .orElseThrow(() -> ApiException.conflict("请先在微信中打开本页，完成微信授权"));
    }
}
