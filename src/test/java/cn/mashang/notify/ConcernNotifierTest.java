package cn.mashang.notify;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.ResultSet;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A new concern queues one message to the station's group (LOG by default), in the submission's transaction. */
@MicronautTest(transactional = false)
class ConcernNotifierTest {
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    JdbcOperations jdbc;
    @Inject
    TransactionOperations<Connection> tx;

    @Test
    void aSubmittedConcernQueuesOneNewConcernMessageWithoutTheResidentsText() {
        Map<String, Object> body = Map.of("code", "zhanb22222", "category", "生活环境", "content", "小区门口路灯坏了三盏，晚上很黑");
        Map<?, ?> answer = http.toBlocking().retrieve(HttpRequest.POST("/api/v1/concerns", body)
                .header("Idempotency-Key", UUID.randomUUID().toString()).header("X-Forwarded-For", "10.9.8.7"), Map.class);
        String trackingNo = (String) answer.get("trackingNo");
        List<String[]> mine = tx.executeRead(st -> jdbc.prepareStatement(
                "SELECT channel, payload FROM notification_outbox WHERE kind = 'concern.submitted'", ps -> {
                    List<String[]> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            if (rs.getString(2).contains(trackingNo)) {
                                out.add(new String[]{rs.getString(1), rs.getString(2)});
                            }
                        }
                    }
                    return out;
                }));
        assertEquals(1, mine.size());
        assertEquals("LOG", mine.get(0)[0]);
        assertTrue(mine.get(0)[1].contains("新诉求"));
        assertFalse(mine.get(0)[1].contains("路灯"));
    }
}
