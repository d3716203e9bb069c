package cn.mashang.resident.message;

import cn.mashang.resident.PiiCrypto;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * The mobile number behind a recipient, decrypted only for a channel's delivery: a concern's (while its SMS opt-in
 * is active and the number not purged), a booking's (while its 预约提醒 opt-in is on), or a one-time code
 * request's. Callers never log or store it.
 */
@Singleton
public class ResidentContacts {
    public static final String SMS = "SMS";
    private final JdbcOperations jdbc;
    private final PiiCrypto crypto;

    ResidentContacts(JdbcOperations jdbc, PiiCrypto crypto) {
        this.jdbc = jdbc;
        this.crypto = crypto;
    }

    /** Whether the recipient has a number to reach by SMS. */
    @Transactional(readOnly = true)
    public boolean hasMobile(Recipient r) {
        return encrypted(r).isPresent();
    }

    /** The outbox target of a number channel (SMS, the development inbox): the recipient's reference, if reachable. */
    public Optional<String> target(Recipient r) {
        return hasMobile(r) ? Optional.of(r.ref()) : Optional.empty();
    }

    /** The decrypted number, or empty (no number, opted out, purged). */
    @Transactional(readOnly = true)
    public Optional<String> mobile(Recipient r) {
        return encrypted(r).map(crypto::decrypt);
    }

    private Optional<String> encrypted(Recipient r) {
        String sql = switch (r.kind()) {
            case CONCERN -> """
                    SELECT c.mobile_enc FROM concern c JOIN resident_subscription s ON s.concern_id = c.id
                    WHERE c.id = ? AND s.channel = 'SMS' AND s.active = TRUE AND c.pii_purged_at IS NULL""";
            case BOOKING -> "SELECT mobile_enc FROM reception_booking WHERE id = ? AND notify_sms = TRUE";
            case CODE -> "SELECT mobile_enc FROM resident_otp WHERE id = ?";
        };
        return Optional.ofNullable(jdbc.prepareStatement(sql, ps -> {
            ps.setLong(1, r.id());
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }));
    }
}
