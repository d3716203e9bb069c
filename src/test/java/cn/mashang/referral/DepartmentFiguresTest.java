package cn.mashang.referral;

import cn.mashang.Http;
import cn.mashang.auth.DemoIds;
import cn.mashang.auth.Logins;
import cn.mashang.calendar.WorkingCalendar;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The department figures are aggregated in the database (issue 21: a city's year of referrals read as rows filled
 * a replica's heap); they must equal the figures counted one referral at a time from every row, as before.
 */
@MicronautTest(transactional = false)
class DepartmentFiguresTest {
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    DemoIds ids;
    @Inject
    WorkingCalendar calendar;

    @Test
    void theCityDepartmentFiguresEqualTheFiguresCountedFromEveryReferralRow() {
        BlockingHttpClient client = http.toBlocking();
        List<Map<String, Object>> rows = client.retrieve(HttpRequest.GET("/api/v1/regions/" + ids.region("吕梁市")
                + "/departments").bearerAuth(Logins.token(client, "lvliang-admin")), Http.LIST);
        Map<Long, Map<String, Object>> expected = fromEveryRow(Instant.now());
        int compared = 0;
        for (Map<String, Object> row : rows) {
            long id = ((Number) row.get("departmentId")).longValue();
            Map<String, Object> want = expected.getOrDefault(id, Map.of("referrals", 0, "open", 0, "openOverdue", 0,
                    "signedOnTime", 0, "answered", 0, "answeredOnTime", 0, "returned", 0, "extensions", 0));
            for (var e : want.entrySet()) {
                Object got = row.get(e.getKey());
                assertEquals(e.getValue(), got instanceof Number n && e.getValue() instanceof Integer ? n.intValue() : got,
                        row.get("name") + " " + e.getKey());
            }
            compared += ((Number) row.get("answered")).intValue() > 0 ? 1 : 0;
        }
        assertTrue(compared >= 2, "departments with answered referrals in the demo city: " + compared);
    }

    /** The figures as the first version counted them: every referral row, its working days to answer sorted. */
    private Map<Long, Map<String, Object>> fromEveryRow(Instant now) {
        Map<Long, int[]> counts = new HashMap<>();
        Map<Long, List<Double>> days = new HashMap<>();
        tx.executeRead(s -> {
            try (var ps = s.getConnection().prepareStatement("SELECT department_id, status, referred_at, sign_due, "
                    + "signed_at, deadline, ended_at, extensions FROM referral"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int[] c = counts.computeIfAbsent(rs.getLong(1), k -> new int[8]);
                    String status = rs.getString(2);
                    Instant signDue = rs.getTimestamp(4).toInstant();
                    Timestamp signed = rs.getTimestamp(5);
                    Instant deadline = rs.getTimestamp(6).toInstant();
                    c[0]++;
                    c[7] += rs.getInt(8);
                    if (signed != null && !signed.toInstant().isAfter(signDue)) {
                        c[3]++;
                    }
                    switch (status) {
                        case "OPEN" -> {
                            c[1]++;
                            if (now.isAfter(deadline) || signed == null && now.isAfter(signDue)) {
                                c[2]++;
                            }
                        }
                        case "ANSWERED" -> {
                            c[4]++;
                            Instant ended = rs.getTimestamp(7).toInstant();
                            if (!ended.isAfter(deadline)) {
                                c[5]++;
                            }
                            days.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                                    .add(calendar.workingDaysBetween(rs.getTimestamp(3).toInstant(), ended));
                        }
                        case "RETURNED" -> c[6]++;
                        default -> {
                        }
                    }
                }
            }
            return null;
        });
        Map<Long, Map<String, Object>> out = new HashMap<>();
        counts.forEach((dept, c) -> {
            List<Double> d = days.getOrDefault(dept, new ArrayList<>());
            d.sort(Double::compare);
            Map<String, Object> m = new HashMap<>(Map.of("referrals", c[0], "open", c[1], "openOverdue", c[2],
                    "signedOnTime", c[3], "answered", c[4], "answeredOnTime", c[5], "returned", c[6], "extensions", c[7]));
            m.put("medianDaysToAnswer", quantile(d, 0.5));
            m.put("p90DaysToAnswer", quantile(d, 0.9));
            m.put("answeredOnTimeRate", Math.round(1000.0 * c[5] / c[0]) / 1000.0);
            out.put(dept, m);
        });
        return out;
    }

    private static Double quantile(List<Double> sorted, double q) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(q * sorted.size());
        return Math.round(sorted.get(Math.max(0, rank - 1)) * 10) / 10.0;
    }
}
