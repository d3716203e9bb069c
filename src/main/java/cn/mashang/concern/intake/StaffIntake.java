package cn.mashang.concern.intake;

import cn.mashang.concern.ActorType;
import cn.mashang.concern.Channel;
import cn.mashang.concern.Concern;
import cn.mashang.concern.ConcernEvent;
import cn.mashang.concern.ConcernEventType;
import cn.mashang.concern.ConcernState;
import cn.mashang.resident.ResidentTokens;
import cn.mashang.AppConfig;
import cn.mashang.common.ApiException;
import cn.mashang.common.Times;
import cn.mashang.deputy.Membership;
import cn.mashang.deputy.MembershipRepository;
import cn.mashang.qr.ContactCode;
import cn.mashang.station.Station;
import cn.mashang.station.StationRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Liaison intake (issue 6/8): a concern raised in person on a reception day (channel RECEPTION_DAY, with the
 * session id in the event payload) or by phone (PHONE), entered by a liaison or head of the station. The concern
 * is created SUBMITTED like a resident's, so it lands in the station's queue at once; the timeline's first row
 * names the staff actor. The answer carries the secret tracking link to hand or text to the resident.
 * Idempotent by the Idempotency-Key header (the same table as resident submissions).
 */
@Singleton
public class StaffIntake {
    private final StationRepository stations;
    private final MembershipRepository memberships;
    private final Categories categories;
    private final IntakeCore core;
    private final ConcernWriter writer;
    private final AppConfig app;
    private final ObjectMapper json;

    StaffIntake(StationRepository stations, MembershipRepository memberships, Categories categories, IntakeCore core,
                ConcernWriter writer, AppConfig app, ObjectMapper json) {
        this.stations = stations;
        this.memberships = memberships;
        this.categories = categories;
        this.core = core;
        this.writer = writer;
        this.app = app;
        this.json = json;
    }

    /** What the liaison entered. {@code consent}: the resident agreed (orally) to leave name/mobile. */
    @Serdeable
    public record Request(Channel channel, String category, String content, @Nullable String address,
                          @Nullable String contactName, @Nullable String mobile, @Nullable Boolean consent,
                          @Nullable Long deputyId, @Nullable Long sessionId) {
    }

    /**
     * Who enters it: a staff member (type STAFF, their account id), or an external system (type CLIENT: the
     * registered client's id, which is not a staff account and is not written as one; channel OPEN311).
     */
    public record Actor(long accountId, String role, ActorType type) {
        public Actor(long accountId, String role) {
            this(accountId, role, ActorType.STAFF);
        }
    }

    /** The answer: tracking number, the secret tracking link and its key, and the concern's id. */
    @Serdeable
    public record Answer(String trackingNo, String trackingUrl, String key, long concernId) {
    }

    public record Result(Answer answer, boolean replayed) {
    }

    /**
     * Creates the concern. {@code alsoInTransaction} runs with the new concern id inside the creating
     * transaction (e.g. to link it to a reception session); it is not run for a replay.
     */
    public Result create(long stationId, Request req, String idemKey, Actor actor, @Nullable LongConsumer alsoInTransaction) {
        IntakeCore.requireKey(idemKey);
        boolean client = actor.type() == ActorType.CLIENT;
        if (client ? req.channel() != Channel.OPEN311
                : req.channel() != Channel.PHONE && req.channel() != Channel.RECEPTION_DAY && req.channel() != Channel.VISIT) {
            throw ApiException.badField("channel", "来源应为 PHONE（电话）、RECEPTION_DAY（接待日当面反映）或 VISIT（代表走访）");
        }
        Station station = stations.findById(stationId).filter(Station::active)
                .orElseThrow(() -> ApiException.notFound("联络站"));
        ContactCode stationScope = new ContactCode(null, "", ContactCode.Kind.STATION, stationId, null, null, null, true,
                Times.now(), null);
        if (req.category() == null || !categories.forCode(stationScope).contains(req.category())) {
            throw ApiException.badField("category", "请从可选分类中选择");
        }
        String content = req.content() == null ? "" : req.content().strip();
        int maxContent = client ? 4000 : 2000; // Open311 GeoReport v2 allows descriptions of 4,000 characters
        if (content.length() < 5 || content.length() > maxContent) {
            throw ApiException.badField("content", "内容应为 5 到 " + maxContent + " 字");
        }
        String name = blank(req.contactName());
        String mobile = blank(req.mobile());
        if (mobile != null && !mobile.matches("1[3-9]\\d{9}")) {
            throw ApiException.badField("mobile", "请填写正确的 11 位手机号");
        }
        if ((name != null || mobile != null) && !Boolean.TRUE.equals(req.consent())) {
            throw ApiException.badField("consent", "留下群众姓名或手机号前，请征得其同意并勾选");
        }
        Membership membership = null;
        if (req.deputyId() != null) {
            membership = memberships.findByStationIdAndDeputyId(stationId, req.deputyId()).filter(Membership::active)
                    .orElseThrow(() -> ApiException.badField("deputyId", "所选代表不是本站驻站代表"));
        }
        String address = blank(req.address());
        String requestHash = core.fingerprint("staff", String.valueOf(stationId), req.channel().name(), req.category(),
                content, Objects.toString(address, ""), Objects.toString(name, ""), Objects.toString(mobile, ""),
                Objects.toString(req.deputyId(), ""), Objects.toString(req.sessionId(), ""),
                String.valueOf(actor.accountId()));
        Optional<IntakeCore.Once<Answer>> earlier = core.earlier(idemKey, requestHash, Answer.class);
        if (earlier.isPresent()) {
            return new Result(earlier.get().answer(), true);
        }
        var now = Times.now();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("channel", req.channel().name());
        if (req.sessionId() != null) {
            payload.put("receptionSessionId", req.sessionId());
        }
        String body = switch (req.channel()) {
            case PHONE -> "联络员电话受理";
            case OPEN311 -> "经 Open311 接口由外部系统提交";
            case VISIT -> "代表走访时群众当面反映，代表代为登记";
            default -> "接待日当面反映，联络员代为登记";
        };
        String scope = (client ? "client:" : "staff:") + actor.accountId();
        IdempotencyRecord record = core.record(idemKey, scope, requestHash, now);
        Membership m = membership;
        IntakeCore.Once<Answer> once = core.write(idemKey, requestHash, Answer.class, 1, () -> {
            String key = core.newSecret();
            Concern concern = core.newConcern(new IntakeCore.NewConcern(stationId, station.regionId(),
                    m == null ? null : m.deputyId(), m == null ? null : m.id(), req.channel(), null, req.category(),
                    content, address, name, mobile, null), ResidentTokens.sha256(key), now);
            return writer.create(record, concern, c -> new ConcernEvent(null, c.id(), ConcernEventType.SUBMITTED,
                            actor.type(), actor.type() == ActorType.STAFF ? actor.accountId() : null, actor.role(),
                            null, ConcernState.SUBMITTED, body,
                            write(payload), true, c.createdAt()), List.of(), alsoInTransaction,
                    c -> new Answer(c.trackingNo(), app.publicBaseUrl() + "/t/" + c.trackingNo() + "#k=" + key, key,
                            c.id()), core::seal);
        });
        return new Result(once.answer(), once.replayed());
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
