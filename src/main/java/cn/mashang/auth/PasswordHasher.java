package cn.mashang.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import cn.mashang.common.ApiException;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;

/**
 * bcrypt via at.favre.lib; a dummy hash is checked for unknown logins so timing does not reveal accounts. The dummy
 * is made on first use, not at startup (one bcrypt at cost 12 was 16% of the main thread's samples of a start).
 */
@Singleton
public class PasswordHasher {
    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 64;
    private final int cost;
    private volatile String dummyHash;

    PasswordHasher(AuthConfig config) {
        this.cost = config.bcryptCost();
    }

    public String hash(String password) {
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    public boolean matches(String password, String hash) {
        if (password == null || hash == null || password.length() > MAX_LENGTH) {
            return false;
        }
        return BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8),
                hash.getBytes(StandardCharsets.UTF_8)).verified;
    }

    /** Spends the same time as a real check; always false. */
    public boolean matchesNothing(String password) {
        matches(password == null ? "" : password, dummy());
        return false;
    }

    private String dummy() {
        String d = dummyHash;
        if (d == null) {
            d = hash("dummy-password-for-timing");
            dummyHash = d;
        }
        return d;
    }

    /** 8–64 characters with at least a letter and a digit. */
    public static void requireStrong(String field, String password) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            throw ApiException.badField(field, "密码长度应为 " + MIN_LENGTH + "–" + MAX_LENGTH + " 位");
        }
        if (password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
            throw ApiException.badField(field, "密码须同时包含字母和数字");
        }
    }
}
