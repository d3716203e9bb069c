package cn.mashang.dashboard;

import cn.mashang.auth.DemoIds;
import cn.mashang.auth.Logins;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static cn.mashang.Http.MAP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fixed, seeded dataset of 400 concerns over eight months at one station: the station dashboard merged from the
 * station-day aggregates equals the exact computation over the concerns ({@link ExactStationFigures}) — totals,
 * per deputy, per category, by state, series, medians and P90 — whether the days are built, dirty or never built.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StationDayAggregatesTest implements TestPropertyProvider {
    static final Instant NOW = ConcernFixture.at("2026-06-15T10:00:00");
    static final String[] PERIODS = {"from=2026-03-17&to=2026-06-15", "from=2025-07-01&to=2026-06-15&by=month",
            "from=2026-06-08&to=2026-06-15", "from=2026-04-01&to=2026-04-30&by=week"};

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    JdbcOperations jdbc;
    @Inject
    DemoIds ids;
    @Inject
    ConcernFacts facts;
    @Inject
    StationDays days;
    @Inject
    StationDayStore store;
    @Inject
    RollupJob job;
    @Inject
    ObjectMapper json;
    @Inject
    io.micronaut.context.event.ApplicationEventPublisher<cn.mashang.sla.SlaInputsChanged> changed;
    @Inject
    io.micronaut.transaction.TransactionOperations<java.sql.Connection> tx;

    long station;
    final List<Long> concerns = new ArrayList<>();

    @MockBean(Clock.class)
    Clock clock() {
        return Clock.fixed(NOW, ConcernFixture.CN);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of("dashboard.rollup.enabled", "false", "sla.overdue.enabled", "false");
    }

    @BeforeAll
    void dataset() {
        station = ids.station(DemoIds.HEPING);
        Long[] deputies = {ids.deputy("吴秀英"), ids.deputy("王建华"), ids.deputy("高鹏飞"), null};
        String[] categories = {"基础设施", "停车出行", "环境卫生"};
        String[] ratings = {"SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED", null};
        Random rnd = new Random(21);
        LocalDateTime first = LocalDateTime.parse("2025-10-20T08:00:00");
        LocalDateTime now = LocalDateTime.parse("2026-06-15T10:00:00");
        ConcernFixture fx = new ConcernFixture(jdbc);
        tx.executeWrite(s -> {
            for (int i = 0; i < 400; i++) {
                LocalDateTime created = first.plusMinutes(rnd.nextInt(238 * 24 * 60));
                ConcernFixture.C c = fx.concern(station, created.toString()).category(categories[rnd.nextInt(3)]);
                Long deputy = deputies[rnd.nextInt(4)];
                if (deputy != null) {
                    c.assignee(deputy);
                }
                LocalDateTime answered = created.plusMinutes(rnd.nextInt(6 * 24 * 60));
                LocalDateTime resolved = answered.plusMinutes(rnd.nextInt(25 * 24 * 60));
                LocalDateTime closed = resolved.plusMinutes(rnd.nextInt(5 * 24 * 60));
                int kind = rnd.nextInt(10);
                if (kind == 0) {
                    c.state("REJECTED").firstResponse(answered.toString());
                } else if (kind <= 2 || answered.isAfter(now)) {
                    c.state(rnd.nextBoolean() ? "SUBMITTED" : "ACCEPTED");
                } else if (kind == 3 || resolved.isAfter(now)) {
                    c.state(rnd.nextBoolean() ? "ANSWERED" : "REOPENED").firstResponse(answered.toString()).reopens(kind == 3 ? 1 : 0);
                } else if (kind <= 5 || closed.isAfter(now)) {
                    c.state("RESOLVED").firstResponse(answered.toString()).resolved(resolved.toString());
                } else {
                    c.state("CLOSED").firstResponse(answered.toString()).resolved(resolved.toString()).closed(closed.toString())
                            .rating(ratings[rnd.nextInt(4)]);
                }
                concerns.add(c.insert());
            }
            return null;
        });
    }

    @Test
    void aStationNeverBuiltIsComputedFromItsConcernsAndEqualsTheExactFigures() {
        tx.executeWrite(s -> jdbc.prepareStatement("DELETE FROM dash_day", java.sql.PreparedStatement::executeUpdate));
        long before = days.liveRows.get();
        assertAllPeriodsEqualTheOracle();
        assertTrue(days.liveRows.get() > before, "days never built are read from their concerns");
    }

    @Test
    void builtDaysEqualTheExactFiguresAndReadNoConcern() {
        buildEverything();
        long before = days.liveRows.get();
        assertAllPeriodsEqualTheOracle();
        assertEquals(before, days.liveRows.get(), "no concern row read for built days");
    }

    @Test
    void aDayChangedSinceItWasBuiltIsReadFromItsConcernsUntilTheJobRebuildsIt() {
        buildEverything();
        long id = concerns.get(7);
        Instant created = tx.executeWrite(s -> {
            jdbc.prepareStatement("UPDATE concern SET state = 'CLOSED', first_response_at = COALESCE(first_response_at, created_at),"
                    + " resolved_at = ?, closed_at = ?, rating = 'SATISFIED' WHERE id = ?", ps -> {
                ps.setTimestamp(1, java.sql.Timestamp.from(NOW.minusSeconds(3600)));
                ps.setTimestamp(2, java.sql.Timestamp.from(NOW.minusSeconds(600)));
                ps.setLong(3, id);
                return ps.executeUpdate();
            });
            Instant at = jdbc.prepareStatement("SELECT created_at FROM concern WHERE id = ?", ps -> {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getTimestamp(1).toInstant();
                }
            });
            store.mark(station, StationDay.day(at), -id); // what the ConcernChanged listener writes with the event
            return at;
        });
        long before = days.liveRows.get();
        assertAllPeriodsEqualTheOracle();
        assertTrue(days.liveRows.get() > before, "the dirty day " + StationDay.day(created) + " is read from its concerns");

        assertTrue(job.runOnce(NOW) > 0);
        assertEquals(java.util.Set.of(StationDay.day(created)),
                tx.executeRead(s -> store.fresh(station, StationDay.day(created), StationDay.day(created))));
        long after = days.liveRows.get();
        assertAllPeriodsEqualTheOracle();
        assertEquals(after, days.liveRows.get(), "rebuilt by the job: nothing read from concerns");
    }

    @Test
    void onePassRebuildsMoreDirtyMarksThanOneBatchHolds() {
        buildEverything();
        tx.executeWrite(s -> {
            for (int i = 0; i < 650; i++) {   // the default batch is 500 marks; these group into three days
                store.mark(station, LocalDate.of(2026, 6, 12 + i % 3), -100_000L - i);
            }
            return null;
        });
        job.runOnce(NOW);
        long left = tx.executeRead(s -> jdbc.prepareStatement("SELECT COUNT(*) FROM dash_day_dirty", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
        assertEquals(0, left, "dirty marks left after one pass");
    }

    @Test
    void aRuleOrCalendarChangeDropsTheBuiltDaysSoTheFiguresStayExact() {
        buildEverything();
        changed.publishEvent(new cn.mashang.sla.SlaInputsChanged("calendar"));
        assertEquals(java.util.Set.of(), tx.executeRead(s -> store.fresh(station, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 6, 15))));
        long before = days.liveRows.get();
        assertAllPeriodsEqualTheOracle();
        assertTrue(days.liveRows.get() > before, "stale days are read from their concerns");
    }

    private void buildEverything() {
        tx.executeWrite(s -> days.rebuildAll(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 6, 15), NOW));
        job.runOnce(NOW); // the demo's own concerns were written with events: their days are dirty until a pass
    }

    private void assertAllPeriodsEqualTheOracle() {
        BlockingHttpClient client = http.toBlocking();
        String token = Logins.token(client, "head-heping");
        for (String q : PERIODS) {
            Map<String, Object> got = client.retrieve(HttpRequest.GET("/api/v1/stations/" + station + "/dashboard?" + q).bearerAuth(token), MAP);
            Period period = Period.parse(param(q, "from"), param(q, "to"), LocalDate.of(2026, 6, 15), 90);
            String by = param(q, "by") == null ? (q.contains("2025-07") ? "month" : "week") : param(q, "by");
            ExactStationFigures.Result exact = tx.executeRead(s -> ExactStationFigures.of(facts, station, period, by, NOW));
            assertEquals(tree(exact.totals()), got.get("totals"), q);
            assertEquals(tree(exact.byState()), got.get("byState"), q);
            assertEquals(tree(exact.series()), got.get("series"), q);
            Map<Object, Object> deputies = new LinkedHashMap<>();
            for (Object row : (List<?>) got.get("deputies")) {
                Map<?, ?> r = (Map<?, ?>) row;
                if (((Number) ((Map<?, ?>) r.get("figures")).get("received")).longValue() > 0) {
                    deputies.put(r.get("deputyId") == null ? -1L : ((Number) r.get("deputyId")).longValue(), r.get("figures"));
                }
            }
            Map<Object, Object> expected = new LinkedHashMap<>();
            exact.deputies().forEach((k, v) -> expected.put(k, tree(v)));
            assertEquals(expected, deputies, q);
            Map<Object, Object> categories = new LinkedHashMap<>();
            for (Object row : (List<?>) got.get("categories")) {
                categories.put(((Map<?, ?>) row).get("category"), ((Map<?, ?>) row).get("figures"));
            }
            Map<Object, Object> cats = new LinkedHashMap<>();
            exact.categories().forEach((k, v) -> cats.put(k, tree(v)));
            assertEquals(cats, categories, q);
            assertTrue(((Number) ((Map<?, ?>) got.get("totals")).get("received")).longValue() > 0, q);
        }
    }

    private Object tree(Object value) {
        try {
            return json.readValue(json.writeValueAsString(value), Object.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String param(String q, String name) {
        for (String kv : q.split("&")) {
            if (kv.startsWith(name + "=")) {
                return kv.substring(name.length() + 1);
            }
        }
        return null;
    }
}
