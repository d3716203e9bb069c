package cn.mashang.concern.work;

import cn.mashang.concern.Intake;
import cn.mashang.Db;

import cn.mashang.auth.Logins;
import io.micronaut.http.HttpRequest;
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
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.mashang.Http.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A deputy in two stations (双进站): the to-do queue is built from one ordered sub-query per station, state and
 * kind of row (assigned to me / unassigned to nobody / unassigned to me). Paging through it must give exactly the
 * rows, in exactly the order, of the plain definition over both stations.
 */
@MicronautTest(transactional = false)
class DeputyQueueTest {
    static final String OPEN = "('SUBMITTED','ACCEPTED','ANSWERED','REFERRED','EXTENDED')";
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    TransactionOperations<Connection> tx;
    BlockingHttpClient client;
    String token;
    long deputyId;
    List<Long> stations;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
        // a demo deputy account whose deputy sits in two stations or more
        List<Long> twoStation = longs("SELECT a.deputy_id FROM staff_account a JOIN station_membership m ON m.deputy_id = a.deputy_id"
                + " AND m.active = TRUE WHERE a.role = 'DEPUTY' GROUP BY a.deputy_id HAVING COUNT(*) >= 2 ORDER BY a.deputy_id");
        assertTrue(!twoStation.isEmpty(), "the demo city has a deputy account in two stations");
        deputyId = twoStation.get(0);
        String mobile = tx.executeRead(s -> {
            try (var ps = s.getConnection().prepareStatement("SELECT mobile FROM staff_account WHERE deputy_id = ? AND role = 'DEPUTY'")) {
                ps.setLong(1, deputyId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
        token = Logins.token(client, mobile);
        stations = longs("SELECT station_id FROM station_membership WHERE deputy_id = ? AND active = TRUE ORDER BY station_id", deputyId);
    }

    private List<Long> longs(String sql, Object... args) {
        return tx.executeRead(s -> {
            try (var ps = s.getConnection().prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                List<Long> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
                return out;
            }
        });
    }

    private String stationCode(long station) {
        return (String) client.retrieve(HttpRequest.GET("/api/v1/stations/" + station), Map.class).get("code");
    }

    /** Concerns in both stations: unassigned, assigned to me, assigned to someone else, addressed to me, closed. */
    private void seed() {
        Instant t = Instant.now().minus(Duration.ofDays(3));
        long other = Db.count(tx, "SELECT MIN(deputy_id) FROM station_membership WHERE station_id = ? AND deputy_id <> ?",
                stations.get(0), deputyId);
        int n = 0;
        for (long station : stations.subList(0, 2)) {
            String code = stationCode(station);
            for (int i = 0; i < 6; i++) {
                var answer = Intake.submit(client, Intake.body(code, "双进站队列：第 " + station + "-" + i + " 条"));
                long id = Db.count(tx, "SELECT id FROM concern WHERE tracking_no = ?", answer.get("trackingNo"));
                // distinct times, two sharing one instant (the id breaks the tie), interleaved across the stations
                Timestamp at = Timestamp.from(t.plusSeconds(n++ * 60L - (i == 5 ? 60 : 0)));
                switch (i) {
                    case 1 -> Db.sql(tx, "UPDATE concern SET state = 'ACCEPTED', assignee_deputy_id = ? WHERE id = ?", deputyId, id);
                    case 2 -> Db.sql(tx, "UPDATE concern SET state = 'ACCEPTED', assignee_deputy_id = ? WHERE id = ?", other, id);
                    case 3 -> Db.sql(tx, "UPDATE concern SET deputy_id = ? WHERE id = ?", deputyId, id);
                    case 4 -> Db.sql(tx, "UPDATE concern SET state = 'CLOSED', assignee_deputy_id = ? WHERE id = ?", deputyId, id);
                    default -> { }
                }
                Db.sql(tx, "UPDATE concern SET created_at = ? WHERE id = ?", at, id);
            }
        }
    }

    private List<Long> expected(String order) {
        String marks = String.join(",", stations.stream().map(x -> "?").toList());
        List<Object> args = new ArrayList<>(stations);
        args.add(deputyId);
        args.add(deputyId);
        return longs("SELECT id FROM concern WHERE station_id IN (" + marks + ") AND state IN " + OPEN
                + " AND (assignee_deputy_id = ? OR (assignee_deputy_id IS NULL AND (deputy_id IS NULL OR deputy_id = ?)))"
                + " ORDER BY created_at " + order + ", id " + order, args.toArray());
    }

    private List<Long> pages(String query) {
        List<Long> out = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> page = client.retrieve(HttpRequest.GET("/api/v1/me/queue?size=3" + query
                    + (cursor == null ? "" : "&cursor=" + cursor)).bearerAuth(token), cn.mashang.Http.MAP);
            list(page.get("items")).forEach(i -> out.add(((Number) i.get("id")).longValue()));
            cursor = (String) page.get("nextCursor");
        } while (cursor != null);
        return out;
    }

    @Test
    void aTwoStationDeputysQueuePagesNewestFirstExactlyLikeThePlainQueryOverBothStations() {
        seed();
        List<Long> want = expected("DESC");
        assertTrue(want.size() >= 8, "seeded rows are in the queue: " + want.size());
        assertEquals(want, pages(""));
    }

    @Test
    void aTwoStationDeputysQueuePagesOldestFirstAndByStateLikeThePlainQuery() {
        seed();
        assertEquals(expected("ASC"), pages("&order=oldest"));
        List<Long> accepted = new ArrayList<>(expected("DESC"));
        accepted.retainAll(longs("SELECT id FROM concern WHERE state = 'ACCEPTED'"));
        assertTrue(accepted.size() >= 2);
        assertEquals(accepted, pages("&state=ACCEPTED"));
        assertEquals(List.of(), pages("&state=CLOSED"));
    }
}
