package cn.mashang.dashboard;

import cn.mashang.Db;
import cn.mashang.auth.DemoIds;
import cn.mashang.auth.Logins;
import cn.mashang.concern.ConcernState;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static cn.mashang.Http.get;
import static cn.mashang.Http.list;
import static cn.mashang.Http.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The honesty rules of issue 18 over the HTTP API, on 交口县's three stations and departments: a small sample is
 * marked, rankings need a minimum count and never put unanswered work above answered work, an auto-closed concern
 * nobody rated has its own label and stays out of the satisfaction rate.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HonestFiguresTest {
    static final String SHUITOU = "交口县水头片区人大代表联络站";
    static final String TAOHONGPO = "交口县桃红坡片区人大代表联络站";
    static final String HUILONG = "交口县回龙片区人大代表联络站";
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    JdbcOperations jdbc;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    DemoIds ids;
    @Inject
    RollupJob rollup;
    BlockingHttpClient client;
    ConcernFixture fx;
    String from;
    String to;
    String days40;

    @BeforeAll
    void dataset() {
        client = http.toBlocking();
        fx = new ConcernFixture(jdbc);
        LocalDate today = LocalDate.now(ConcernFixture.CN);
        from = today.minusMonths(3).withDayOfMonth(1).toString();
        to = today.toString();
        days40 = local(today.minusDays(40), 9);
        // 水头: one concern, resolved the next day (100% on time from one concern); one auto-closed, unrated
        tx.executeWrite(s -> {
            fx.concern(ids.station(SHUITOU), days40).state("CLOSED").firstResponse(local(today.minusDays(40), 11))
                    .resolved(local(today.minusDays(39), 9)).closed(local(today.minusDays(30), 9)).rating("SATISFIED").insert();
            fx.concern(ids.station(SHUITOU), days40).state("CLOSED").firstResponse(local(today.minusDays(40), 11))
                    .resolved(local(today.minusDays(39), 10)).closed(local(today.minusDays(25), 9)).insert();
            // 桃红坡: 35 received, nothing answered, all long past every deadline
            for (int i = 0; i < 35; i++) {
                fx.concern(ids.station(TAOHONGPO), days40).insert();
            }
            // 回龙: 6 resolved, all late (after the 15 working days)
            for (int i = 0; i < 6; i++) {
                fx.concern(ids.station(HUILONG), days40).state("RESOLVED").firstResponse(local(today.minusDays(39), 9))
                        .resolved(local(today.minusDays(5), 9)).insert();
            }
            return null;
        });
        referrals();
        rollup.rebuild(today.minusMonths(3).withDayOfMonth(1), today.withDayOfMonth(1), Instant.now());
    }

    static String local(LocalDate d, int hour) {
        return LocalDateTime.of(d, java.time.LocalTime.of(hour, 0)).toString();
    }

    Map<String, Object> station(String name) {
        return get(client, "/api/v1/stations/" + ids.station(name) + "/dashboard?from=" + from + "&to=" + to,
                Logins.token(client, "jiaokou-admin"));
    }

    Map<String, Object> region() {
        return get(client, "/api/v1/regions/" + ids.region("交口县") + "/dashboard?from=" + from + "&to=" + to,
                Logins.token(client, "jiaokou-admin"));
    }

    @Test
    void aStationWithTwoConcernsShowsItsRatesWithTheSmallSampleMark() {
        Map<String, Object> d = station(SHUITOU);
        assertEquals(1.0, ((Number) map(d.get("totals")).get("onTimeRate")).doubleValue());
        assertEquals(true, d.get("fewSamples"));
        assertEquals(false, station(TAOHONGPO).get("fewSamples"));
        Map<String, Object> row = ranking().stream().filter(r -> SHUITOU.equals(r.get("name"))).findFirst().orElseThrow();
        assertEquals(true, row.get("fewSamples"));
        assertEquals(ranking().size() - 1, ranking().indexOf(row), "small samples come after the ranked stations");
    }

    List<Map<String, Object>> ranking() {
        return list(region().get("ranking"));
    }

    @Test
    void aStationWithThirtyFiveReceivedAndNoneAnsweredRanksBelowAStationThatAnsweredLate() {
        List<String> names = ranking().stream().map(r -> (String) r.get("name")).toList();
        assertTrue(names.indexOf(HUILONG) < names.indexOf(TAOHONGPO), names.toString());
        assertEquals(35L, ((Number) map(ranking().get(names.indexOf(TAOHONGPO)).get("figures")).get("received")).longValue());
    }

    @Test
    void anAutoClosedConcernNobodyRatedHasItsOwnLabelAndStaysOutOfTheSatisfactionRate() {
        Map<String, Object> d = station(SHUITOU);
        Map<String, Object> byState = map(d.get("byState"));
        assertEquals(1L, ((Number) byState.get("CLOSED")).longValue());
        assertEquals(1L, ((Number) byState.get(ConcernState.CLOSED_UNRATED_KEY)).longValue());
        Map<String, Object> totals = map(d.get("totals"));
        assertEquals(1L, ((Number) totals.get("rated")).longValue());
        assertEquals(1.0, ((Number) totals.get("satisfactionRate")).doubleValue());
        List<Map<String, Object>> closed = list(get(client, "/api/v1/stations/" + ids.station(SHUITOU)
                + "/queue?state=CLOSED", Logins.token(client, "liaison-shuitou")).get("items"));
        assertEquals(java.util.Set.of("已评价", ConcernState.CLOSED_UNRATED),
                closed.stream().map(i -> (String) i.get("stateLabel")).collect(java.util.stream.Collectors.toSet()));
    }

    /** 交通局: six referrals held, none answered; 住建局: six answered, all late; 教育局: one, answered on time. */
    private void referrals() {
        long waiting = ids.department("交口县", "交口县交通运输局");
        long late = ids.department("交口县", "交口县住房和城乡建设局");
        long one = ids.department("交口县", "交口县教育局");
        Instant now = Instant.now();
        Instant referred = now.minus(Duration.ofDays(30));
        for (int i = 0; i < 6; i++) {
            refer(waiting, referred, now.plus(Duration.ofDays(5)), "OPEN", null);     // held, not answered yet
            refer(late, referred, referred.plus(Duration.ofDays(14)), "ANSWERED", referred.plus(Duration.ofDays(20)));
        }
        refer(one, referred, referred.plus(Duration.ofDays(14)), "ANSWERED", referred.plus(Duration.ofDays(2)));
    }

    @Test
    void theDepartmentRankingNeedsAMinimumCountAndPutsAnsweredWorkFirst() {
        List<Map<String, Object>> depts = list(region().get("departments"));
        List<String> names = depts.stream().map(r -> (String) r.get("name")).toList();
        assertTrue(names.indexOf("交口县住房和城乡建设局") < names.indexOf("交口县交通运输局"), names.toString());
        Map<String, Object> small = depts.get(names.indexOf("交口县教育局"));
        assertEquals(true, small.get("fewSamples"));
        assertNull(small.get("rank"));
        assertEquals(1, ((Number) depts.get(names.indexOf("交口县住房和城乡建设局")).get("rank")).intValue());
        String csv = client.retrieve(io.micronaut.http.HttpRequest.GET("/api/v1/regions/" + ids.region("交口县")
                + "/dashboard.csv?table=departments").bearerAuth(Logins.token(client, "jiaokou-admin")), String.class);
        assertTrue(csv.contains("排名,部门,交办") && csv.contains("样本少"), csv);
    }

    /** A referral of a new concern of 和平 (a station none of the station rules looks at) to the department. */
    private void refer(long department, Instant at, Instant deadline, String status, Instant ended) {
        long concern = tx.executeWrite(s -> fx.concern(ids.station(DemoIds.HEPING), days40).state("REFERRED").insert());
        Db.sql(tx, "INSERT INTO referral (concern_id, department_id, station_id, region_id, referred_at, share_contact,"
                        + " sign_due, signed_at, deadline, extensions, status, ended_at) VALUES (?, ?, ?, ?, ?, FALSE, ?, ?, ?, 0, ?, ?)",
                concern, department, ids.station(DemoIds.HEPING),
                Db.count(tx, "SELECT region_id FROM station WHERE id = ?", ids.station(DemoIds.HEPING)), Timestamp.from(at),
                Timestamp.from(at.plus(Duration.ofDays(1))), Timestamp.from(at.plus(Duration.ofHours(3))),
                Timestamp.from(deadline), status, ended == null ? null : Timestamp.from(ended));
    }
}
