package cn.mashang.concern.work;

import cn.mashang.Db;
import cn.mashang.auth.Logins;
import cn.mashang.concern.Intake;
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
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.mashang.Http.list;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A queue item's overdue flag is the stored deadlines (V11) against now; names on items follow an edit at once. */
@MicronautTest(transactional = false)
class QueueStoredDeadlinesTest {
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    TransactionOperations<Connection> tx;
    BlockingHttpClient client;
    String head;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
        head = Logins.token(client, "head-qjny");
    }

    private long submit(String content) {
        var answer = Intake.submit(client, Intake.body(Intake.STATION_CODE, content));
        return Db.count(tx, "SELECT id FROM concern WHERE tracking_no = ?", answer.get("trackingNo"));
    }

    private Map<String, Object> item(long id, String query) {
        var items = list(client.retrieve(HttpRequest.GET("/api/v1/me/queue?size=50" + query).bearerAuth(head), Map.class).get("items"));
        return items.stream().filter(i -> ((Number) i.get("id")).longValue() == id).findFirst().orElse(null);
    }

    @Test
    void aFreshConcernIsOverdueOnceItsStoredDeadlinesHavePassed() {
        long id = submit("队列逾期：存储的期限已过");
        assertEquals(false, item(id, "").get("overdue"));
        Timestamp past = Timestamp.from(Instant.now().minus(Duration.ofHours(1)));
        Db.sql(tx, "UPDATE concern SET first_response_due = ?, resolution_due = ? WHERE id = ?", past, past, id);
        assertEquals(true, item(id, "").get("overdue"));
        assertEquals(true, item(id, "&overdue=true").get("overdue"));
    }

    @Test
    void anOldConcernIsNotOverdueWhileItsStoredDeadlinesAreAhead() {
        long id = submit("队列逾期：创建于一个月前，期限已延后");
        Timestamp monthAgo = Timestamp.from(Instant.now().minus(Duration.ofDays(30)));
        Timestamp ahead = Timestamp.from(Instant.now().plus(Duration.ofDays(2)));
        Db.sql(tx, "UPDATE concern SET created_at = ?, first_response_due = ?, resolution_due = ? WHERE id = ?",
                monthAgo, ahead, ahead, id);
        assertEquals(false, item(id, "").get("overdue"));
        assertEquals(null, item(id, "&overdue=true"));
    }

    @Test
    void aRenamedStationShowsItsNewNameOnQueueItemsAtOnce() {
        long id = submit("队列站名：改名后立即显示");
        long station = Db.count(tx, "SELECT station_id FROM concern WHERE id = ?", id);
        String before = (String) item(id, "").get("stationName");
        Map<String, Object> s = client.retrieve(HttpRequest.GET("/api/v1/stations/" + station), Map.class);
        Map<String, Object> body = new HashMap<>();
        for (String k : List.of("regionId", "kind", "type", "industry", "address", "introduction", "openingHours",
                "receptionNote", "publicPhone")) {
            body.put(k, s.get(k));
        }
        body.put("name", before + "（新）");
        String admin = Logins.token(client, "lvliang-admin");
        client.exchange(HttpRequest.PUT("/api/v1/admin/stations/" + station, body).bearerAuth(admin));
        assertEquals(before + "（新）", item(id, "").get("stationName"));
    }
}
