package cn.mashang.wechat;

import cn.mashang.common.Times;
import cn.mashang.resident.DeviceLinks;
import cn.mashang.resident.PiiCrypto;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Openids as identifiers: stored encrypted with their keyed hash ({@link PiiCrypto}), found by the hash only.
 * A device bound to an openid sees the concerns of every device bound to it ({@link DeviceLinks}).
 */
@Singleton
@Requires(property = "wechat.app-id")
class WeChatIdentities implements DeviceLinks {
    private final JdbcOperations jdbc;
    private final PiiCrypto crypto;

    WeChatIdentities(JdbcOperations jdbc, PiiCrypto crypto) {
        this.jdbc = jdbc;
        this.crypto = crypto;
    }

    String hash(String openid) {
        return crypto.hmac("wechat-openid|" + openid);
    }

    /** Binds the device to the openid (a device belongs to one WeChat: the latest sign-in wins). */
    @Transactional
    long bind(String deviceId, String openid) {
        String hash = hash(openid);
        Timestamp now = Timestamp.from(Times.now());
        jdbc.prepareStatement("INSERT IGNORE INTO wechat_identity (openid_hash, openid_enc, created_at) VALUES (?, ?, ?)", ps -> {
            ps.setString(1, hash);
            ps.setString(2, crypto.encrypt(openid));
            ps.setTimestamp(3, now);
            return ps.executeUpdate();
        });
        long identity = byHash(hash).orElseThrow();
        int updated = jdbc.prepareStatement("UPDATE wechat_device SET identity_id = ?, bound_at = ? WHERE device_id = ?", ps -> {
            ps.setLong(1, identity);
            ps.setTimestamp(2, now);
            ps.setString(3, deviceId);
            return ps.executeUpdate();
        });
        if (updated == 0) {
            jdbc.prepareStatement("INSERT IGNORE INTO wechat_device (device_id, identity_id, bound_at) VALUES (?, ?, ?)", ps -> {
                ps.setString(1, deviceId);
                ps.setLong(2, identity);
                ps.setTimestamp(3, now);
                return ps.executeUpdate();
            });
        }
        return identity;
    }

    Optional<Long> byHash(String hash) {
        return jdbc.prepareStatement("SELECT id FROM wechat_identity WHERE openid_hash = ?", ps -> {
            ps.setString(1, hash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
            }
        });
    }

    @Transactional(readOnly = true)
    Optional<Long> identityOf(String deviceId) {
        return jdbc.prepareStatement("SELECT identity_id FROM wechat_device WHERE device_id = ?", ps -> {
            ps.setString(1, deviceId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
            }
        });
    }

    /** The openid itself, only to address a message to it. */
    @Transactional(readOnly = true)
    String openid(long identityId) {
        return crypto.decrypt(jdbc.prepareStatement("SELECT openid_enc FROM wechat_identity WHERE id = ?", ps -> {
            ps.setLong(1, identityId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }));
    }

    @Override
    @Transactional(readOnly = true)
    public Set<String> linked(String deviceId) {
        return jdbc.prepareStatement("""
                SELECT o.device_id FROM wechat_device d JOIN wechat_device o ON o.identity_id = d.identity_id
                WHERE d.device_id = ? ORDER BY o.bound_at DESC""", ps -> {
            ps.setString(1, deviceId);
            ps.setMaxRows(50);
            Set<String> out = new LinkedHashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }
}
