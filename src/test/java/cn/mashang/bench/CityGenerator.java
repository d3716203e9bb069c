package cn.mashang.bench;

import io.micronaut.context.ApplicationContext;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Fills an EMPTY MySQL/MariaDB database with a synthetic city for benchmarks: 1 city, 13 counties, 12 townships
 * each, S stations spread over the townships, D deputies (each a member of one station, assigned its concerns),
 * and C concerns received uniformly over the 365 days before now, with realistic timelines (3% rejected; first
 * response after ~1 working day; 90% of those older than 20 days resolved after ~8 days, some late; 70% of the
 * resolved rated 60/25/15% 满意/基本满意/不满意, 5% of 不满意 reopened; the rest open) and their timeline events
 * (SUBMITTED, ACCEPTED, RESOLVED). Deterministic (seed 7). Runs the Flyway migrations first (through the app
 * context, demo data off). Multi-row batched INSERTs with rewriteBatchedStatements.
 *
 * <pre>
 * mariadb -uroot -e "CREATE DATABASE mashang_t_dash_bench CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
 * ./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) cn.mashang.bench.CityGenerator \
 *   'jdbc:mysql://127.0.0.1:3306/mashang_t_dash_bench?user=root&amp;connectionTimeZone=UTC&amp;forceConnectionTimeZoneToSession=true&amp;rewriteBatchedStatements=true' \
 *   2000 10000 1000000
 * </pre>
 * Arguments: jdbc url (with user/password parameters), stations, deputies, concerns.
 */
public final class CityGenerator {
    static final String[] CATEGORIES = {"基础设施", "生活环境", "停车出行", "供暖供气", "教育医疗", "企业发展", "政策咨询", "其他"};

