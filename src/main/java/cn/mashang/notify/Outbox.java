package cn.mashang.notify;

import cn.mashang.common.ApiException;
import cn.mashang.common.PageResponse;
import cn.mashang.common.Times;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.model.Pageable;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;

/**
 * The notification outbox. {@link #enqueue} joins the caller's transaction (propagation REQUIRED), so a feature
 * writes its notification together with its own rows: both commit or neither. Delivery is asynchronous
 * ({@link OutboxSender}), at least once.
 */
@Singleton
public class Outbox {
    static final String INSERT = """
            INSERT IGNORE INTO notification_outbox
              (channel, target, kind, payload, status, attempts, next_attempt_at, dedupe_key, created_at, station_id)
            VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?, ?, ?)""";

    private final JdbcOperations jdbc;
    private final OutboxRepository rows;
    private final ObjectMapper json;
    private final NotifyConfig config;

    Outbox(JdbcOperations jdbc, OutboxRepository rows, ObjectMapper json, NotifyConfig config) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.json = json;
        this.config = config;
    }

    /**
     * Queues a message. With a dedupe key, a second enqueue with the same key is ignored (returns false, never
     * throws): e.g. {@code "concern:42:breach:RESOLUTION"} notifies once however often a job sees the breach.
     *
     * @return true when a row was written
     */
    public boolean enqueue(Channel channel, String target, String kind, NotificationMessage message, @Nullable String dedupeKey) {
        return enqueue(channel, target, kind, message, dedupeKey, null);
    }

    /** ... about a station: the admins of its region (and above) see it in their outbox list. */
    @Transactional
    public boolean enqueue(Channel channel, String target, String kind, NotificationMessage message,
                           @Nullable String dedupeKey, @Nullable Long stationId) {
        check("target", target, 64);
        check("kind", kind, 64);
        if (dedupeKey != null) {
            check("dedupeKey", dedupeKey, 191);
        }
        if (channel == null || message == null || message.title() == null) {
            throw new IllegalArgumentException("channel, message and title are required");
        }
        String payload;
        try {
            payload = json.writeValueAsString(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Timestamp now = Timestamp.from(Times.now());
        int inserted = jdbc.prepareStatement(INSERT, ps -> {
            ps.setString(1, channel.name());
            ps.setString(2, target);
            ps.setString(3, kind);
            ps.setString(4, payload);
            ps.setTimestamp(5, now);
            if (dedupeKey == null) {
                ps.setNull(6, Types.VARCHAR);
            } else {
                ps.setString(6, dedupeKey);
            }
            ps.setTimestamp(7, now);
            if (stationId == null) {
                ps.setNull(8, Types.BIGINT);
            } else {
                ps.setLong(8, stationId);
            }
            return ps.executeUpdate();
        });
        return inserted > 0;
    }

    /** Queues a message to the configured default channel and target (LOG in development). */
    public boolean enqueue(String kind, NotificationMessage message, @Nullable String dedupeKey) {
        return enqueue(config.defaultChannel(), config.defaultTarget(), kind, message, dedupeKey, null);
    }

    /** ... to the default channel, about a station. */
    public boolean enqueue(String kind, NotificationMessage message, @Nullable String dedupeKey, long stationId) {
        return enqueue(config.defaultChannel(), config.defaultTarget(), kind, message, dedupeKey, stationId);
    }

    /**
     * The rows an admin may see (issue 16): about a station of the region {@code path} (and below), or — for an
     * admin of a top-level region only — deployment-wide rows without a station.
     */
    public PageResponse<NotificationView> list(String regionPath, boolean topLevel, @Nullable OutboxStatus status,
                                               Pageable pageable) {
        var page = status == null ? rows.findInRegion(regionPath + "%", topLevel, pageable)
                : rows.findInRegionByStatus(regionPath + "%", topLevel, status.name(), pageable);
        return new PageResponse<>(page.getContent().stream().map(NotificationView::of).toList(),
                pageable.getNumber(), pageable.getSize(), page.getTotalSize());
    }

    /** {@link #retry(long)} of a row the admin may see ({@link #list(String, boolean, OutboxStatus, Pageable)}). */
    public NotificationView retry(long id, String regionPath, boolean topLevel) {
        if (rows.countVisible(id, regionPath + "%", topLevel) == 0) {
            throw ApiException.notFound("通知");
        }
        return retry(id);
    }

    public PageResponse<NotificationView> list(@Nullable OutboxStatus status, Pageable pageable) {
        var page = status == null ? rows.findAll(pageable) : rows.findByStatus(status, pageable);
        return new PageResponse<>(page.getContent().stream().map(NotificationView::of).toList(),
                pageable.getNumber(), pageable.getSize(), page.getTotalSize());
    }

    /** Puts a FAILED row back in the queue with a fresh attempt budget. 404 unknown, 409 not FAILED. */
    public NotificationView retry(long id) {
        OutboxEntry row = rows.findById(id).orElseThrow(() -> ApiException.notFound("通知"));
        if (rows.retry(id, Times.now()) == 0) {
            throw ApiException.conflict("只有发送失败（FAILED）的通知可以重试，当前状态为 " + row.status());
        }
        return NotificationView.of(rows.findById(id).orElseThrow());
    }

    private static void check(String field, String value, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException(field + " must be 1.." + max + " characters");
        }
    }
}
