package cn.mashang.region;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** V85 on a database that already holds a city tree: 山西省 becomes its parent and every path gets its prefix. */
class ProvinceMigrationTest {
    static final String URL = "jdbc:h2:mem:province_migration;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
            + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";

    @Test
    void anExistingCityTreeIsPlacedUnderShanxiWithItsPathsPrefixed() throws SQLException {
        String previous = java.util.Arrays.stream(Flyway.configure().dataSource(URL, "sa", "")
                        .locations("classpath:db/migration").load().info().all())
                .map(m -> m.getVersion()).filter(v -> v != null && !v.isAtLeast("85"))
                .max(org.flywaydb.core.api.MigrationVersion::compareTo)
                .orElseThrow().getVersion();
        Flyway before = Flyway.configure().dataSource(URL, "sa", "").cleanDisabled(false)
                .locations("classpath:db/migration").target(previous).load();
        before.clean();
        before.migrate();
        try (Connection c = DriverManager.getConnection(URL, "sa", ""); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO region (id, parent_id, name, level, path, created_at, updated_at) VALUES "
                    + "(1, NULL, '吕梁市', 'CITY', '/1/', NOW(), NOW()), (2, 1, '交口县', 'COUNTY', '/1/2/', NOW(), NOW()), "
                    + "(3, 2, '水头镇', 'TOWNSHIP', '/1/2/3/', NOW(), NOW())");
        }
        Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration").load().migrate();
        Map<String, String> paths = new LinkedHashMap<>();
        long province = 0;
        try (Connection c = DriverManager.getConnection(URL, "sa", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name, level, path, parent_id, id FROM region ORDER BY id")) {
            while (rs.next()) {
                paths.put(rs.getString(1), rs.getString(2) + " " + rs.getString(3) + " " + rs.getLong(4));
                province = "PROVINCE".equals(rs.getString(2)) ? rs.getLong(5) : province;
            }
        }
        assertEquals(Map.of(
                "吕梁市", "CITY /" + province + "/1/ " + province,
                "交口县", "COUNTY /" + province + "/1/2/ 1",
                "水头镇", "TOWNSHIP /" + province + "/1/2/3/ 2",
                "山西省", "PROVINCE /" + province + "/ 0"), paths);
    }
}