    private CityGenerator() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: CityGenerator <jdbc url> <stations> <deputies> <concerns>");
            System.exit(2);
        }
        String url = args[0];
        int stations = Integer.parseInt(args[1]);
        int deputies = Integer.parseInt(args[2]);
        int concerns = Integer.parseInt(args[3]);
        migrate(url);
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            new CityGenerator().generate(c, stations, deputies, concerns, Instant.now());
        }
        System.out.printf("generated %d stations, %d deputies, %d concerns in %.1f s%n", stations, deputies, concerns,
                (System.nanoTime() - t0) / 1e9);
    }

    /** Runs the Flyway migrations on the database (no demo data). */
    static void migrate(String url) {
        try (ApplicationContext ctx = ApplicationContext.builder().deduceEnvironment(false)
                .properties(Map.of("datasources.default.url", url, "datasources.default.driver-class-name", "com.mysql.cj.jdbc.Driver",
                        "datasources.default.username", System.getProperty("bench.user", "root"), "datasources.default.password", System.getProperty("bench.password", ""),
                        "demo.enabled", false, "micronaut.server.port", -1))
                .start()) {
            System.out.println("schema migrated");
        }
    }

    void generate(Connection c, int nStations, int nDeputies, int nConcerns, Instant now) throws Exception {
        Random rnd = new Random(7);
        Timestamp ts = Timestamp.from(now);
        // regions
        long city = insertRegion(c, null, "基准市", "CITY", "/", ts);
        List<Long> townships = new ArrayList<>();
        List<String> townshipPaths = new ArrayList<>();
        for (int k = 1; k <= 13; k++) {
            long county = insertRegion(c, city, "第" + k + "县", "COUNTY", "/" + city + "/", ts);
            for (int t = 1; t <= 12; t++) {
                String parentPath = "/" + city + "/" + county + "/";
                long town = insertRegion(c, county, "第" + k + "县第" + t + "镇", "TOWNSHIP", parentPath, ts);
                townships.add(town);
                townshipPaths.add(parentPath + town + "/");
            }
        }
        c.commit();
        // stations
        long[] stationIds = new long[nStations];
        long[] stationRegion = new long[nStations];
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO station (region_id, name, kind, type, address, active, version, created_at, updated_at)"
                + " VALUES (?, ?, 'STATION', 'REGIONAL', '基准地址', TRUE, 0, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < nStations; i++) {
                stationRegion[i] = townships.get(i % townships.size());
                ps.setLong(1, stationRegion[i]);
                ps.setString(2, "基准联络站" + (i + 1));
                ps.setTimestamp(3, ts);
                ps.setTimestamp(4, ts);
                ps.addBatch();
            }
            ps.executeBatch();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                for (int i = 0; rs.next(); i++) {
                    stationIds[i] = rs.getLong(1);
                }
            }
        }
        c.commit();
        // deputies + memberships
        long[] deputyIds = new long[nDeputies];
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO deputy (name, levels, active, version, created_at, updated_at)"
                + " VALUES (?, 'TOWNSHIP', TRUE, 0, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < nDeputies; i++) {
                ps.setString(1, "代表" + (i + 1));
                ps.setTimestamp(2, ts);
                ps.setTimestamp(3, ts);
                ps.addBatch();
            }
            ps.executeBatch();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                for (int i = 0; rs.next(); i++) {
                    deputyIds[i] = rs.getLong(1);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO station_membership (station_id, deputy_id, role, active, created_at) VALUES (?, ?, 'RESIDENT', TRUE, ?)")) {
            for (int i = 0; i < nDeputies; i++) {
                ps.setLong(1, stationIds[i % nStations]);
                ps.setLong(2, deputyIds[i]);
                ps.setTimestamp(3, ts);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        c.commit();
        long firstId;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM concern")) {
            rs.next();
            firstId = rs.getLong(1) + 1;
        }
        int perStationDeputies = Math.max(1, nDeputies / nStations);
        String concernSql = "INSERT INTO concern (id, tracking_no, tracking_key_hash, station_id, region_id, channel, category, content,"
                + " state, assignee_deputy_id, rating, rated_at, reopen_count, first_response_at, resolved_at, closed_at, mobile_masked,"
                + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'STATION_CODE', ?, '基准诉求内容', ?, ?, ?, ?, ?, ?, ?, ?, '138****0000', ?, ?)";
        String eventSql = "INSERT INTO concern_event (concern_id, type, actor_type, from_state, to_state, is_public, created_at) VALUES (?, ?, ?, ?, ?, TRUE, ?)";
        String hash = "0".repeat(64);
        long yearMillis = Duration.ofDays(365).toMillis();
        try (PreparedStatement pc = c.prepareStatement(concernSql); PreparedStatement pe = c.prepareStatement(eventSql)) {
            for (int i = 0; i < nConcerns; i++) {
                long id = firstId + i;
                int st = Math.floorMod((int) (Math.abs(rnd.nextGaussian() * 0.35 + 0.5) * nStations), nStations);
                st = rnd.nextInt(4) == 0 ? rnd.nextInt(nStations) : st; // some stations busier than others
                Instant created = now.minusMillis((long) (rnd.nextDouble() * yearMillis));
                String category = CATEGORIES[rnd.nextInt(CATEGORIES.length)];
                long deputy = deputyIds[(st + nStations * rnd.nextInt(perStationDeputies)) % nDeputies];
                boolean assigned = rnd.nextInt(10) != 0;
                long ageH = Duration.between(created, now).toHours();
                String state;
                Instant fr = null, res = null, closed = null, ratedAt = null;
                String rating = null;
                int reopens = 0;
                if (rnd.nextInt(100) < 3) {
                    state = "REJECTED";
                    fr = created.plus(Duration.ofHours(2 + rnd.nextInt(30)));
                    assigned = false;
                } else {
                    long frH = (long) (-Math.log(1 - rnd.nextDouble()) * 30);
                    if (frH < ageH) {
                        fr = created.plus(Duration.ofHours(frH)).plusSeconds(rnd.nextInt(3600));
                    }
                    long resH = (long) (24 * (3 + Math.abs(rnd.nextGaussian() * 8)));
                    if (fr != null && resH < ageH && rnd.nextInt(10) != 0 && resH > frH) {
                        res = created.plus(Duration.ofHours(resH));
                        state = "RESOLVED";
                        if (rnd.nextInt(10) < 7 && Duration.between(res, now).toHours() > 48) {
                            int r = rnd.nextInt(100);
                            rating = r < 60 ? "SATISFIED" : r < 85 ? "BASICALLY_SATISFIED" : "DISSATISFIED";
                            ratedAt = res.plus(Duration.ofHours(1 + rnd.nextInt(40)));
                            closed = ratedAt;
                            state = "CLOSED";
                            if ("DISSATISFIED".equals(rating) && rnd.nextInt(20) == 0) {
                                state = "ACCEPTED";
                                reopens = 1;
                                closed = null;
                            }
                        }
                    } else {
                        state = fr == null ? "SUBMITTED" : (rnd.nextInt(3) == 0 ? "REFERRED" : "ACCEPTED");
                    }
                }
                pc.setLong(1, id);
                pc.setString(2, "BN-" + id);
                pc.setString(3, hash);
                pc.setLong(4, stationIds[st]);
                pc.setLong(5, stationRegion[st]);
                pc.setString(6, category);
                pc.setString(7, state);
                if (assigned) {
                    pc.setLong(8, deputy);
                } else {
                    pc.setNull(8, Types.BIGINT);
                }
                pc.setString(9, rating);
                setTs(pc, 10, ratedAt);
                pc.setInt(11, reopens);
                setTs(pc, 12, fr);
                setTs(pc, 13, res);
                setTs(pc, 14, closed);
                pc.setTimestamp(15, Timestamp.from(created));
                pc.setTimestamp(16, Timestamp.from(closed != null ? closed : res != null ? res : fr != null ? fr : created));
                pc.addBatch();
                event(pe, id, "SUBMITTED", "RESIDENT", null, "SUBMITTED", created);
                if (fr != null) {
                    event(pe, id, "REJECTED".equals(state) ? "REJECTED" : "ACCEPTED", "STAFF", "SUBMITTED",
                            "REJECTED".equals(state) ? "REJECTED" : "ACCEPTED", fr);
                }
                if (res != null) {
                    event(pe, id, "RESOLVED", "STAFF", "ACCEPTED", "RESOLVED", res);
                }
                if ((i + 1) % 2000 == 0 || i == nConcerns - 1) {
                    pc.executeBatch();
                    pe.executeBatch();
                    c.commit();
                    if ((i + 1) % 100_000 == 0) {
                        System.out.printf("  %d concerns%n", i + 1);
                    }
                }
            }
        }
    }

    private static void event(PreparedStatement pe, long id, String type, String actor, String from, String to, Instant at) throws Exception {
        pe.setLong(1, id);
        pe.setString(2, type);
        pe.setString(3, actor);
        pe.setString(4, from);
        pe.setString(5, to);
        pe.setTimestamp(6, Timestamp.from(at));
        pe.addBatch();
    }

    private static void setTs(PreparedStatement ps, int i, Instant t) throws Exception {
        if (t == null) {
            ps.setNull(i, Types.TIMESTAMP);
        } else {
            ps.setTimestamp(i, Timestamp.from(t));
        }
    }

    private static long insertRegion(Connection c, Long parent, String name, String level, String parentPath, Timestamp ts) throws Exception {
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO region (parent_id, name, level, path, sort_order, active, created_at, updated_at)"
                + " VALUES (?, ?, ?, '/', 0, TRUE, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            if (parent == null) {
                ps.setNull(1, Types.BIGINT);
            } else {
                ps.setLong(1, parent);
            }
            ps.setString(2, name);
            ps.setString(3, level);
            ps.setTimestamp(4, ts);
            ps.setTimestamp(5, ts);
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE region SET path = ? WHERE id = ?")) {
            ps.setString(1, parentPath + id + "/");
            ps.setLong(2, id);
            ps.executeUpdate();
        }
        return id;
    }
}
