package cn.mashang.qr;

import cn.mashang.Db;
import cn.mashang.Http;
import cn.mashang.auth.DemoIds;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.util.Map;

import static cn.mashang.Http.map;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A station's landing data is reloaded in the background once older than {@code qr.station-view-ttl} (here 2 s):
 * an edit another replica made (here: straight in the database, no entity event on this replica) is answered from
 * the kept data until the bound, and shows on the scans after it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LandingReloadTest implements TestPropertyProvider {
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    DemoIds ids;
    @Inject
    TransactionOperations<Connection> tx;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("qr.station-view-ttl", "2s");
    }

    @Test
    void anotherReplicasEditIsAnsweredFromTheKeptDataUntilTheBoundAndShowsOnTheScansAfterIt() throws InterruptedException {
        BlockingHttpClient client = http.toBlocking();
        long station = ids.station(DemoIds.HEPING);
        String code = (String) Http.get(client, "/api/v1/stations/" + station).get("code");
        String before = Db.text(tx, "SELECT opening_hours FROM station WHERE id = ?", station);
        String edited = "周六 9:00-12:00（另一台服务器的修改 " + System.nanoTime() + "）";
        try {
            String kept = hours(client, code);
            Db.sql(tx, "UPDATE station SET opening_hours = ? WHERE id = ?", edited, station);
            assertEquals(kept, hours(client, code), "within the bound: the kept data");
            long until = System.currentTimeMillis() + 8_000;
            String seen = kept;
            while (!edited.equals(seen) && System.currentTimeMillis() < until) {
                Thread.sleep(100);
                seen = hours(client, code);
            }
            assertEquals(edited, seen, "after the bound the reload shows the edit");
        } finally {
            Db.sql(tx, "UPDATE station SET opening_hours = ? WHERE id = ?", before, station);
        }
    }

    private static String hours(BlockingHttpClient client, String code) {
        return (String) map(Http.get(client, "/api/v1/codes/" + code).get("station")).get("openingHours");
    }
}
