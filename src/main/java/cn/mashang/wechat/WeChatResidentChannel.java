package cn.mashang.wechat;

import cn.mashang.AppConfig;
import cn.mashang.concern.Concern;
import cn.mashang.concern.ConcernRepository;
import cn.mashang.notify.Channel;
import cn.mashang.notify.DeliveryException;
import cn.mashang.notify.NotificationChannel;
import cn.mashang.resident.message.Recipient;
import cn.mashang.resident.message.ResidentChannel;
import cn.mashang.notify.NotificationMessage;
import cn.mashang.notify.Outbox;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.subscribe.WxMpSubscribeMessage;

import java.util.Set;

/**
 * The outbox channel {@link Channel#WECHAT}: a 一次性订阅消息 to the WeChat that subscribed to a concern. The
 * target is {@code concern:<id>} (never an openid: the outbox row and its log lines name no person); each send
 * spends one consent. The message carries the tracking number and the new state (no content, no names) and opens
 * the tracking page. 45009 (quota) and other transient answers are retried by the outbox; 43101 (the resident
 * refused or has not subscribed) and an unknown openid are not.
 *
 * <p>Entry point for resident events: {@link #enqueue} in the event's transaction.
 */
@Singleton
@Requires(property = "wechat.app-id")
public class WeChatResidentChannel implements ResidentChannel {
    /** 43101 user refused / not subscribed, 40003 invalid openid, 40037 invalid template id, 47003 bad argument. */
    private static final Set<Integer> PERMANENT = Set.of(43101, 40003, 40037, 47003);
    static final int TITLE_MAX = 15;
    static final int CONTENT_MAX = 200;

    private final WxMpService wx;
    private final WeChatSubscriptions subscriptions;
    private final WeChatIdentities identities;
    private final ConcernRepository concerns;
    private final Outbox outbox;
    private final AppConfig app;

    WeChatResidentChannel(WxMpService wx, WeChatSubscriptions subscriptions, WeChatIdentities identities,
                          ConcernRepository concerns, Outbox outbox, AppConfig app) {
        this.wx = wx;
        this.subscriptions = subscriptions;
        this.identities = identities;
        this.concerns = concerns;
        this.outbox = outbox;
        this.app = app;
    }

    @Override
    public Channel channel() {
        return Channel.WECHAT;
    }

    /** Every resident event of a concern reaches WeChat when its resident subscribed (ResidentMessages asks). */
    @Override
    public java.util.Optional<String> target(Recipient recipient) {
        return recipient.kind() == Recipient.Kind.CONCERN && subscribed(recipient.id())
                ? java.util.Optional.of(target(recipient.id())) : java.util.Optional.empty();
    }

    public static String target(long concernId) {
        return "concern:" + concernId;
    }

    /** What the resident reads: the tracking number and the new state, nothing of the content. */
    public static NotificationMessage message(String trackingNo, String stateLabel) {
        return new NotificationMessage("反映有新进展", "编号 " + trackingNo + " 的反映" + stateLabel + "，点击查看详情");
    }

    /** Whether a resident subscribed to this concern and has a message left. */
    public boolean subscribed(long concernId) {
        return subscriptions.open(concernId, null) > 0;
    }

    /**
     * Queues the message of an event (joins the caller's transaction) when the concern has a subscription.
     *
     * @param stateLabel the new state as residents read it (ConcernState label, e.g. 已答复)
     * @return true when a row was written
     */
    public boolean enqueue(Concern concern, String stateLabel, String kind, @Nullable String dedupeKey) {
        if (!subscribed(concern.id())) {
            return false;
        }
        return outbox.enqueue(Channel.WECHAT, target(concern.id()), kind, message(concern.trackingNo(), stateLabel),
                dedupeKey, concern.stationId());
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
        WxMpSubscribeMessage out = WxMpSubscribeMessage.builder()
                .toUser(identities.openid(consent.identityId()))
                .url(app.publicBaseUrl() + "/t/" + concern.trackingNo())
                .scene(String.valueOf(consent.scene()))
                .title(cut(message.title(), TITLE_MAX))
                .contentValue(cut(plain(message.markdown()), CONTENT_MAX))
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
