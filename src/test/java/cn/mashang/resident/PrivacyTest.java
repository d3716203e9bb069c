package cn.mashang.resident;

import cn.mashang.concern.ConcernState;

import cn.mashang.concern.Intake;
import cn.mashang.Db;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

import static cn.mashang.Http.problem;
import static cn.mashang.concern.Intake.REGIONAL_CODE;
import static cn.mashang.concern.Intake.body;
import static cn.mashang.Db.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class PrivacyTest {
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    PiiRetentionJob retention;

    @Test
    void noLogLineDuringSubmissionContainsAMobileNumberOrTheContent() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.classic.Level before = root.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        root.setLevel(ch.qos.logback.classic.Level.DEBUG);
        try {
            BlockingHttpClient client = http.toBlocking();
            var a = Intake.submit(client, Intake.withContact(body(REGIONAL_CODE, "日志测试：机密的反映内容甲乙丙")));
            Intake.submit(client, Intake.withContact(body(REGIONAL_CODE, "日志测试：机密的反映内容甲乙丙")));
            var bad = Intake.withContact(body(REGIONAL_CODE, "日志测试：机密的反映内容甲乙丙"));
            bad.put("mobile", "1381234567");
            problem(client, Intake.post(bad, "k-" + UUID.randomUUID(), null, Intake.randomAddress()), 400);
            client.retrieve(HttpRequest.GET(Intake.trackUri(a)), String.class);
        } finally {
            root.detachAppender(appender);
            root.setLevel(before);
        }
        Pattern mobile = cn.mashang.security.PiiLedger.MOBILE;
        assertFalse(appender.list.isEmpty(), "debug logging was captured");
        for (ILoggingEvent e : appender.list) {
            String line = e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage());
            assertFalse(mobile.matcher(line).find(), () -> "log line with a mobile number: " + line);
            assertFalse(line.contains("机密的反映内容"), () -> "log line with concern content: " + line);
        }
    }

    @Test
    void closedConcernsAreAnonymisedAfterTheRetentionPeriod() {
        BlockingHttpClient client = http.toBlocking();
        var old = Intake.submit(client, Intake.withContact(body(REGIONAL_CODE, "保留期测试：一年多以前办结的反映")));
        var recent = Intake.submit(client, Intake.withContact(body(REGIONAL_CODE, "保留期测试：上个月刚办结的反映")));
        Instant now = Instant.parse("2027-12-01T00:00:00Z");
        Db.sql(tx, "UPDATE concern SET state = 'CLOSED', closed_at = ? WHERE tracking_no = ?",
                java.sql.Timestamp.from(now.minus(Duration.ofDays(400))), old.get("trackingNo"));
        Db.sql(tx, "UPDATE concern SET state = 'CLOSED', closed_at = ? WHERE tracking_no = ?",
                java.sql.Timestamp.from(now.minus(Duration.ofDays(30))), recent.get("trackingNo"));
        assertTrue(retention.run(now) >= 1);
        assertEquals(1, count(tx, "SELECT COUNT(*) FROM concern WHERE tracking_no = ? AND mobile_enc IS NULL "
                + "AND mobile_masked IS NULL AND mobile_hash IS NULL AND contact_name IS NULL AND pii_purged_at IS NOT NULL",
                old.get("trackingNo")));
        assertEquals(1, count(tx, "SELECT COUNT(*) FROM concern WHERE tracking_no = ? AND mobile_enc IS NOT NULL "
                + "AND contact_name = '张三'", recent.get("trackingNo")));
        assertEquals(0, count(tx, "SELECT COUNT(*) FROM idempotency_record WHERE created_at < ?",
                java.sql.Timestamp.from(now.minus(Duration.ofDays(1)))));
        assertEquals("保留期测试：一年多以前办结的反映",
                cn.mashang.Http.get(client, Intake.trackUri(old)).get("content"));
    }

    /**
     * Generated over every state (and merged or not): a concern whose every clock stopped 400 days ago is
     * anonymised exactly when it is finished — closed, rejected or merged into another — and never while open.
     */
    @Test
    void everyFinishedConcernIsAnonymisedOnTimeWhateverHowItEndedAndOpenOnesNever() {
        BlockingHttpClient client = http.toBlocking();
        Instant now = Instant.parse("2028-06-01T00:00:00Z");
        java.sql.Timestamp longAgo = java.sql.Timestamp.from(now.minus(Duration.ofDays(400)));
        var survivor = Intake.submit(client, Intake.withContact(body(REGIONAL_CODE, "保留期：合并后保留的那件反映")));
        long survivorId = count(tx, "SELECT id FROM concern WHERE tracking_no = ?", survivor.get("trackingNo"));
        java.util.Map<String, Boolean> expected = new java.util.LinkedHashMap<>();
        int n = 0;
        for (ConcernState state : ConcernState.values()) {
            for (boolean merged : new boolean[]{false, true}) {
                if (merged && state != ConcernState.RESOLVED && state != ConcernState.CLOSED) {
                    continue;   // only a resolved (DUPLICATE_MERGED) concern, or one closed later, carries a merge
                }
                var c = Intake.submit(client, Intake.withContact(body(REGIONAL_CODE,
                        "保留期第 " + (++n) + " 件：状态" + state.label() + (merged ? "（已合并）" : "") + "的反映，编号" + n)));
                cn.mashang.Db.sql(tx, "UPDATE concern SET state = ?, merged_into_id = ?, outcome = ?, created_at = ?, "
                                + "resolved_at = ?, closed_at = ?, updated_at = ? WHERE tracking_no = ?",
                        state.name(), merged ? survivorId : null, merged ? "DUPLICATE_MERGED" : null, longAgo,
                        state == ConcernState.RESOLVED || state == ConcernState.CLOSED ? longAgo : null,
                        state == ConcernState.CLOSED ? longAgo : null, longAgo, c.get("trackingNo"));
                boolean finished = state == ConcernState.CLOSED || state == ConcernState.REJECTED || merged;
                expected.put((String) c.get("trackingNo") + " " + state + (merged ? " merged" : ""), finished);
            }
        }
        retention.run(now);
        java.util.List<String> wrong = new java.util.ArrayList<>();
        expected.forEach((key, finished) -> {
            long purged = count(tx, "SELECT COUNT(*) FROM concern WHERE tracking_no = ? AND mobile_enc IS NULL "
                    + "AND mobile_hash IS NULL AND contact_name IS NULL AND pii_purged_at IS NOT NULL", key.split(" ")[0]);
            if ((purged == 1) != finished) {
                wrong.add(key + (finished ? " kept its name and mobile" : " lost them while open"));
            }
        });
        assertEquals(java.util.List.of(), wrong);
        assertTrue(expected.values().stream().filter(b -> b).count() >= 4, expected::toString);
    }
}
