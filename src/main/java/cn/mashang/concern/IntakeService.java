package cn.mashang.concern;

import cn.mashang.AppConfig;
import cn.mashang.common.ApiException;
import cn.mashang.common.Times;
import cn.mashang.qr.CodeLookup;
import cn.mashang.qr.ContactCode;
import cn.mashang.station.Station;
import cn.mashang.station.StationRepository;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Resident intake: validates a submission against its code, replays idempotent retries, applies rate limits,
 * folds near-duplicates into the first concern, and creates the concern with its SUBMITTED event.
 */
@Singleton
public class IntakeService {
    static final String CODE_GONE = "此二维码已停用或不存在";
    private final CodeLookup codes;
    private final Categories categories;
    private final StationRepository stations;
    private final ConcernRepository concerns;
    private final ConcernPhotoRepository photos;
    private final IdempotencyRepository idempotency;
    private final ConcernWriter writer;
    private final TrackingNumbers trackingNumbers;
    private final PiiCrypto crypto;
    private final ResidentTokens tokens;
    private final RateLimits limits;
    private final IntakeConfig config;
    private final AppConfig app;
    private final ObjectMapper json;
    private final SecureRandom random = new SecureRandom();

    IntakeService(CodeLookup codes, Categories categories, StationRepository stations, ConcernRepository concerns,
                  ConcernPhotoRepository photos, IdempotencyRepository idempotency, ConcernWriter writer,
                  TrackingNumbers trackingNumbers, PiiCrypto crypto, ResidentTokens tokens, RateLimits limits,
                  IntakeConfig config, AppConfig app, ObjectMapper json) {
        this.codes = codes;
        this.categories = categories;
        this.stations = stations;
        this.concerns = concerns;
        this.photos = photos;
        this.idempotency = idempotency;
        this.writer = writer;
        this.trackingNumbers = trackingNumbers;
        this.crypto = crypto;
        this.tokens = tokens;
        this.limits = limits;
        this.config = config;
        this.app = app;
        this.json = json;
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
        if (idemKey == null || !idemKey.matches("[A-Za-z0-9_-]{8,80}")) {
            throw ApiException.badField("Idempotency-Key", "请求头 Idempotency-Key 缺失或格式不正确（8 到 80 位字母数字）");
        }
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
        List<String> photoIds = req.photoIds() == null ? List.of() : req.photoIds().stream().distinct().toList();
        if (photoIds.size() > config.maxPhotos()) {
            throw ApiException.badField("photoIds", "最多上传 " + config.maxPhotos() + " 张图片");
        }
        String requestHash = crypto.hmac(String.join("\u0001", req.code(), req.category(), content,
                Objects.toString(address0, ""), Objects.toString(name, ""), Objects.toString(mobile, ""),
                String.join(",", photoIds), String.valueOf(Boolean.TRUE.equals(req.consent()))));

        // replays are bound to the sender (security, issue 16): its device when it has a token, else its address
        String sender = device.isPresent() ? "device:" + device.get().id().substring(0, 16) : "addr:" + address;
        Optional<IdempotencyRecord> earlier = idempotency.findByIdemKey(idemKey);
        if (earlier.isPresent()) {
            return replay(earlier.get(), requestHash, sender, device);
        }

        device.ifPresent(d -> limits.take(RateLimits.Kind.SUBMIT_DEVICE, d.id()));
        limits.take(RateLimits.Kind.SUBMIT_ADDRESS, address);

        Instant now = Times.now();
        String newToken = null;
        ResidentTokens.Device dev;
        if (device.isPresent()) {
            dev = device.get();
        } else {
            dev = ResidentTokens.device(tokens.newSubject());
            newToken = tokens.issue(dev.subject(), now);
        }
        checkPhotos(photoIds, dev);
        String mobileHash = crypto.hmac(mobile);
        IdempotencyRecord record = new IdempotencyRecord(null, idemKey, sender, requestHash, null, null, now);

        // a device whose token was issued just now, without a mobile number, has no earlier concern to fold into
        Optional<Concern> first = device.isEmpty() && mobileHash == null ? Optional.empty()
                : nearDuplicate(code, dev, mobileHash, content, now);
        String issuedToken = newToken;
        for (int attempt = 0; ; attempt++) {
            try {
                if (first.isPresent()) {
                    SubmitAnswer a = new SubmitAnswer(first.get().trackingNo(), null, null, true, issuedToken);
                    return new Result(writer.fold(record, first.get(), a, this::seal, now), HttpStatus.OK, false);
                }
                String key = newSecret();
                Concern concern = newConcern(code, ResidentTokens.sha256(key), req.category(), content, address0,
                        name, mobile, mobileHash, dev.id(), now);
                SubmitAnswer a = writer.create(record, concern, photoIds, this::seal, c -> new SubmitAnswer(
                        c.trackingNo(), app.publicBaseUrl() + "/t/" + c.trackingNo() + "#k=" + key, key, false,
                        issuedToken));
                return new Result(a, HttpStatus.CREATED, false);
            } catch (ApiException e) {
                throw e;
            } catch (RuntimeException e) {
                Optional<IdempotencyRecord> winner = idempotency.findByIdemKey(idemKey);
                if (winner.isPresent()) {
                    return replay(winner.get(), requestHash, sender, device);
                }
                if (attempt >= 2) {
                    throw e;
                }
            }
        }
    }

