package cn.mashang.wechat;

import cn.mashang.AppConfig;
import cn.mashang.concern.Concern;
import cn.mashang.concern.ConcernRepository;
import cn.mashang.notify.Channel;
import cn.mashang.notify.DeliveryException;
import cn.mashang.notify.NotificationMessage;
import cn.mashang.resident.message.Recipient;
import cn.mashang.resident.message.ResidentChannel;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.subscribe.WxMpSubscribeMessage;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The outbox channel {@link Channel#WECHAT}: a 一次性订阅消息 to the WeChat that subscribed to a concern. The
 * target is {@code concern:<id>} (never an openid: the outbox row and its log lines name no person); each send
 * spends one consent. The message carries the tracking number and the new state (no content, no names) and opens
 * the tracking page. 45009 (quota) and other transient answers are retried by the outbox; 43101 (the resident
 * refused or has not subscribed) and an unknown openid are not.
 *
 * <p>Rows are queued by {@code resident.message.ResidentMessages} only (one path for every channel): it asks
 * {@link #target(Recipient)}, which answers a target while the concern has an unspent consent.
 */
@Singleton
@Requires(property = "wechat.app-id")
public class WeChatResidentChannel implements ResidentChannel {
    /** 43101 user refused / not subscribed, 40003 invalid openid, 40037 invalid template id, 47003 bad argument. */
    private static final Set<Integer> PERMANENT = Set.of(43101, 40003, 40037, 47003);
    /** What the resident reads: the tracking number and the new state, nothing of the content (title ≤ 15). */
    static final String TITLE = "反映有新进展";
    static final int CONTENT_MAX = 200;

    private final WxMpService wx;
    private final WeChatSubscriptions subscriptions;
    private final WeChatIdentities identities;
    private final ConcernRepository concerns;
    private final AppConfig app;

    WeChatResidentChannel(WxMpService wx, WeChatSubscriptions subscriptions, WeChatIdentities identities,
                          ConcernRepository concerns, AppConfig app) {
        this.wx = wx;
        this.subscriptions = subscriptions;
        this.identities = identities;
        this.concerns = concerns;
        this.app = app;
    }

    @Override
    public Channel channel() {
        return Channel.WECHAT;
    }

    /** Every resident event of a concern reaches WeChat when its resident subscribed (ResidentMessages asks). */
    @Override
    public Optional<String> target(Recipient recipient) {
        return recipient.kind() == Recipient.Kind.CONCERN && subscribed(recipient.id())
                ? Optional.of(recipient.ref()) : Optional.empty();
    }

    /** Whether a resident subscribed to this concern and has a message left. */
    public boolean subscribed(long concernId) {
        return subscriptions.open(concernId, null) > 0;
    }

    @Override
    public void send(String target, NotificationMessage message) throws DeliveryException {
        if (target == null || !target.matches("concern:\\d{1,18}")) {
            throw new DeliveryException("微信消息的目标不是反映", true);
        }
        Concern concern = concerns.findById(Long.parseLong(target.substring(8)))
                .orElseThrow(() -> new DeliveryException("反映不存在", true));
        var consent = subscriptions.claim(concern.id())
                .orElseThrow(() -> new DeliveryException("居民没有可用的微信订阅", true));
        Map<String, String> params = message.params() == null ? Map.of() : message.params();
        String state = params.get("state");
        String link = params.get("link");
        WxMpSubscribeMessage out = WxMpSubscribeMessage.builder()
                .toUser(identities.openid(consent.identityId()))
                .url(link != null && link.startsWith(app.publicBaseUrl() + "/") ? link
                        : app.publicBaseUrl() + "/t/" + concern.trackingNo())
                .scene(String.valueOf(consent.scene()))
                .title(TITLE)
                .contentValue(cut(state == null ? plain(message.markdown())
                        : "编号 " + concern.trackingNo() + " 的反映" + state + "，点击查看详情", CONTENT_MAX))
                .build();
        try {
            wx.getSubscribeMsgService().sendOnce(out);
        } catch (WxErrorException e) {
            int code = e.getError().getErrorCode();
            boolean permanent = PERMANENT.contains(code);
            if (!permanent) {
                subscriptions.release(consent.id());
            }
            throw new DeliveryException("微信 errcode " + code + (code == 43101 ? "：居民拒收或未订阅" : code == 45009
                    ? "：接口调用超过限额" : ""), permanent);
        } catch (RuntimeException e) {
            subscriptions.release(consent.id());
            throw new DeliveryException("微信不可用：" + e.getClass().getSimpleName(), false);
        }
    }

    private static String plain(@Nullable String markdown) {
        return markdown == null ? "" : markdown.replaceAll("[*#`>_\\[\\]]", "").strip();
    }

    private static String cut(String s, int max) {
        return s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
    }
}
