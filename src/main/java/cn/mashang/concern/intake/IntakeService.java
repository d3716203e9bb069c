package cn.mashang.concern.intake;

import cn.mashang.concern.Channel;
import cn.mashang.concern.Concern;
import cn.mashang.concern.ConcernEvent;
import cn.mashang.concern.ConcernEventType;
import cn.mashang.concern.ConcernRepository;
import cn.mashang.concern.ConcernState;
import cn.mashang.concern.photo.ConcernPhoto;
import cn.mashang.concern.photo.ConcernPhotoRepository;
import cn.mashang.resident.PiiCrypto;
import cn.mashang.resident.RateLimits;
import cn.mashang.resident.ResidentTokens;
import cn.mashang.resident.message.ResidentContacts;
import cn.mashang.resident.message.Subscriptions;
import cn.mashang.AppConfig;
import cn.mashang.location.Locations;
import cn.mashang.common.ApiException;
import cn.mashang.common.Times;
import cn.mashang.qr.CodeLookup;
import cn.mashang.qr.ContactCode;
import cn.mashang.station.Station;
import cn.mashang.station.DisplayNames;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.LongConsumer;

/**
 * Resident intake: validates a submission against its code, replays idempotent retries, applies rate limits,
 * folds near-duplicates into the first concern, and creates the concern with its SUBMITTED event.
 */
@Singleton
public class IntakeService {
    static final String CODE_GONE = "此二维码已停用或不存在";
    private final CodeLookup codes;
    private final Categories categories;
    private final DisplayNames stations;
    private final ConcernRepository concerns;
    private final ConcernPhotoRepository photos;
    private final IntakeCore core;
    private final ConcernWriter writer;
    private final PiiCrypto crypto;
    private final ResidentTokens tokens;
    private final RateLimits limits;
    private final IntakeConfig config;
    private final AppConfig app;
    private final Subscriptions subscriptions;
    private final Locations locations;

    IntakeService(CodeLookup codes, Categories categories, DisplayNames stations, ConcernRepository concerns,
                  ConcernPhotoRepository photos, IntakeCore core, ConcernWriter writer, PiiCrypto crypto,
                  ResidentTokens tokens, RateLimits limits, IntakeConfig config, AppConfig app,
                  Subscriptions subscriptions, Locations locations) {
        this.codes = codes;
        this.categories = categories;
        this.stations = stations;
        this.concerns = concerns;
        this.photos = photos;
        this.core = core;
        this.writer = writer;
        this.crypto = crypto;
        this.tokens = tokens;
        this.limits = limits;
        this.config = config;
        this.app = app;
        this.subscriptions = subscriptions;
        this.locations = locations;
    }

    /** A submission's outcome: the answer and whether it created a concern (201) or folded/replayed one. */
    public record Result(SubmitAnswer answer, HttpStatus status, boolean replayed) {
    }

