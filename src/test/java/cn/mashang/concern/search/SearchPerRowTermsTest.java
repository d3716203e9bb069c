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

/**
 * With a window factor of 0 every further term of a search has "too many" ids in a chunk's window, so each is
 * checked per candidate row by the confirming statement (the path a very frequent second word takes).
 */
@MicronautTest(transactional = false)
@Property(name = "search.window-factor", value = "0")
class SearchPerRowTermsTest {
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    TransactionOperations<Connection> tx;

    @Test
    void twoWordsCheckedPerRowFindTheConcernWithBothAndNeitherConcernWithOne() {
        BlockingHttpClient client = http.toBlocking();
        String a = SearchMarkers.random();
        String b = SearchMarkers.random();
        Intake.submit(client, Intake.body(Intake.STATION_CODE, "只有" + a));
        Map<String, Object> both = Intake.submit(client, Intake.body(Intake.STATION_CODE, a + "和" + b));
        Intake.submit(client, Intake.body(Intake.STATION_CODE, "只有" + b));
        long bothId = Db.count(tx, "SELECT id FROM concern WHERE tracking_no = ?", both.get("trackingNo"));

        Map<String, Object> page = client.retrieve(HttpRequest.GET("/api/v1/concerns?q="
                + URLEncoder.encode(b + " " + a, StandardCharsets.UTF_8)).bearerAuth(Logins.token(client, "head-qjny")), MAP);
        assertEquals(List.of(bothId), list(page.get("items")).stream().map(i -> ((Number) i.get("id")).longValue()).toList());
    }
}
