package cn.mashang.resident.recovery;

import cn.mashang.common.ApiException;
import cn.mashang.common.Times;
import cn.mashang.resident.PiiCrypto;
import cn.mashang.resident.RateLimits;
import cn.mashang.resident.ResidentTokens;
import cn.mashang.resident.message.Recipient;
import cn.mashang.resident.message.ResidentMessages;
import cn.mashang.resident.message.ResidentNotice;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.nio.charset.StandardCharsets;

/**
 * One-time codes of "找回我的反映": 6 digits by SMS, {@code code-lifetime} (5 minutes), {@code code-tries} (5) wrong
 * tries, used once; requests limited per number and per client address (429). A code is sent whether or not the
 * number has concerns, so the answer tells nothing. Only keyed hashes of number and code are stored (and the
 * number encrypted, to send the code through the outbox).
 */
@Singleton
class OneTimeCodes {
    static final String MOBILE = "1[3-9]\\d{9}";
    private final JdbcOperations jdbc;
    private final PiiCrypto crypto;
    private final RateLimits limits;
    private final ResidentMessages messages;
    private final ResidentTokens tokens;
    private final RecoveryConfig config;
    private final SecureRandom random = new SecureRandom();

    OneTimeCodes(JdbcOperations jdbc, PiiCrypto crypto, RateLimits limits, ResidentMessages messages,
                 ResidentTokens tokens, RecoveryConfig config) {
        this.jdbc = jdbc;
        this.crypto = crypto;
        this.limits = limits;
        this.messages = messages;
        this.tokens = tokens;
        this.config = config;
    }

    /** Sends a code to the number (through the outbox). */
    @Transactional
    public void request(String mobile, String address) {
        String m = valid(mobile);
        limits.take(RateLimits.Kind.CODE_ADDRESS, "code:" + address);
        String hash = crypto.hmac(m);
        limits.take(RateLimits.Kind.CODE_NUMBER, hash);
        String code = String.format("%06d", random.nextInt(1_000_000));
        Instant now = Times.now();
        long id = jdbc.execute(conn -> {
            try (var ps = conn.prepareStatement("""
                INSERT INTO resident_otp (mobile_hash, mobile_enc, code_hash, attempts, expires_at, created_at)
                VALUES (?, ?, ?, 0, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, hash);
            ps.setString(2, crypto.encrypt(m));
            ps.setString(3, crypto.hmac(hash + "|" + code));
            ps.setTimestamp(4, Timestamp.from(now.plus(config.codeLifetime())));
            ps.setTimestamp(5, Timestamp.from(now));
            ps.executeUpdate();
            try (var keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
            }
        });
        messages.send(new Recipient(Recipient.Kind.CODE, id), "recovery.code", ResidentNotice.code(code), "code:" + id, null);
    }

    /** The number's recovery token for the right code of its latest live request; 400 otherwise (the try counts). */
    @Transactional(noRollbackFor = ApiException.class)
    public String verify(String mobile, String code, String address) {
        String m = valid(mobile);
        limits.take(RateLimits.Kind.CODE_ADDRESS, "check:" + address);
        String hash = crypto.hmac(m);
        Instant now = Times.now();
        Object[] row = jdbc.prepareStatement("""
                SELECT id, code_hash FROM resident_otp WHERE mobile_hash = ? AND used_at IS NULL AND expires_at > ?
                  AND attempts < ? ORDER BY id DESC LIMIT 1""", ps -> {
            ps.setString(1, hash);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setInt(3, config.codeTries());
            try (var rs = ps.executeQuery()) {
                return rs.next() ? new Object[]{rs.getLong(1), rs.getString(2)} : null;
            }
        });
        if (row == null || code == null || !code.matches("\\d{6}")
                || update("UPDATE resident_otp SET attempts = attempts + 1 WHERE id = ? AND attempts < " + config.codeTries(), (long) row[0]) == 0
                || !MessageDigest.isEqual(((String) row[1]).getBytes(StandardCharsets.US_ASCII),
                        crypto.hmac(hash + "|" + code).getBytes(StandardCharsets.US_ASCII))) {
            throw ApiException.badField("code", "验证码错误或已过期，请重新获取");
        }
        update("UPDATE resident_otp SET used_at = CURRENT_TIMESTAMP WHERE id = ?", (long) row[0]);
        return tokens.issueForNumber(hash, now);
    }

    private int update(String sql, long id) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setLong(1, id);
            return ps.executeUpdate();
        });
    }

    private static String valid(String mobile) {
        String m = mobile == null ? "" : mobile.strip();
        if (!m.matches(MOBILE)) {
            throw ApiException.badField("mobile", "请填写正确的 11 位手机号");
        }
        return m;
    }
}
