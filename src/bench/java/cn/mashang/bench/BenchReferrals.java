package cn.mashang.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * The departments' side of the bench city (issue 18), after {@link BenchCity} loaded the concerns: one referral row
 * per concern at or through a department (open ones at the department: 1 in 4 not signed yet, so past its sign-for
 * deadline; finished ones answered an hour before they were resolved), the open concerns' sign_due/signed_at, one
 * DEPARTMENT account per department ({@code dept<id>}, the bench password) and {@code depts.txt}: the departments
 * with the most referrals open, busiest first ("dept&lt;id&gt; open").
 */
final class BenchReferrals {
    private BenchReferrals() {
    }

    static void load(Connection db, String hash, Timestamp now, Path out) throws SQLException, IOException {
        try (Statement st = db.createStatement()) {
            st.executeUpdate("""
                    INSERT INTO referral (concern_id, department_id, station_id, region_id, referred_at, share_contact,
                      sign_due, signed_at, deadline, extensions, status, ended_at)
                    SELECT c.id, c.department_id, c.station_id, c.region_id, c.department_deadline - INTERVAL 14 DAY, FALSE,
                      c.department_deadline - INTERVAL 13 DAY,
                      CASE WHEN c.state = 'REFERRED' AND MOD(c.id, 4) = 0 THEN NULL
                           ELSE c.department_deadline - INTERVAL 13 DAY - INTERVAL 5 HOUR END,
                      c.department_deadline, 0, CASE WHEN c.state = 'REFERRED' THEN 'OPEN' ELSE 'ANSWERED' END,
                      CASE WHEN c.state = 'REFERRED' THEN NULL ELSE c.resolved_at - INTERVAL 1 HOUR END
                    FROM concern c WHERE c.department_id IS NOT NULL ORDER BY c.id""");
            st.executeUpdate("""
                    UPDATE concern c JOIN referral r ON r.concern_id = c.id AND r.status = 'OPEN'
                    SET c.sign_due = r.sign_due, c.signed_at = r.signed_at""");
        }
        try (PreparedStatement ps = db.prepareStatement("""
                INSERT INTO staff_account (login_name, mobile, display_name, password_hash, role, deputy_id, station_id,
                  region_id, department_id, active, token_version, version, created_at, updated_at)
                SELECT CONCAT('dept', d.id), NULL, CONCAT(d.name, ' 承办人'), ?, 'DEPARTMENT', NULL, NULL, NULL, d.id, TRUE, 0, 0, ?, ?
                FROM department d ORDER BY d.id""")) {
            ps.setString(1, hash);
            ps.setTimestamp(2, now);
            ps.setTimestamp(3, now);
            ps.executeUpdate();
        }
        List<String> busiest = new ArrayList<>();
        long referrals;
        try (Statement st = db.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT department_id, COUNT(*) FROM referral WHERE status = 'OPEN'"
                    + " GROUP BY department_id ORDER BY COUNT(*) DESC, department_id LIMIT 200")) {
                while (rs.next()) {
                    busiest.add("dept" + rs.getLong(1) + " " + rs.getLong(2));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM referral")) {
                rs.next();
                referrals = rs.getLong(1);
            }
            st.execute("ANALYZE TABLE referral");
        }
        db.commit();
        Files.write(out.resolve("depts.txt"), busiest, StandardCharsets.UTF_8);
        System.out.printf("departments: %d referrals, %d department accounts%n", referrals, busiest.size());
    }
}
