package cn.mashang.concern.search;

import cn.mashang.Db;
import cn.mashang.auth.Logins;
import cn.mashang.concern.Intake;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import java.util.Map;

import static cn.mashang.Http.MAP;
import static cn.mashang.Http.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The bounded walk of a search with a small budget (64 candidates, the first chunk): two words that never occur
 * together in the newest candidates give a short page with a cursor, and the cursor walks on to the older match.
 */
@MicronautTest(transactional = false)
@Property(name = "search.walk-budget", value = "64")
class SearchWalkTest {
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    TransactionOperations<Connection> tx;

    @Test
    void twoWordsApartInTheNewestCandidatesGiveAnEmptyPageWhoseCursorReachesTheOlderConcernWithBoth() {
        BlockingHttpClient client = http.toBlocking();
        String a = SearchMarkers.random();
        String b = SearchMarkers.random();
        Map<String, Object> both = Intake.submit(client, Intake.body(Intake.STATION_CODE, "先有" + a + "后有" + b));
        long bothId = Db.count(tx, "SELECT id FROM concern WHERE tracking_no = ?", both.get("trackingNo"));
        for (int i = 0; i < 64; i++) {
            Intake.submit(client, Intake.body(Intake.STATION_CODE, "只有" + a + i));
            Intake.submit(client, Intake.body(Intake.STATION_CODE, "只有" + b + i));
        }
        String token = Logins.token(client, "head-qjny");
        String query = "/api/v1/concerns?q=" + URLEncoder.encode(a + " " + b, StandardCharsets.UTF_8);

        Map<String, Object> first = client.retrieve(HttpRequest.GET(query).bearerAuth(token), MAP);
        assertEquals(List.of(), list(first.get("items")), "the 64 newest candidates of the driver word lack the other");
        assertNotNull(first.get("nextCursor"), "older matches may exist: the page says continue");

        Map<String, Object> second = client.retrieve(HttpRequest.GET(query + "&cursor=" + first.get("nextCursor"))
                .bearerAuth(token), MAP);
        assertEquals(List.of(bothId), list(second.get("items")).stream().map(i -> ((Number) i.get("id")).longValue()).toList());
        assertNull(second.get("nextCursor"), "the driver word's range ended");
    }
}
