package cn.mashang.bench;

import at.favre.lib.crypto.bcrypt.BCrypt;
import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * The benchmark city, loaded straight into an empty MySQL/MariaDB database (Flyway-migrated here first):
 * one city, its counties and townships, S stations (1 in 5 an industry station), D deputies (each in one station,
 * 1 in 10 also in a second: 双进站), a station code per station and a deputy code per membership, staff accounts
 * (one head and one liaison per station, one DEPUTY account per deputy, city and county admins; all with the
 * password {@link #PASSWORD}, one bcrypt hash), departments, and C concerns spread over the last 365 days with
 * a skewed load per station and timelines that match their state (older concerns mostly closed and rated,
 * recent ones open; a few referrals past their deadline). Deterministic for a given seed.
 *
 * <p>Writes {@code codes.txt} (active codes, station codes first), {@code deputies.txt} (login names of
 * deputies with the longest queues), {@code heads.txt} (head login and station id, busiest stations first) and
 * {@code city.properties} (sizes, for the harness's "already generated" check) into the output directory;
 * {@link BenchReferrals} adds the referral rows, department accounts and {@code depts.txt}.
 *
 * <pre>java -cp … cn.mashang.bench.BenchCity jdbc:mysql://127.0.0.1:3306/mashang_bench root '' 2000 10000 1000000 target/bench</pre>
 *
 * A last argument {@code --province} puts the city under 山西省 and adds 大同市 at its reported size ({@link BenchProvince}).
 *
 * The dashboards' benchmark ({@code cn.mashang.dashboard.DashBench}) runs on the same city.
 */
public final class BenchCity {
    public static final String PASSWORD = "Bench-Passw0rd!";
    static final String ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String[] CATEGORIES = {"基础设施", "生活环境", "停车出行", "供暖供气", "教育医疗", "企业发展", "政策咨询", "其他"};
    static final String[] TOPICS = {"小区路灯不亮，晚上出行不安全", "楼道堆放杂物，存在消防隐患", "路口没有红绿灯，学生过马路危险",
            "暖气不热，室温只有十四度", "菜市场周边占道经营，车辆难以通行", "村里自来水水压不足", "老旧小区加装电梯协调困难",
            "公交站牌信息未更新", "幼儿园入园名额紧张", "企业用电报装流程较长", "垃圾清运不及时，气味很大", "河道有人倾倒建筑垃圾"};
    static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "胡", "郭", "林"};
    static final String[] GIVEN = {"建国", "秀英", "伟", "芳", "军", "丽", "强", "敏", "磊", "静", "洋", "艳", "勇", "娟", "杰", "霞"};

    private final Connection db;
    private final Random rnd;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final Timestamp nowTs = Timestamp.from(now);

    private BenchCity(Connection db, long seed) {
        this.db = db;
        this.rnd = new Random(seed);
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        String password = args[2];
        int stations = Integer.parseInt(args[3]);
        int deputies = Integer.parseInt(args[4]);
        int concerns = Integer.parseInt(args[5]);
        Path out = Path.of(args[6]);
        Files.createDirectories(out);
        long t0 = System.nanoTime();
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();
        String loadUrl = url + (url.contains("?") ? "&" : "?") + "rewriteBatchedStatements=true";
        try (Connection c = DriverManager.getConnection(loadUrl, user, password)) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM station")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    throw new IllegalStateException("database is not empty: drop it first (run.sh --regenerate)");
                }
            }
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET SESSION foreign_key_checks = 0");
                s.execute("SET SESSION unique_checks = 0");
            }
            new BenchCity(c, 20260101L).load(stations, deputies, concerns, out);
            if (args.length > 7 && args[7].startsWith("--province")) {
                new BenchProvince(c).add(BenchProvince.Size.parse(args[7]),
                        BCrypt.withDefaults().hashToString(10, PASSWORD.toCharArray()));
            }
        }
        System.out.printf("city generated: %d stations, %d deputies, %d concerns in %.1f s%n", stations, deputies,
                concerns, (System.nanoTime() - t0) / 1e9);
    }

    record Member(long id, long stationId, long deputyId) {
    }

    private void load(int nStations, int nDeputies, int nConcerns, Path out) throws SQLException, IOException {
        // regions: city 1, counties, townships (about 15 stations per township)
        int counties = Math.max(2, Math.min(13, nStations / 100));
        int townships = Math.max(counties, nStations / 15);
        long[] townshipOf = new long[nStations + 1];
        long[] countyOfTownship = new long[townships + 1];
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO region (id, parent_id, name, level, division_code, path,"
                + " sort_order, active, created_at, updated_at) VALUES (?,?,?,?,?,?,?,TRUE,?,?)")) {
            region(ps, 1, null, "吕梁市", "CITY", "/1/", 0);
            for (int k = 1; k <= counties; k++) {
                region(ps, 1 + k, 1L, "第" + k + "区县", "COUNTY", "/1/" + (1 + k) + "/", k);
            }
            for (int t = 1; t <= townships; t++) {
                long county = 2 + (t - 1) % counties;
                long id = 1 + counties + t;
                countyOfTownship[t] = county;
                region(ps, id, county, "第" + t + "乡镇街道", "TOWNSHIP", "/1/" + county + "/" + id + "/", t);
            }
            ps.executeBatch();
        }
        long firstTownship = 2 + counties;
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO station (id, region_id, name, kind, type, industry, address,"
                + " introduction, opening_hours, reception_note, public_phone, active, version, created_at, updated_at)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,TRUE,0,?,?)")) {
            for (int s = 1; s <= nStations; s++) {
                int t = 1 + (s - 1) % townships;
                townshipOf[s] = firstTownship + t - 1;
                boolean industry = s % 5 == 0;
                ps.setLong(1, s);
                ps.setLong(2, townshipOf[s]);
                ps.setString(3, industry ? "清洁能源产业代表联络站" + s : "第" + t + "乡镇第" + s + "号代表联络站");
                ps.setString(4, s % 3 == 0 ? "POINT" : "STATION");
                ps.setString(5, industry ? "INDUSTRY" : "REGIONAL");
                ps.setString(6, industry ? "清洁能源" : null);
                ps.setString(7, "吕梁市第" + t + "乡镇人民路" + s + "号");
                ps.setString(8, "代表联络站，每月接待群众，收集意见建议，推动问题解决。");
                ps.setString(9, "工作日 9:00-17:00");
                ps.setString(10, "每月5日 接待日");
                ps.setString(11, "0358-" + (1000000 + s));
                ps.setTimestamp(12, nowTs);
                ps.setTimestamp(13, nowTs);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO deputy (id, name, gender, levels, unit, occupation,"
                + " constituency, public_phone, public_email, bio, region_id, active, version, created_at, updated_at)"
                + " VALUES (?,?,?,?,?,?,?,?,NULL,NULL,?,TRUE,0,?,?)")) {
            String[] levels = {"TOWNSHIP", "COUNTY", "COUNTY,TOWNSHIP", "CITY", "CITY,COUNTY", "PROVINCE", "NATIONAL"};
            for (int d = 1; d <= nDeputies; d++) {
                int s = 1 + (d - 1) % nStations;
                ps.setLong(1, d);
                ps.setString(2, SURNAMES[rnd.nextInt(SURNAMES.length)] + GIVEN[rnd.nextInt(GIVEN.length)]);
                ps.setString(3, rnd.nextBoolean() ? "男" : "女");
                ps.setString(4, levels[Math.min(levels.length - 1, (int) Math.abs(rnd.nextGaussian() * 2))]);
                ps.setString(5, "吕梁市某单位" + (d % 300));
                ps.setString(6, "职工");
                ps.setString(7, "第" + (d % 40 + 1) + "选区");
                ps.setString(8, "139" + String.format("%08d", d));
                ps.setLong(9, townshipOf[s]);
                ps.setTimestamp(10, nowTs);
                ps.setTimestamp(11, nowTs);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        // memberships: every deputy resident in station ((d-1) % S) + 1; the first of each station is its head;
        // every tenth deputy also in an industry station (双进站)
        List<Member> members = new ArrayList<>();
        List<List<Member>> byStation = new ArrayList<>();
        for (int s = 0; s <= nStations; s++) {
            byStation.add(new ArrayList<>());
        }
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO station_membership (id, station_id, deputy_id, role, active,"
                + " joined_on, left_on, created_at) VALUES (?,?,?,?,TRUE,?,NULL,?)")) {
            long id = 0;
            for (int d = 1; d <= nDeputies; d++) {
                int s = 1 + (d - 1) % nStations;
                members.add(membership(ps, ++id, s, d, d <= nStations ? "HEAD" : "RESIDENT", byStation));
                if (d % 10 == 0 && nStations >= 5) {
                    int industry = 5 * (1 + rnd.nextInt(nStations / 5));
                    if (industry != s) {
                        members.add(membership(ps, ++id, industry, d, "RESIDENT", byStation));
                    }
                }
            }
            ps.executeBatch();
        }
        // codes: one per station, one per membership
        Set<String> used = new HashSet<>();
        long[] stationCode = new long[nStations + 1];
        Map<Long, Long> memberCode = new java.util.HashMap<>();
        List<String> stationCodes = new ArrayList<>();
        List<String> deputyCodes = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO contact_code (id, code, kind, station_id, membership_id,"
                + " deputy_id, preset_category, active, created_at, revoked_at) VALUES (?,?,?,?,?,?,NULL,TRUE,?,NULL)")) {
            long id = 0;
            for (int s = 1; s <= nStations; s++) {
                String code = newCode(used);
                stationCode[s] = ++id;
                stationCodes.add(code);
                ps.setLong(1, id);
                ps.setString(2, code);
                ps.setString(3, "STATION");
                ps.setLong(4, s);
                ps.setNull(5, java.sql.Types.BIGINT);
                ps.setNull(6, java.sql.Types.BIGINT);
                ps.setTimestamp(7, nowTs);
                ps.addBatch();
            }
            for (Member m : members) {
                String code = newCode(used);
                memberCode.put(m.id(), ++id);
                deputyCodes.add(code);
                ps.setLong(1, id);
                ps.setString(2, code);
                ps.setString(3, "DEPUTY");
                ps.setLong(4, m.stationId());
                ps.setLong(5, m.id());
                ps.setLong(6, m.deputyId());
                ps.setTimestamp(7, nowTs);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        // departments: 12 per county
        int deptsPerCounty = 12;
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO department (id, region_id, name, contact_name, contact_phone,"
                + " active, created_at, updated_at) VALUES (?,?,?,?,?,TRUE,?,?)")) {
            String[] names = {"住建局", "交通运输局", "城管局", "教育局", "卫健委", "水利局", "生态环境局", "民政局", "供热公司", "供水公司",
                    "公安交警大队", "营商环境服务中心"};
            for (int k = 0; k < counties; k++) {
                for (int j = 0; j < deptsPerCounty; j++) {
                    ps.setLong(1, (long) k * deptsPerCounty + j + 1);
                    ps.setLong(2, 2 + k);
                    ps.setString(3, names[j]);
                    ps.setString(4, "联系人");
                    ps.setString(5, "0358-" + (2000000 + k * 100 + j));
                    ps.setTimestamp(6, nowTs);
                    ps.setTimestamp(7, nowTs);
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
        // staff accounts, one bcrypt hash for all (cost 10)
        String hash = BCrypt.withDefaults().hashToString(10, PASSWORD.toCharArray());
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO staff_account (login_name, mobile, display_name, password_hash,"
                + " role, deputy_id, station_id, region_id, active, token_version, version, created_at, updated_at)"
                + " VALUES (?,NULL,?,?,?,?,?,?,TRUE,0,0,?,?)")) {
            account(ps, "admin", "市人大常委会管理员", hash, "ADMIN", null, null, 1L);
            for (int k = 1; k <= counties; k++) {
                account(ps, "admin" + k, "第" + k + "区县管理员", hash, "ADMIN", null, null, 1L + k);
            }
            for (int s = 1; s <= nStations; s++) {
                account(ps, "head" + s, "站长" + s, hash, "STATION_HEAD", (long) s, (long) s, null);
                account(ps, "liaison" + s, "联络员" + s, hash, "LIAISON", null, (long) s, null);
            }
            for (int d = 1; d <= nDeputies; d++) {
                account(ps, "dep" + d, "代表" + d, hash, "DEPUTY", (long) d, null, null);
            }
            ps.executeBatch();
        }
        db.commit();
        System.out.printf("reference data: %d regions, %d stations, %d deputies, %d memberships, %d codes%n",
                1 + counties + townships, nStations, nDeputies, members.size(), stationCodes.size() + deputyCodes.size());

        long[] perDeputyOpen = new long[nDeputies + 1];
        long[] perStation = new long[nStations + 1];
        loadConcerns(nConcerns, nStations, byStation, stationCode, memberCode, townshipOf, countyOfTownship,
                firstTownship, counties, deptsPerCounty, perDeputyOpen, perStation);
        BenchReferrals.load(db, hash, nowTs, out);

        Files.write(out.resolve("codes.txt"), concat(stationCodes, deputyCodes), StandardCharsets.UTF_8);
        Files.write(out.resolve("station-codes.txt"), stationCodes, StandardCharsets.UTF_8);
        List<Integer> deps = new ArrayList<>();
        for (int d = 1; d <= nDeputies; d++) {
            deps.add(d);
        }
        deps.sort((a, b) -> Long.compare(perDeputyOpen[b], perDeputyOpen[a]));
        Files.write(out.resolve("deputies.txt"), deps.subList(0, Math.min(200, deps.size())).stream()
                .map(d -> "dep" + d + " " + perDeputyOpen[d]).toList(), StandardCharsets.UTF_8);
        List<Integer> sts = new ArrayList<>();
        for (int s = 1; s <= nStations; s++) {
            sts.add(s);
        }
        sts.sort((a, b) -> Long.compare(perStation[b], perStation[a]));
        Files.write(out.resolve("heads.txt"), sts.subList(0, Math.min(200, sts.size())).stream()
                .map(s -> "head" + s + " " + s + " " + perStation[s]).toList(), StandardCharsets.UTF_8);
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("city.properties")))) {
            w.printf("stations=%d%ndeputies=%d%nconcerns=%d%ncodes=%d%ngenerator=BenchCity%nreferrals=1%n", nStations, nDeputies, nConcerns,
                    stationCodes.size() + deputyCodes.size());
        }
    }

    private void loadConcerns(int n, int nStations, List<List<Member>> byStation, long[] stationCode,
                              Map<Long, Long> memberCode, long[] townshipOf, long[] countyOfTownship, long firstTownship,
                              int counties, int deptsPerCounty, long[] perDeputyOpen, long[] perStation)
            throws SQLException {
        PreparedStatement cps = db.prepareStatement("INSERT INTO concern (id, tracking_no, tracking_key_hash, station_id,"
                + " deputy_id, membership_id, region_id, channel, code_id, category, content, address, contact_name,"
                + " mobile_enc, mobile_masked, mobile_hash, consent_at, resident_device_id, state, assignee_deputy_id,"
                + " department_id, department_deadline, outcome, merged_into_id, rating, rating_comment, rated_at,"
                + " reopen_count, me_too_count, first_response_at, resolved_at, closed_at, pii_purged_at, created_at,"
                + " updated_at, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,NULL,NULL,NULL,?,?,?,?,?,?,?,NULL,?,NULL,?,0,?,?,?,?,NULL,?,?,0)");
        PreparedStatement eps = db.prepareStatement("INSERT INTO concern_event (concern_id, type, actor_type, actor_account_id,"
                + " actor_role, from_state, to_state, body, payload, is_public, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
        // skew: station weight ~ 1/rank^0.8 (a few busy stations, a long tail)
        double[] cum = new double[nStations + 1];
        for (int s = 1; s <= nStations; s++) {
            cum[s] = cum[s - 1] + 1.0 / Math.pow(1 + rnd.nextInt(nStations), 0.8);
        }
        Map<LocalDate, Integer> seq = new TreeMap<>();
        DateTimeFormatter basic = DateTimeFormatter.BASIC_ISO_DATE;
        long t0 = System.nanoTime();
        int batch = 0;
        for (int i = 1; i <= n; i++) {
            int s = pick(cum, rnd.nextDouble() * cum[nStations]);
            perStation[s]++;
            List<Member> ms = byStation.get(s);
            boolean viaDeputy = !ms.isEmpty() && rnd.nextInt(100) < 40;
            Member m = viaDeputy ? ms.get(rnd.nextInt(ms.size())) : null;
            // age: more recent concerns are more frequent (a growing service), up to 365 days
            double u = rnd.nextDouble();
            long ageSeconds = (long) (365L * 86400 * Math.pow(u, 1.3));
            Instant created = now.minusSeconds(ageSeconds + 60);
            LocalDate day = LocalDate.ofInstant(created, ZONE);
            int no = seq.merge(day, 1, Integer::sum);
            long ageDays = ageSeconds / 86400;
            String state = stateFor(ageDays);
            long assignee = 0;
            if (!state.equals("SUBMITTED") && !state.equals("REJECTED") && !ms.isEmpty()) {
                assignee = m != null ? m.deputyId() : ms.get(rnd.nextInt(ms.size())).deputyId();
            }
            long county = countyOfTownship[(int) (townshipOf[s] - firstTownship + 1)];
            Instant accepted = created.plusSeconds(3600L * (2 + rnd.nextInt(70)));
            Instant referred = accepted.plusSeconds(3600L * (1 + rnd.nextInt(48)));
            Instant deadline = referred.plus(14, ChronoUnit.DAYS);
            Instant resolved = accepted.plusSeconds(86400L * (1 + rnd.nextInt(20)));
            Instant closed = resolved.plusSeconds(86400L * (1 + rnd.nextInt(7)));
            boolean viaDepartment = rnd.nextInt(100) < 35;
            boolean rated = state.equals("CLOSED") && rnd.nextInt(100) < 70;
            String rating = rated ? (rnd.nextInt(100) < 82 ? "SATISFIED" : rnd.nextInt(2) == 0 ? "BASICALLY_SATISFIED" : "DISSATISFIED") : null;
            Instant updated = switch (state) {
                case "SUBMITTED" -> created;
                case "ACCEPTED", "REJECTED" -> accepted;
                case "ANSWERED" -> accepted.plusSeconds(7200);
                case "REFERRED" -> referred;
                case "RESOLVED" -> resolved;
                default -> closed;
            };
            int c = 1;
            cps.setLong(c++, i);
            cps.setString(c++, "LL-" + day.format(basic) + "-" + String.format("%06d", no));
            cps.setString(c++, hex64(i));
            cps.setLong(c++, s);
            setLong(cps, c++, m == null ? 0 : m.deputyId());
            setLong(cps, c++, m == null ? 0 : m.id());
            cps.setLong(c++, townshipOf[s]);
            cps.setString(c++, m == null ? "STATION_CODE" : "DEPUTY_CODE");
            cps.setLong(c++, m == null ? stationCode[s] : memberCode.get(m.id()));
            cps.setString(c++, CATEGORIES[rnd.nextInt(CATEGORIES.length)]);
            cps.setString(c++, TOPICS[rnd.nextInt(TOPICS.length)] + "，希望尽快解决。（" + i + "）");
            cps.setString(c++, rnd.nextInt(3) == 0 ? "人民路" + rnd.nextInt(300) + "号" : null);
            boolean named = rnd.nextInt(4) == 0;
            cps.setString(c++, named ? SURNAMES[rnd.nextInt(SURNAMES.length)] + "先生" : null);
            cps.setTimestamp(c++, named ? Timestamp.from(created) : null);
            cps.setString(c++, hex64(1_000_000_000L + rnd.nextInt(n * 2 + 1)));
            cps.setString(c++, state);
            setLong(cps, c++, assignee);
            boolean hasDept = state.equals("REFERRED") || (viaDepartment && (state.equals("RESOLVED") || state.equals("CLOSED")));
            setLong(cps, c++, hasDept ? (county - 2) * deptsPerCounty + rnd.nextInt(deptsPerCounty) + 1 : 0);
            cps.setTimestamp(c++, hasDept ? Timestamp.from(deadline) : null);
            boolean done = state.equals("RESOLVED") || state.equals("CLOSED");
            cps.setString(c++, done ? (rnd.nextInt(100) < 80 ? "SOLVED" : rnd.nextInt(2) == 0 ? "EXPLAINED" : "NOT_SOLVABLE_BY_POLICY") : null);
            cps.setString(c++, rating);
            cps.setTimestamp(c++, rated ? Timestamp.from(closed) : null);
            cps.setInt(c++, rnd.nextInt(50) == 0 ? 1 + rnd.nextInt(3) : 0);
            cps.setTimestamp(c++, state.equals("SUBMITTED") ? null : Timestamp.from(accepted));
            cps.setTimestamp(c++, done ? Timestamp.from(resolved) : null);
            cps.setTimestamp(c++, state.equals("CLOSED") ? Timestamp.from(closed) : null);
            cps.setTimestamp(c++, Timestamp.from(created));
            cps.setTimestamp(c++, Timestamp.from(updated));
            cps.addBatch();
            if (!done && !state.equals("REJECTED") && assignee > 0) {
                perDeputyOpen[(int) assignee]++;
            }
            // timeline
            event(eps, i, "SUBMITTED", "RESIDENT", null, "SUBMITTED", created, true);
            if (state.equals("REJECTED")) {
                event(eps, i, "REJECTED", "STAFF", "SUBMITTED", "REJECTED", accepted, true);
            } else if (!state.equals("SUBMITTED")) {
                event(eps, i, "ACCEPTED", "STAFF", "SUBMITTED", "ACCEPTED", accepted, true);
                if (state.equals("ANSWERED")) {
                    event(eps, i, "REPLIED", "STAFF", "ACCEPTED", "ANSWERED", accepted.plusSeconds(7200), true);
                }
                if (hasDept) {
                    event(eps, i, "REFERRED", "STAFF", "ACCEPTED", "REFERRED", referred, true);
                    if (done) {
                        event(eps, i, "DEPARTMENT_ANSWERED", "STAFF", "REFERRED", "REFERRED", resolved.minusSeconds(3600), false);
                    }
                }
                if (done) {
                    event(eps, i, "RESOLVED", "STAFF", hasDept ? "REFERRED" : "ACCEPTED", "RESOLVED", resolved, true);
                }
                if (state.equals("CLOSED")) {
                    event(eps, i, rated ? "RATED" : "CLOSED", rated ? "RESIDENT" : "SYSTEM", "RESOLVED", "CLOSED", closed, true);
                }
            }
            if (++batch == 2000) {
                cps.executeBatch();
                eps.executeBatch();
                db.commit();
                batch = 0;
            }
            if (i % 100_000 == 0) {
                System.out.printf("  %d concerns (%.0f/s)%n", i, i / ((System.nanoTime() - t0) / 1e9));
            }
        }
        cps.executeBatch();
        eps.executeBatch();
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO tracking_sequence (seq_day, seq_value) VALUES (?, ?)")) {
            for (var e : seq.entrySet()) {
                ps.setObject(1, e.getKey());
                ps.setLong(2, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        db.commit();
        cps.close();
        eps.close();
        try (Statement st = db.createStatement()) {
            st.execute("ANALYZE TABLE concern, concern_event, contact_code, station_membership, staff_account");
        }
    }

    /** Older concerns are mostly finished; recent ones still open. */
    private String stateFor(long ageDays) {
        int r = rnd.nextInt(100);
        if (ageDays > 45) {
            return r < 84 ? "CLOSED" : r < 90 ? "RESOLVED" : r < 95 ? "REJECTED" : r < 98 ? "REFERRED" : "ACCEPTED";
        }
        if (ageDays > 10) {
            return r < 35 ? "CLOSED" : r < 55 ? "RESOLVED" : r < 60 ? "REJECTED" : r < 75 ? "REFERRED" : r < 85 ? "ANSWERED" : r < 95 ? "ACCEPTED" : "SUBMITTED";
        }
        return r < 5 ? "RESOLVED" : r < 8 ? "REJECTED" : r < 18 ? "REFERRED" : r < 30 ? "ANSWERED" : r < 60 ? "ACCEPTED" : "SUBMITTED";
    }

    private void event(PreparedStatement ps, long concern, String type, String actor, String from, String to, Instant at,
                       boolean pub) throws SQLException {
        ps.setLong(1, concern);
        ps.setString(2, type);
        ps.setString(3, actor);
        ps.setNull(4, java.sql.Types.BIGINT);
        ps.setString(5, actor.equals("STAFF") ? "DEPUTY" : null);
        ps.setString(6, from);
        ps.setString(7, to);
        ps.setString(8, type.equals("REPLIED") || type.equals("RESOLVED") ? "已与相关单位沟通，正在推进。" : null);
        ps.setString(9, null);
        ps.setBoolean(10, pub);
        ps.setTimestamp(11, Timestamp.from(at.isAfter(now) ? now : at));
        ps.addBatch();
    }

    private static int pick(double[] cum, double x) {
        int lo = 1;
        int hi = cum.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cum[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private void region(PreparedStatement ps, long id, Long parent, String name, String level, String path, int sort)
            throws SQLException {
        ps.setLong(1, id);
        if (parent == null) {
            ps.setNull(2, java.sql.Types.BIGINT);
        } else {
            ps.setLong(2, parent);
        }
        ps.setString(3, name);
        ps.setString(4, level);
        ps.setString(5, String.format("1411%08d", id));
        ps.setString(6, path);
        ps.setInt(7, sort);
        ps.setTimestamp(8, nowTs);
        ps.setTimestamp(9, nowTs);
        ps.addBatch();
    }

    private Member membership(PreparedStatement ps, long id, int station, int deputy, String role,
                              List<List<Member>> byStation) throws SQLException {
        ps.setLong(1, id);
        ps.setLong(2, station);
        ps.setLong(3, deputy);
        ps.setString(4, role);
        ps.setObject(5, LocalDate.of(2023, 1, 1));
        ps.setTimestamp(6, nowTs);
        ps.addBatch();
        Member m = new Member(id, station, deputy);
        byStation.get(station).add(m);
        return m;
    }

    private void account(PreparedStatement ps, String login, String name, String hash, String role, Long deputy,
                         Long station, Long region) throws SQLException {
        ps.setString(1, login);
        ps.setString(2, name);
        ps.setString(3, hash);
        ps.setString(4, role);
        ps.setObject(5, deputy);
        ps.setObject(6, station);
        ps.setObject(7, region);
        ps.setTimestamp(8, nowTs);
        ps.setTimestamp(9, nowTs);
        ps.addBatch();
    }

    private String newCode(Set<String> used) {
        while (true) {
            char[] c = new char[10];
            for (int i = 0; i < c.length; i++) {
                c[i] = ALPHABET.charAt(rnd.nextInt(ALPHABET.length()));
            }
            String s = new String(c);
            if (used.add(s)) {
                return s;
            }
        }
    }

    private static void setLong(PreparedStatement ps, int i, long v) throws SQLException {
        if (v == 0) {
            ps.setNull(i, java.sql.Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }

    private static String hex64(long v) {
        String h = Long.toHexString(v * 0x9E3779B97F4A7C15L);
        return ("0".repeat(16 - h.length()) + h).repeat(4);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
