package cn.mashang.concern;

import cn.mashang.calendar.WorkingCalendar;
import io.micronaut.transaction.TransactionOperations;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The department figures counted one referral row at a time, as their first version did — the reference the
 * database aggregate of {@code DepartmentFigures} must equal (issue 21: a city's year of referrals read as rows
 * filled a replica's heap).
 */
final class DepartmentFiguresByRow {
    private DepartmentFiguresByRow() {
    }

    /** The figures as the first version counted them: every referral row, its working days to answer sorted. */
    static Map<Long, Map<String, Object>> of(TransactionOperations<Connection> tx, WorkingCalendar calendar, Instant now) {
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
