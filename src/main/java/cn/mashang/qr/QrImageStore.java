package cn.mashang.qr;

import cn.mashang.common.Times;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.Optional;

/**
 * Rendered QR images in the database ({@code qr_image}, V102): one row per (code, format, size class), shared by
 * every replica and kept across restarts. A row answers only for the URL it was rendered from; the rows of a revoked
 * code are deleted in the revocation's transaction ({@link #forget}).
 */
@Singleton
class QrImageStore {
    private final JdbcOperations jdbc;

    QrImageStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    Optional<byte[]> find(long codeId, QrImages.Format format, int size, String url) {
        return jdbc.prepareStatement("SELECT url, bytes FROM qr_image WHERE code_id = ? AND format = ? AND size = ?", ps -> {
            ps.setLong(1, codeId);
            ps.setString(2, format.name());
            ps.setInt(3, size);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && url.equals(rs.getString(1)) ? Optional.of(rs.getBytes(2)) : Optional.empty();
            }
        });
    }

    /**
     * Keeps an image: inserted when the row is new (a concurrent render that stored it first wins), else the row is
     * replaced only when it was rendered from another URL. No DELETE first: on a missing row its gap lock and two
     * concurrent renders' inserts deadlocked (MariaDB, 64 connections cold on the bench city).
     */
    @Transactional
    void save(long codeId, QrImages.Format format, int size, String url, byte[] bytes) {
        int inserted = jdbc.prepareStatement("INSERT IGNORE INTO qr_image (code_id, format, size, url, bytes, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", ps -> {
            ps.setLong(1, codeId);
            ps.setString(2, format.name());
            ps.setInt(3, size);
            ps.setString(4, url);
            ps.setBytes(5, bytes);
            ps.setTimestamp(6, Timestamp.from(Times.now()));
            return ps.executeUpdate();
        });
        if (inserted == 0) {
            jdbc.prepareStatement("UPDATE qr_image SET url = ?, bytes = ?, created_at = ? WHERE code_id = ? AND format = ? "
                    + "AND size = ? AND url <> ?", ps -> {
                ps.setString(1, url);
                ps.setBytes(2, bytes);
                ps.setTimestamp(3, Timestamp.from(Times.now()));
                ps.setLong(4, codeId);
                ps.setString(5, format.name());
                ps.setInt(6, size);
                ps.setString(7, url);
                return ps.executeUpdate();
            });
        }
    }

    /** Drops every stored image of a code (revoked: it is never served again). Joins the caller's transaction. */
    @Transactional
    int forget(long codeId) {
        return jdbc.prepareStatement("DELETE FROM qr_image WHERE code_id = ?", ps -> {
            ps.setLong(1, codeId);
            return ps.executeUpdate();
        });
    }
}