    /**
     * The original answer, to its own sender only: the same device (or the device the first answer issued a token
     * to), or — when the first submission came without a token — the same address. Anyone else gets the answer a
     * different body gets, so a replayed key and body reveal nothing.
     */
    private Result replay(IdempotencyRecord record, String requestHash, String sender,
                          Optional<ResidentTokens.Device> device) {
        ApiException reused = new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "请求无法处理",
                "此 Idempotency-Key 已用于另一份内容，请勿重复使用");
        if (!record.requestHash().equals(requestHash)) {
            throw reused;
        }
        if (record.response() == null) {
            throw new ApiException(HttpStatus.CONFLICT, "操作冲突", "相同的提交正在处理，请稍后重试",
                    java.util.Map.of("retryAfterSeconds", 1));
        }
        try {
            SubmitAnswer a = json.readValue(crypto.decrypt(record.response()), SubmitAnswer.class);
            boolean tokenItGot = device.isPresent() && a.residentToken() != null && tokens.verify(a.residentToken(),
                    Times.now()).map(d -> d.id().equals(device.get().id())).orElse(false);
            if (!sender.equals(record.scope()) && !tokenItGot) {
                throw reused;
            }
            return new Result(a, a.folded() ? HttpStatus.OK : HttpStatus.CREATED, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String seal(SubmitAnswer answer) {
        try {
            return crypto.encrypt(json.writeValueAsString(answer));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /** A new SUBMITTED concern routed by its code. */
    private Concern newConcern(ContactCode code, String keyHash, String category, String content, String address, String name,
                               String mobile, String mobileHash, String deviceId, Instant now) {
        Station station = stations.findById(code.stationId())
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "未找到", CODE_GONE));
        boolean deputy = code.kind() == ContactCode.Kind.DEPUTY;
        return new Concern(null, trackingNumbers.next(now), keyHash, station.id(), deputy ? code.deputyId() : null,
                deputy ? code.membershipId() : null, station.regionId(),
                deputy ? Channel.DEPUTY_CODE : Channel.STATION_CODE, code.id(), category, content, address, name,
                crypto.encrypt(mobile), PiiCrypto.mask(mobile), mobileHash,
                name != null || mobile != null ? now : null, deviceId, ConcernState.SUBMITTED,
                null, null, null, null, null, null, null, null, 0, 0, null, null, null, null, now, now, null);
    }

    private String newSecret() {
        byte[] k = new byte[18];
        random.nextBytes(k);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(k);
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
