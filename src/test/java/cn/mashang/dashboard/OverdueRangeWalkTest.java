package cn.mashang.dashboard;

import cn.mashang.auth.DemoIds;
import cn.mashang.sla.OverdueJob;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The overdue job reads only the concerns due for a look (concern.sla_check_at, V101): a second pass at the same
 * moment reads nothing; later passes read only what changed colour; and a forced full walk afterwards finds no
 * escalation the range walk missed (each escalation exactly once).
 */
@MicronautTest(transactional = false)
class OverdueRangeWalkTest implements TestPropertyProvider {
    static final Instant NOW = ConcernFixture.at("2026-06-15T10:00:00");

    @Inject
    JdbcOperations jdbc;
    @Inject
    DemoIds ids;
    @Inject
    OverdueJob job;
    @Inject
    @io.micronaut.http.client.annotation.Client("/")
    io.micronaut.http.client.HttpClient http;
    @Inject
    io.micronaut.transaction.TransactionOperations<java.sql.Connection> tx;

    @MockBean(Clock.class)
    Clock clock() {
        return Clock.fixed(NOW, ConcernFixture.CN);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of("sla.overdue.enabled", "false", "dashboard.rollup.enabled", "false", "notify.sender.enabled", "false",
                "sla.overdue.page-size", "3");
    }

    @Test
    void aPassReadsOnlyConcernsWhoseClockMayHaveChangedAndEscalatesEachStepOnce() {
        long station = ids.station(DemoIds.SHUITOU);
        ConcernFixture fx = new ConcernFixture(jdbc);
        tx.executeWrite(s -> {
            fx.concern(station, "2026-06-09T09:00:00").category("停车出行").insert();  // first response red at NOW
            fx.concern(station, "2026-06-10T09:00:00").category("停车出行").insert();  // amber at NOW
            fx.concern(station, "2026-06-15T09:00:00").category("停车出行").insert();  // green at NOW
            fx.concern(station, "2026-05-20T09:00:00").state("ANSWERED").firstResponse("2026-05-20T10:00:00").insert();
            return null;
        });
        long before = count("SELECT COUNT(*) FROM sla_escalation");
        OverdueJob.Result first = job.runOnce(NOW);
        assertTrue(first.examined() >= 4, "every concern never looked at is read once: " + first);
        assertTrue(first.escalated() >= 2, first.toString());

        OverdueJob.Result again = job.runOnce(NOW.plusSeconds(1));
        assertEquals(0, again.examined(), "nothing changed colour within a second: no row read");
        assertEquals(0, again.escalated());

        int escalated = first.escalated();
        Instant later = NOW;
        for (int day = 1; day <= 30; day++) {
            later = NOW.plus(Duration.ofHours(12L * day));
            OverdueJob.Result r = job.runOnce(later);
            assertTrue(r.examined() < first.examined(), "day " + day + " read only the due ones: " + r);
            escalated += r.escalated();
        }
        assertEquals(escalated, count("SELECT COUNT(*) FROM sla_escalation") - before);

        tx.executeWrite(s -> jdbc.prepareStatement("UPDATE concern SET sla_check_at = NULL", ps -> ps.executeUpdate()));
        OverdueJob.Result full = job.runOnce(later);
        assertTrue(full.examined() >= first.examined(), "the forced full walk read everything: " + full);
        assertEquals(0, full.escalated(), "the range walk missed no escalation");
        assertEquals(0, count("SELECT COUNT(*) FROM (SELECT concern_id FROM sla_escalation GROUP BY concern_id, segment, level, deadline"
                + " HAVING COUNT(*) > 1) x"));
    }

    @Test
    void aSubmittedConcernWaitsForTheNextPassWithNoCheckTimeWrittenAtIntake() {
        var answer = cn.mashang.concern.Intake.submit(http.toBlocking(),
                cn.mashang.concern.Intake.body(cn.mashang.concern.Intake.STATION_CODE, "新反映：下一次巡检会看到它"));
        String id = "(SELECT id FROM concern WHERE tracking_no = '" + answer.get("trackingNo") + "')";
        assertEquals(1, count("SELECT COUNT(*) FROM concern WHERE sla_check_at IS NULL AND id = " + id));
        Instant now = Instant.now(); // the submission was stamped with the real time, not the fixed clock
        OverdueJob.Result pass = job.runOnce(now);
        assertTrue(pass.examined() >= 1, pass.toString());
        long looked = tx.executeRead(s -> jdbc.prepareStatement("SELECT COUNT(*) FROM concern WHERE sla_check_at > ? AND id = "
                + id, ps -> {
            ps.setTimestamp(1, java.sql.Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
        assertEquals(1L, looked, "the pass looked at it and set its next look after now");
    }

    private long count(String sql) {
        return tx.executeRead(s -> jdbc.prepareStatement(sql, ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }
}
