package cn.mashang.concern.search;

import cn.mashang.Db;
import cn.mashang.auth.DemoIds;
import cn.mashang.auth.Logins;
import cn.mashang.concern.Intake;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.mashang.Http.MAP;
import static cn.mashang.Http.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GET /api/v1/concerns: Chinese substrings through the bigram index, tracking numbers, reply text, each filter,
 * keyset paging, and the caller's scope. Each test writes concerns carrying a random marker of CJK characters, so
 * the expected results are exactly the rows it wrote.
 */
@MicronautTest(transactional = false)
class ConcernSearchTest {
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    DemoIds ids;
    BlockingHttpClient client;
    String marker;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
        marker = SearchMarkers.random();
    }

    private long submit(String code, String content) {
        Map<String, Object> answer = Intake.submit(client, Intake.body(code, content));
        return Db.count(tx, "SELECT id FROM concern WHERE tracking_no = ?", answer.get("trackingNo"));
    }

    private String code(String station) {
        return (String) client.retrieve(HttpRequest.GET("/api/v1/stations/" + ids.station(station)), MAP).get("code");
    }

    private Map<String, Object> search(String login, String query) {
        return client.retrieve(HttpRequest.GET("/api/v1/concerns?" + query).bearerAuth(Logins.token(client, login)), MAP);
    }

    private List<Long> found(String login, String query) {
        List<Long> out = new ArrayList<>();
        list(search(login, query).get("items")).forEach(i -> out.add(((Number) i.get("id")).longValue()));
        return out;
    }

    private static String q(String text) {
        return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void aTwoCharacterWordFindsItInsideAChineseSentenceAndANonContiguousPairDoesNot() {
        long id = submit(Intake.STATION_CODE, "小区北门路灯坏了" + marker);
        assertTrue(found("liaison-qjny", q("路灯")).contains(id), "路灯 finds 小区北门路灯坏了");
        assertEquals(List.of(id), found("liaison-qjny", q("北门路灯坏了" + marker)));
        assertEquals(List.of(id), found("liaison-qjny", q(marker + " 北门")), "two words, both present");
        assertEquals(List.of(), found("liaison-qjny", q("北路" + marker)), "北 and 路 are not neighbours");
        assertEquals(List.of(), found("liaison-qjny", q(marker + " 南门")));
    }

    @Test
    void aTrackingNumberFindsExactlyItsConcern() {
        Map<String, Object> answer = Intake.submit(client, Intake.body(Intake.STATION_CODE, "编号检索" + marker));
        String no = (String) answer.get("trackingNo");
        long id = Db.count(tx, "SELECT id FROM concern WHERE tracking_no = ?", no);
        assertEquals(List.of(id), found("head-qjny", q(no)));
        assertEquals(List.of(id), found("head-qjny", q(no.toLowerCase())));
        assertEquals(List.of(), found("head-shuitou", q(no)), "another station's head does not find it");
    }

    @Test
    void theTextOfAReplyIsSearchedToo() {
        long id = submit(Intake.STATION_CODE, "供暖不热" + marker);
        String head = Logins.token(client, "head-qjny");
        Map<String, Object> detail = client.retrieve(HttpRequest.GET("/api/v1/concerns/" + id).bearerAuth(head), MAP);
        client.retrieve(HttpRequest.POST("/api/v1/concerns/" + id + "/actions/reply",
                Map.of("version", detail.get("version"), "text", "已联系热力公司检修阀门")).bearerAuth(head), MAP);
        assertEquals(List.of(id), found("head-qjny", q("热力公司 " + marker)));
        assertEquals(List.of(id), found("head-qjny", q("阀门 供暖 " + marker)));
    }

    @Test
    void stateDatesAndOverdueFilterTheMatches() {
        long fresh = submit(Intake.STATION_CODE, "筛选新的" + marker);
        long old = submit(Intake.STATION_CODE, "筛选旧的" + marker);
        Instant longAgo = Instant.now().minus(40, ChronoUnit.DAYS);
        Db.sql(tx, "UPDATE concern SET created_at = ?, state = 'CLOSED', closed_at = ? WHERE id = ?",
                Timestamp.from(longAgo), Timestamp.from(longAgo), old);
        Db.sql(tx, "UPDATE concern_term SET created_at = ? WHERE concern_id = ?", Timestamp.from(longAgo), old);
        Db.sql(tx, "UPDATE concern SET first_response_due = ?, resolution_due = ? WHERE id = ?",
                Timestamp.from(Instant.now().minusSeconds(60)), Timestamp.from(Instant.now().minusSeconds(60)), fresh);
        String m = q("筛选 " + marker);
        assertEquals(List.of(fresh, old), found("head-qjny", q(marker)));
        assertEquals(List.of(fresh), found("head-qjny", m + "&state=open"));
        assertEquals(List.of(old), found("head-qjny", m + "&state=CLOSED"));
        String day = longAgo.atZone(cn.mashang.common.Times.ZONE).toLocalDate().toString();
        assertEquals(List.of(old), found("head-qjny", m + "&from=" + day + "&to=" + day));
        assertEquals(List.of(fresh), found("head-qjny", m + "&from=" + java.time.LocalDate.now(cn.mashang.common.Times.ZONE).minusDays(1)));
        assertEquals(List.of(fresh), found("head-qjny", m + "&overdue=true"));
        assertEquals(List.of(), found("head-qjny", m + "&department=" + ids.department("孝义市", "孝义市住房和城乡建设局")));
    }

    @Test
    void pagesWithTheQueueCursorNewestFirstWithoutOverlap() {
        List<Long> written = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            written.add(0, submit(Intake.STATION_CODE, "翻页" + i + marker));
        }
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, Object> page = search("head-qjny", q(marker) + "&size=2" + (cursor == null ? "" : "&cursor=" + cursor));
            list(page.get("items")).forEach(i -> seen.add(((Number) i.get("id")).longValue()));
            cursor = (String) page.get("nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(written, seen);
        assertEquals(3, pages);
    }

    @Test
    void nobodyFindsAConcernOutsideTheirScopeAndTheRegionAdminsAboveDo() {
        long here = submit(Intake.STATION_CODE, "范围检索" + marker);
        long there = submit(code(DemoIds.SHUITOU), "范围检索" + marker);
        assertEquals(List.of(here), found("liaison-qjny", q(marker)));
        assertEquals(List.of(there), found("liaison-shuitou", q(marker)));
        assertEquals(List.of(there), found("jiaokou-admin", q(marker)));
        assertEquals(List.of(), found("lishi-admin", q(marker)));
        assertEquals(List.of(there, here), found("lvliang-admin", q(marker)));
        assertEquals(List.of(here), found("lvliang-admin", q(marker) + "&region=" + ids.region("孝义市")));
        assertEquals(List.of(there), found("lvliang-admin", q(marker) + "&station=" + ids.station(DemoIds.SHUITOU)));
        assertEquals(List.of(), found("dept-xiaoyi-zhujian", q(marker)), "not referred to the department");
        for (String outsider : List.of("jiaokou-admin", "head-shuitou")) {
            HttpClientResponseException e = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                    () -> search(outsider, "station=" + ids.station(DemoIds.QJNY)));
            assertEquals(404, e.getStatus().getCode());
        }
        HttpClientResponseException e = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                () -> search("lishi-admin", "region=" + ids.region("孝义市")));
        assertEquals(404, e.getStatus().getCode());
    }

    @Test
    void aDeputyFindsTheConcernsAddressedToThemOrToNobodyButNotAnotherDeputysAtTheSameStation() {
        long deputy = Db.count(tx, "SELECT deputy_id FROM staff_account WHERE mobile = '13800000001'");
        long station = Db.count(tx, "SELECT MIN(station_id) FROM station_membership WHERE deputy_id = ? AND active = TRUE", deputy);
        long other = Db.count(tx, "SELECT MIN(deputy_id) FROM station_membership WHERE station_id = ? AND deputy_id <> ?", station, deputy);
        String code = (String) client.retrieve(HttpRequest.GET("/api/v1/stations/" + station), MAP).get("code");
        long nobodys = submit(code, "代表范围" + marker);
        long mine = submit(code, "代表范围" + marker);
        long others = submit(code, "代表范围" + marker);
        Db.sql(tx, "UPDATE concern SET deputy_id = ? WHERE id = ?", deputy, mine);
        Db.sql(tx, "UPDATE concern SET deputy_id = ? WHERE id = ?", other, others);
        assertEquals(List.of(mine, nobodys), found("13800000001", q(marker)));
    }
}
