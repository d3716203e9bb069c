package cn.mashang.concern.intake;

import cn.mashang.concern.Channel;
import cn.mashang.concern.Concern;
import cn.mashang.concern.ConcernState;
import cn.mashang.concern.Deadlines;
import cn.mashang.resident.PiiCrypto;
import cn.mashang.common.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

/**
 * What resident intake ({@link IntakeService}) and staff intake ({@link StaffIntake}) share: the Idempotency-Key
 * (checked, fingerprinted with the body, replayed, the answer sealed encrypted), the one factory of a new concern
 * ({@link #newConcern}: tracking number, secret key hash, encrypted contact data, deadlines) and the retry that
 * answers the winner's answer when a concurrent duplicate won the unique key.
 */
@Singleton
public class IntakeCore {
    private final IdempotencyRepository idempotency;
    private final TrackingNumbers trackingNumbers;
    private final PiiCrypto crypto;
    private final Deadlines deadlines;
    private final ObjectMapper json;
    private final SecureRandom random = new SecureRandom();

    IntakeCore(IdempotencyRepository idempotency, TrackingNumbers trackingNumbers, PiiCrypto crypto, Deadlines deadlines,
               ObjectMapper json) {
        this.idempotency = idempotency;
        this.trackingNumbers = trackingNumbers;
        this.crypto = crypto;
        this.deadlines = deadlines;
        this.json = json;
    }

    /** An answer and whether it is the replay of an earlier request with the same key. */
    record Once<A>(A answer, boolean replayed) {
    }

    /** Where a new concern goes and what it says; every life-cycle column starts empty. */
    record NewConcern(long stationId, long regionId, @Nullable Long deputyId, @Nullable Long membershipId,
                      Channel channel, @Nullable Long codeId, String category, String content, @Nullable String address,
                      @Nullable String contactName, @Nullable String mobile, @Nullable String residentDeviceId) {
    }

    public static void requireKey(@Nullable String idemKey) {
        if (idemKey == null || !idemKey.matches("[A-Za-z0-9_-]{8,80}")) {
            throw ApiException.badField("Idempotency-Key", "请求头 Idempotency-Key 缺失或格式不正确（8 到 80 位字母数字）");
        }
    }

    /** The keyed fingerprint of a request body (its fields in order). */
    String fingerprint(String... fields) {
        return crypto.hmac(String.join("\u0001", fields));
    }

    /** The earlier answer to this key, when there is one (same body: replayed; another body: 422; unfinished: 409). */
    <A> Optional<Once<A>> earlier(String idemKey, String requestHash, Class<A> type) {
        return earlier(idemKey, requestHash, type, (scope, answer) -> true);
    }

    /**
     * Like {@link #earlier(String, String, Class)}, but the answer is replayed only when {@code sameSender} accepts
     * the first request's scope and answer; anyone else gets the 422 a different body gets, so a replayed key and
     * body reveal nothing (security, issue 16).
     */
    <A> Optional<Once<A>> earlier(String idemKey, String requestHash, Class<A> type, BiPredicate<String, A> sameSender) {
        return idempotency.findByIdemKey(idemKey).map(r -> {
            A answer = replay(r, requestHash, type);
            if (!sameSender.test(r.scope(), answer)) {
                throw reused();
            }
            return new Once<>(answer, true);
        });
    }

    /**
     * Runs {@code write} (one transaction that inserts the idempotency row first) up to {@code attempts} times; when
     * it fails because a concurrent request with the same key won, answers the winner's answer instead.
     */
    <A> Once<A> write(String idemKey, String requestHash, Class<A> type, int attempts, Supplier<A> write) {
        return write(idemKey, requestHash, type, (scope, answer) -> true, attempts, write);
    }

    /** {@link #write(String, String, Class, int, Supplier)} whose replay of a winner is bound like {@link #earlier}. */
    <A> Once<A> write(String idemKey, String requestHash, Class<A> type, BiPredicate<String, A> sameSender, int attempts,
                      Supplier<A> write) {
        for (int attempt = 1; ; attempt++) {
            try {
                return new Once<>(write.get(), false);
            } catch (ApiException e) {
                throw e;
            } catch (RuntimeException e) {
                Optional<Once<A>> winner = earlier(idemKey, requestHash, type, sameSender);
                if (winner.isPresent()) {
                    return winner.get();
                }
                if (attempt >= attempts) {
                    throw e;
                }
            }
        }
    }

    IdempotencyRecord record(String idemKey, String scope, String requestHash, Instant now) {
        return new IdempotencyRecord(null, idemKey, scope, requestHash, null, null, now);
    }

    /** The one factory of a new SUBMITTED concern; {@code keyHash} is the hash of its secret tracking key. */
    Concern newConcern(NewConcern n, String keyHash, Instant now) {
        boolean contact = n.contactName() != null || n.mobile() != null;
        Deadlines.AtIntake due = deadlines.atIntake(n.regionId(), n.category(), now);
        return new Concern(null, trackingNumbers.next(now), keyHash, n.stationId(), n.deputyId(), n.membershipId(),
                n.regionId(), n.channel(), n.codeId(), n.category(), n.content(), n.address(), n.contactName(),
                crypto.encrypt(n.mobile()), PiiCrypto.mask(n.mobile()), crypto.hmac(n.mobile()), contact ? now : null,
                n.residentDeviceId(), ConcernState.SUBMITTED, null, null, null, null, null, null, null, null,
                0, 0, null, null, null, due.firstResponse(), due.resolution(), null, null, null, null, now, now, null);
    }

    /** A new secret for a tracking link (144 bits, URL-safe). */
    String newSecret() {
        byte[] k = new byte[18];
        random.nextBytes(k);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(k);
    }

    private static ApiException reused() {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "请求无法处理", "此 Idempotency-Key 已用于另一份内容，请勿重复使用");
    }

    String seal(Object answer) {
        try {
            return crypto.encrypt(json.writeValueAsString(answer));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <A> A replay(IdempotencyRecord record, String requestHash, Class<A> type) {
        if (!record.requestHash().equals(requestHash)) {
            throw reused();
        }
        if (record.response() == null) {
            throw new ApiException(HttpStatus.CONFLICT, "操作冲突", "相同的提交正在处理，请稍后重试",
                    Map.of("retryAfterSeconds", 1));
        }
        try {
            return json.readValue(crypto.decrypt(record.response()), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
