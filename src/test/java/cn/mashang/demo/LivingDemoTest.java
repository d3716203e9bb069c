package cn.mashang.demo;

import cn.mashang.Db;
import cn.mashang.auth.DemoIds;
import cn.mashang.auth.Logins;
import cn.mashang.common.Times;
import cn.mashang.concern.Concern;
import cn.mashang.concern.ConcernRepository;
import cn.mashang.concern.Deadlines;
import cn.mashang.concern.Overdue;
import cn.mashang.sla.SlaSegment;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.mashang.Http.get;
import static cn.mashang.Http.list;
import static cn.mashang.Http.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The living demo (issue 17): the demo city with four months of concerns, switched on for this class only. */
@MicronautTest(transactional = false)
@Property(name = "demo.living.enabled", value = "true")
class LivingDemoTest {
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    DemoIds ids;
    @Inject
    ConcernRepository concerns;
    @Inject
    Deadlines deadlines;
    @Inject
    DemoCityLoader loader;
    BlockingHttpClient client;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
    }

    long count(String where, Object... args) {
        return Db.count(tx, "SELECT COUNT(*) FROM concern WHERE " + where, args);
    }

    @Test
    void everyStateOfAConcernIsPresent() {
        for (String state : List.of("SUBMITTED", "ACCEPTED", "ANSWERED", "REFERRED", "EXTENDED", "RESOLVED", "CLOSED",
                "REJECTED")) {
            assertTrue(count("state = ?", state) > 0, state);
        }
        assertTrue(count("state = 'ACCEPTED' AND reopen_count > 0") > 0, "reopened and back in the queue");
        for (String rating : List.of("SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED")) {
            assertTrue(count("state = 'CLOSED' AND rating = ?", rating) > 0, rating);
        }
        assertTrue(count("state = 'CLOSED' AND rating IS NULL") > 0, "auto-closed unrated");
        assertTrue(count("assignee_deputy_id IS NOT NULL AND state = 'ANSWERED'") > 0, "at a deputy");
    }

    @Test
    void everyStateOfAReferralIsPresent() {
        String r = "SELECT COUNT(*) FROM referral r JOIN concern c ON c.id = r.concern_id WHERE ";
        assertTrue(Db.count(tx, r + "r.status = 'OPEN' AND r.signed_at IS NULL AND r.sign_due > ?", Instant.now()) > 0,
                "awaiting sign-for");
        assertTrue(Db.count(tx, r + "r.status = 'OPEN' AND r.signed_at IS NULL AND r.sign_due < ?", Instant.now()) > 0,
                "sign-for overdue");
        assertTrue(Db.count(tx, r + "r.status = 'OPEN' AND r.signed_at IS NOT NULL AND c.state = 'REFERRED'") > 0, "signed");
        assertTrue(Db.count(tx, r + "r.status = 'ANSWERED' AND c.state = 'ANSWERED'") > 0, "answered by the department");
        assertTrue(Db.count(tx, r + "r.status = 'RETURNED' AND r.return_reason IS NOT NULL AND c.state = 'ACCEPTED'") > 0,
                "returned with a reason");
        assertTrue(Db.count(tx, r + "r.status = 'RETURNED' AND EXISTS (SELECT 1 FROM referral r2 WHERE "
                + "r2.concern_id = r.concern_id AND r2.id > r.id AND r2.status = 'OPEN')") > 0, "re-referred");
        assertTrue(Db.count(tx, r + "c.state = 'EXTENDED' AND r.extensions = 1") > 0, "extension approved");
        assertTrue(Db.count(tx, "SELECT COUNT(*) FROM concern_event e JOIN concern c ON c.id = e.concern_id "
                + "WHERE e.type = 'EXTENSION_REQUESTED' AND c.state = 'REFERRED'") > 0, "extension requested");
    }

    @Test
    void missedDeadlinesCarryTheirAutomaticUrgeAndReport() {
        for (String segment : List.of("SIGN", "DEPARTMENT")) {
            for (String step : List.of("URGE", "REPORT")) {
                assertTrue(Db.count(tx, "SELECT COUNT(*) FROM referral_notice WHERE segment = ? AND step = ?",
                        segment, step) > 0, segment + " " + step);
            }
        }
    }

    @Test
    void concernsAreOverdueAtEverySegment() {
        Instant now = Instant.now();
        List<Concern> all = new ArrayList<>();
        concerns.findAll().forEach(all::add);
        for (var segment : List.of(SlaSegment.FIRST_RESPONSE, SlaSegment.SIGN, SlaSegment.DEPARTMENT, SlaSegment.RESOLUTION)) {
            assertTrue(all.stream().anyMatch(c -> Overdue.segment(segment, deadlines.due(c), now)), segment.name());
        }
    }

    @Test
    void theHeadsStationDashboardShowsMonthsOfWork() {
        String head = Logins.token(client, "head-qjny");
        Map<String, Object> d = get(client, "/api/v1/stations/" + ids.station(DemoIds.QJNY) + "/dashboard", head);
        assertTrue(((Number) map(d.get("totals")).get("received")).intValue() >= 20, d.toString());
    }

    @Test
    void aDeputysQueueHasWorkToDo() {
        String deputy = Logins.token(client, LivingDemo.DEPUTY);
        assertFalse(list(get(client, "/api/v1/me/queue?view=todo", deputy).get("items")).isEmpty());
    }

    @Test
    void theDepartmentInboxHasReferralsToDo() {
        String dept = Logins.token(client, LivingDemo.ZJ);
        assertFalse(list(get(client, "/api/v1/me/referrals?view=todo", dept).get("items")).isEmpty());
        assertFalse(list(get(client, "/api/v1/me/referrals?view=done", dept).get("items")).isEmpty());
    }

    @Test
    void theRegionOverdueQueueShowsDepartmentsDeputiesAndStations() {
        String admin = Logins.token(client, "lvliang-admin");
        List<Map<String, Object>> items = list(get(client, "/api/v1/regions/" + ids.region("吕梁市") + "/overdue?size=100",
                admin).get("items"));
        assertTrue(items.stream().anyMatch(i -> "DEPARTMENT".equals(map(i.get("holder")).get("kind"))), items.toString());
        assertTrue(items.stream().anyMatch(i -> "STATION".equals(map(i.get("holder")).get("kind"))), items.toString());
    }

    @Test
    void theQueuesOverdueFlagAgreesWithOverdue() {
        int[] seen = {0, 0};
        checkQueue("liaison-qjny", DemoIds.QJNY, seen);
        checkQueue("liaison-shuitou", DemoIds.SHUITOU, seen);
        assertTrue(seen[0] >= 30 && seen[1] >= 5, seen[0] + " seen, " + seen[1] + " overdue");
    }

    /** Every page of the station's queue: each item's flag is Overdue's answer; counts seen and overdue. */
    private void checkQueue(String login, String station, int[] seen) {
        String token = Logins.token(client, login);
        Instant now = Instant.now();
        String cursor = null;
        do {
            Map<String, Object> page = get(client, "/api/v1/stations/" + ids.station(station) + "/queue?size=20"
                    + (cursor == null ? "" : "&cursor=" + cursor), token);
            for (Map<String, Object> item : list(page.get("items"))) {
                Concern c = concerns.findById(((Number) item.get("id")).longValue()).orElseThrow();
                boolean expected = Overdue.any(deadlines.due(c), now);
                assertEquals(expected, item.get("overdue"), c.trackingNo() + " " + c.state());
                seen[0]++;
                seen[1] += expected ? 1 : 0;
            }
            cursor = (String) page.get("nextCursor");
        } while (cursor != null);
    }

    @Test
    void eachConcernsTimelineEndsInItsState() {
        List<String[]> wrong = tx.executeRead(s -> {
            List<String[]> out = new ArrayList<>();
            try (var ps = s.getConnection().prepareStatement("""
                    SELECT c.tracking_no, c.state, (SELECT e.to_state FROM concern_event e WHERE e.concern_id = c.id
                      AND e.to_state IS NOT NULL ORDER BY e.created_at DESC, e.id DESC LIMIT 1) FROM concern c""");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!rs.getString(2).equals(rs.getString(3))) {
                        out.add(new String[]{rs.getString(1), rs.getString(2), rs.getString(3)});
                    }
                }
            }
            return out;
        });
        assertTrue(wrong.isEmpty(), () -> wrong.stream().map(w -> String.join("/", w)).toList().toString());
        assertTrue(count("created_at < ?", Times.now().minusSeconds(90L * 86400)) > 0, "months of history");
    }

    @Test
    void loadingAgainAddsNothing() {
        long before = count("1 = 1");
        loader.load();
        assertEquals(before, count("1 = 1"));
    }
}
