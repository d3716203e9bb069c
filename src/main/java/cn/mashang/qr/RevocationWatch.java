package cn.mashang.qr;

import cn.mashang.cluster.ClusterMessage;
import io.micronaut.runtime.event.annotation.EventListener;
import cn.mashang.common.Times;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Makes revocations made on other replicas take effect here within {@link QrConfig#revocationPoll()} (default 1 s):
 * every poll reads the revocations of the last {@link #WINDOW} (one small indexed-free query on a table that grows
 * by a handful of rows a day) and drops each newly seen code from the lookup cache and its station from the landing
 * cache. That lets code lookups live long ({@link QrConfig#lookupTtl()}, the safety net if polling fails) so a scan
 * normally costs no database round trip. The window (not "ids above the last one seen") tolerates revocations that
 * commit out of id order on different replicas.
 */
@Singleton
class RevocationWatch {
    private static final Logger LOG = LoggerFactory.getLogger(RevocationWatch.class);
    static final Duration WINDOW = Duration.ofSeconds(60);
    private final JdbcOperations jdbc;
    private final CodeLookup lookup;
    private final CodeViews views;
    private final Map<Long, Instant> seen = new LinkedHashMap<>();

    RevocationWatch(JdbcOperations jdbc, CodeLookup lookup, CodeViews views) {
        this.jdbc = jdbc;
        this.lookup = lookup;
        this.views = views;
    }

    @Scheduled(fixedDelay = "${qr.revocation-poll:1s}", initialDelay = "${qr.revocation-poll:1s}")
    void scheduled() {
        try {
            poll();
        } catch (RuntimeException e) {
            LOG.warn("revocations not polled: {}", e.getClass().getSimpleName());
        }
    }

    /** Another replica revoked a code (Redis broadcast): poll now instead of within the next second. */
    @EventListener
    void onClusterMessage(ClusterMessage m) {
        if (ClusterMessage.REVOCATION.equals(m.topic())) {
            scheduled();
        }
    }

    /** Drops the codes revoked (on any replica) since the last poll; answers how many were new. */
    @Transactional(readOnly = true)
    synchronized int poll() {
        Instant now = Times.now();
        int fresh = jdbc.prepareStatement("SELECT r.id, c.code, c.station_id FROM code_revocation r "
                + "JOIN contact_code c ON c.id = r.code_id WHERE r.created_at >= ?", ps -> {
                    ps.setTimestamp(1, Timestamp.from(now.minus(WINDOW)));
                    int n = 0;
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            if (seen.putIfAbsent(rs.getLong(1), now) == null) {
                                lookup.invalidate(rs.getString(2));
                                views.forgetStation(rs.getLong(3));
                                n++;
                            }
                        }
                    }
                    return n;
                });
        for (Iterator<Instant> it = seen.values().iterator(); it.hasNext(); ) {
            if (it.next().isBefore(now.minus(WINDOW.multipliedBy(2)))) {
                it.remove();
            }
        }
        return fresh;
    }
}
