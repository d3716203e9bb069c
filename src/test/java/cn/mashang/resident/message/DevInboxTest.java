package cn.mashang.resident.message;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.mashang.Db;
import cn.mashang.Http;
import cn.mashang.concern.Intake;
import cn.mashang.notify.OutboxSender;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
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
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The development inbox (switched on here as {@code mn:run} has it, SMS not configured): a newcomer finds the
 * recovery code and the residents' messages in the log and in memory, the number masked.
 */
@MicronautTest(transactional = false)
@Property(name = "resident.dev-inbox.enabled", value = "true")
@Property(name = "notify.sender.enabled", value = "false")
class DevInboxTest {
    static final String MOBILE = "13900031031";

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    OutboxSender sender;
    @Inject
    DevInboxChannel inbox;
    @Inject
    ApplicationContext context;
    @Inject
    TransactionOperations<Connection> tx;

    @Test
    void aRecoveryCodeReachesTheDevInboxAndTheLogWithTheNumberMaskedAndThenRecoversTheConcern() {
        BlockingHttpClient c = http.toBlocking();
        Map<String, Object> body = Intake.withContact(Intake.body(Intake.STATION_CODE, "小区西门的台阶破损，老人进出容易摔倒。"));
        body.put("mobile", MOBILE);
        String no = (String) Intake.submit(c, body).get("trackingNo");
        String address = Intake.randomAddress();
        c.exchange(HttpRequest.POST("/api/v1/recovery/codes", Map.of("mobile", MOBILE)).header("X-Forwarded-For", address));

        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logs.start();
        root.addAppender(logs);
        try {
            sender.runOnce();
        } finally {
            root.detachAppender(logs);
        }
        DevInboxChannel.Entry got = inbox.last().get(0);
        assertEquals("139****1031", got.mobileMasked());
        String code = got.text().replaceAll("\\D*(\\d{6}).*", "$1");
        assertTrue(code.matches("\\d{6}"), got.text());
        List<String> lines = logs.list.stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains("开发收件箱")).toList();
        assertEquals(List.of("开发收件箱 → 139****1031：" + got.text()), lines);
        logs.list.forEach(e -> assertFalse(e.getFormattedMessage().contains(MOBILE), e.getFormattedMessage()));
        assertEquals("SENT", Db.text(tx, "SELECT status FROM notification_outbox WHERE channel = 'DEV' AND kind = 'resident.recovery.code'"));

        String token = (String) c.retrieve(HttpRequest.POST("/api/v1/recovery/token", Map.of("mobile", MOBILE, "code", code))
                .header("X-Forwarded-For", address), Http.MAP).get("recoveryToken");
        List<Map<String, Object>> concerns = Http.list(c.retrieve(HttpRequest.GET("/api/v1/recovery/concerns")
                .header("X-Recovery-Token", token), Http.MAP).get("items"));
        assertEquals(no, concerns.get(0).get("trackingNo"));
    }

    @Test
    void anOptedInConcernsProgressReachesTheDevInboxWithItsLink() {
        BlockingHttpClient c = http.toBlocking();
        Map<String, Object> body = Intake.withContact(Intake.body(Intake.STATION_CODE, "公交站的雨棚漏水，等车的人都淋湿了。"));
        body.put("mobile", "13900031032");
        body.put("notifyMe", true);
        String no = (String) Intake.submit(c, body).get("trackingNo");
        long id = Db.count(tx, "SELECT id FROM concern WHERE tracking_no = ?", no);
        c.exchange(HttpRequest.POST("/api/v1/concerns/" + id + "/actions/accept",
                Map.of("version", Db.count(tx, "SELECT version FROM concern WHERE id = ?", id)))
                .bearerAuth(cn.mashang.auth.Logins.token(c, "head-qjny")));
        sender.runOnce();
        DevInboxChannel.Entry got = inbox.last().get(0);
        assertEquals("139****1032", got.mobileMasked());
        assertTrue(got.text().startsWith("您的反映 " + no + " 已受理。查看：http://localhost:8080/t/" + no + "#k=m1."), got.text());
    }

    @Test
    void theDevInboxIsTheOnlyResidentChannelBesideNoSmsProvider() {
        assertEquals(List.of(DevInboxChannel.class), context.getBeansOfType(ResidentChannel.class).stream()
                .map(Object::getClass).map(k -> k.getName().contains("$") ? k.getSuperclass() : k).toList());
    }
}