    /** The code, from the replica's lookup cache (a revocation reaches it within qr.revocation-poll), or 404. */
    public ContactCode activeCode(String code) {
        return codes.find(code).filter(ContactCode::active)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "未找到", CODE_GONE));
    }

    public Result submit(ConcernRequest req, String idemKey, Optional<ResidentTokens.Device> device, String address) {
        IntakeCore.requireKey(idemKey);
        ContactCode code = activeCode(req.code());
        if (!categories.forCode(code).contains(req.category())) {
            throw ApiException.badField("category", "请从可选分类中选择");
        }
        rejectControlCharacters("content", req.content());
        rejectControlCharacters("address", req.address());
        rejectControlCharacters("contactName", req.contactName());
        String content = req.content().strip();
        if (content.length() < 5) {
            throw ApiException.badField("content", "内容应为 5 到 2000 字");
        }
        String address0 = blankToNull(req.address());
        String name = blankToNull(req.contactName());
        String mobile = blankToNull(req.mobile());
        if ((name != null || mobile != null) && !Boolean.TRUE.equals(req.consent())) {
            throw ApiException.badField("consent", "留下姓名或手机号时，请先同意个人信息使用说明");
        }
        boolean notify = Boolean.TRUE.equals(req.notifyMe());
        if (notify && mobile == null) {
            throw ApiException.badField("mobile", "选择“有进展时通知我”时，请填写手机号");
        }
        List<String> photoIds = req.photoIds() == null ? List.of() : req.photoIds().stream().distinct().toList();
        if (photoIds.size() > config.maxPhotos()) {
            throw ApiException.badField("photoIds", "最多上传 " + config.maxPhotos() + " 张图片");
        }
        Locations.Checked where = locations.check(code.stationId(), req.location());
        String requestHash = core.fingerprint(req.code(), req.category(), content, Objects.toString(address0, ""),
                Objects.toString(name, ""), Objects.toString(mobile, ""), String.join(",", photoIds),
                String.valueOf(Boolean.TRUE.equals(req.consent())) + (notify ? ",notify" : "")
                        + (where == null ? "" : "," + where.fingerprint()));
        // replays are bound to the sender (security, issue 16): its device when it has a token, else its address
        String sender = device.isPresent() ? "device:" + device.get().id().substring(0, 16) : "addr:" + address;
        BiPredicate<String, SubmitAnswer> sameSender = (scope, a) -> sender.equals(scope) || tokenItGot(a, device);
        Optional<IntakeCore.Once<SubmitAnswer>> earlier = core.earlier(idemKey, requestHash, SubmitAnswer.class, sameSender);
        if (earlier.isPresent()) {
            return result(earlier.get());
        }

        device.ifPresent(d -> limits.take(RateLimits.Kind.SUBMIT_DEVICE, d.id()));
        limits.take(RateLimits.Kind.SUBMIT_ADDRESS, address);

        Instant now = Times.now();
        ResidentTokens.Device dev = device.orElseGet(() -> ResidentTokens.device(tokens.newSubject()));
        String issuedToken = device.isPresent() ? null : tokens.issue(dev.subject(), now);
        checkPhotos(photoIds, dev);
        String mobileHash = crypto.hmac(mobile);
        IdempotencyRecord record = core.record(idemKey, sender, requestHash, now);

        // a device whose token was issued just now, without a mobile number, has no earlier concern to fold into
        Optional<Concern> first = device.isEmpty() && mobileHash == null ? Optional.empty()
                : nearDuplicate(code, dev, mobileHash, content, now);
        return result(core.write(idemKey, requestHash, SubmitAnswer.class, sameSender, 3, () -> {
            if (first.isPresent()) {
                SubmitAnswer a = new SubmitAnswer(first.get().trackingNo(), null, null, true, issuedToken);
                return writer.fold(record, first.get(), a, core::seal, now);
            }
            String key = core.newSecret();
            Station station = stations.station(code.stationId())
                    .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "未找到", CODE_GONE));
            boolean deputy = code.kind() == ContactCode.Kind.DEPUTY;
            Concern concern = core.newConcern(new IntakeCore.NewConcern(station.id(), station.regionId(),
                    deputy ? code.deputyId() : null, deputy ? code.membershipId() : null,
                    deputy ? Channel.DEPUTY_CODE : Channel.STATION_CODE, code.id(), req.category(), content, address0,
                    name, mobile, dev.id()), ResidentTokens.sha256(key), now);
            return writer.create(record, concern, c -> ConcernEvent.resident(c.id(), ConcernEventType.SUBMITTED, null,
                            ConcernState.SUBMITTED, null, c.createdAt()), photoIds,
                    alsoOnCreate(notify, where, station.id(), now),
                    c -> new SubmitAnswer(c.trackingNo(), app.publicBaseUrl() + "/t/" + c.trackingNo() + "#k=" + key,
                            key, false, issuedToken), core::seal);
        }));
    }

    /** In the creating transaction: the progress-message opt-in and the attached place, when given. */
    private LongConsumer alsoOnCreate(boolean notify, Locations.Checked where, long stationId, Instant now) {
        if (!notify && where == null) {
            return null;
        }
        return id -> {
            if (notify) {
                subscriptions.set(id, ResidentContacts.SMS, true);
            }
            if (where != null) {
                locations.save(id, stationId, now, where);
            }
        };
    }

    /** The first answer issued a resident token to the device that sends the replay. */
    private boolean tokenItGot(SubmitAnswer a, Optional<ResidentTokens.Device> device) {
        return device.isPresent() && a.residentToken() != null && tokens.verify(a.residentToken(), Times.now())
                .map(d -> d.id().equals(device.get().id())).orElse(false);
    }

    /** 201 for a new concern, 200 for one folded into an earlier concern; replays answer as the original did. */
    private static Result result(IntakeCore.Once<SubmitAnswer> once) {
        SubmitAnswer a = once.answer();
        return new Result(a, a.folded() ? HttpStatus.OK : HttpStatus.CREATED, once.replayed());
    }

    private void checkPhotos(List<String> photoIds, ResidentTokens.Device dev) {
        if (photoIds.isEmpty()) {
            return;
        }
        List<ConcernPhoto> found = photos.findByUploadTokenIn(photoIds);
        boolean ok = found.size() == photoIds.size() && found.stream().allMatch(p -> p.concernId() == null
                && (p.deviceHash() == null || p.deviceHash().equals(dev.id())));
        if (!ok) {
            throw ApiException.badField("photoIds", "图片不存在或已被使用，请重新上传");
        }
    }

    private Optional<Concern> nearDuplicate(ContactCode code, ResidentTokens.Device dev, String mobileHash,
                                            String content, Instant now) {
        List<Concern> recent = concerns.recentFromSameSender(code.id(), now.minus(config.duplicateWindow()),
                dev.id(), mobileHash == null ? "-" : mobileHash);
        // only the sender's own concerns (security, issue 16): folding into another device's concern found by the
        // mobile number would tell a stranger that a concern with that text and number exists
        return recent.stream().filter(c -> dev.id().equals(c.residentDeviceId()))
                .filter(c -> Similarity.jaccard(c.content(), content) >= config.duplicateSimilarity())
                .findFirst();
    }

    /** Text fields are text: no NUL, escape or other C0/C1 control characters (line breaks and tabs are fine). */
    private static void rejectControlCharacters(String field, String value) {
        if (value != null && value.chars().anyMatch(c -> (c < 0x20 && c != '\n' && c != '\r' && c != '\t')
                || (c >= 0x7f && c <= 0x9f))) {
            throw ApiException.badField(field, "含有不可见的控制字符");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
