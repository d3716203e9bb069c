package cn.mashang.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Puts the bench city under a province (山西省) and generates a second city at 大同's size from the source reports:
 * 142 stations and 380 points, 7,600 deputies (each resident in one station, the first of each its head), in ten
 * districts/counties with about 15 stations per township, and a city admin {@code admin-datong}. No codes or
 * concerns for the second city: it is there for the province's tree, scopes and roll-ups.
 * Run by {@link BenchCity} with a last argument {@code --province} (or {@code --province=S,P,D} for other sizes).
 */
final class BenchProvince {
    record Size(int stations, int points, int deputies) {
        static final Size DATONG = new Size(142, 380, 7600);

        static Size parse(String flag) {
            if (!flag.contains("=")) {
                return DATONG;
            }
            String[] n = flag.substring(flag.indexOf('=') + 1).split(",");
            return new Size(Integer.parseInt(n[0]), Integer.parseInt(n[1]), Integer.parseInt(n[2]));
        }
    }

    static final String[] COUNTIES = {"平城区", "云冈区", "新荣区", "云州区", "阳高县", "天镇县", "广灵县", "灵丘县", "浑源县", "左云县"};
    private final Connection db;
    private final Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.SECONDS));

    BenchProvince(Connection db) {
        this.db = db;
    }

    /** Adds the province above the existing city (id 1) and the second city; commits. */
    void add(Size size, String passwordHash) throws SQLException {
        long province = max("region") + 1;
        long stationBase = max("station");
        long deputyBase = max("deputy");
        long memberBase = max("station_membership");
        int nStations = size.stations() + size.points();
        int townships = Math.max(COUNTIES.length, nStations / 15);
        long city = province + 1;
        long firstTownship = city + COUNTIES.length + 1;
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO region (id, parent_id, name, level, division_code, path,"
                + " sort_order, active, created_at, updated_at) VALUES (?,?,?,?,?,?,?,TRUE,?,?)")) {
            region(ps, province, null, "山西省", "PROVINCE", "/" + province + "/", 0);
            region(ps, city, province, "大同市", "CITY", "/" + province + "/" + city + "/", 1);
            for (int k = 0; k < COUNTIES.length; k++) {
                long id = city + 1 + k;
                region(ps, id, city, COUNTIES[k], "COUNTY", "/" + province + "/" + city + "/" + id + "/", k);
            }
            for (int t = 0; t < townships; t++) {
                long county = city + 1 + t % COUNTIES.length;
                long id = firstTownship + t;
                region(ps, id, county, COUNTIES[t % COUNTIES.length] + "第" + (t + 1) + "街道乡镇", "TOWNSHIP",
                        "/" + province + "/" + city + "/" + county + "/" + id + "/", t);
            }
            ps.executeBatch();
        }
        try (Statement s = db.createStatement()) {
            s.executeUpdate("UPDATE region SET path = CONCAT('/" + province + "', path) WHERE id < " + province);
            s.executeUpdate("UPDATE region SET parent_id = " + province + " WHERE id = 1");
        }
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO station (id, region_id, name, kind, type, industry, address,"
                + " introduction, opening_hours, reception_note, public_phone, active, version, created_at, updated_at)"
                + " VALUES (?,?,?,?,'REGIONAL',NULL,?,NULL,'工作日 9:00-17:00','每月5日 接待日',NULL,TRUE,0,?,?)")) {
            for (int s = 0; s < nStations; s++) {
                boolean point = s >= size.stations();
                ps.setLong(1, stationBase + 1 + s);
                ps.setLong(2, firstTownship + s % townships);
                ps.setString(3, "大同市第" + (s + 1) + (point ? "号代表联络点" : "号代表联络站"));
                ps.setString(4, point ? "POINT" : "STATION");
                ps.setString(5, "大同市" + COUNTIES[s % townships % COUNTIES.length] + "人民路" + (s + 1) + "号");
                ps.setTimestamp(6, now);
                ps.setTimestamp(7, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement dps = db.prepareStatement("INSERT INTO deputy (id, name, gender, levels, unit, occupation,"
                + " constituency, public_phone, public_email, bio, region_id, active, version, created_at, updated_at)"
                + " VALUES (?,?,'女','COUNTY','大同市某单位','职工','大同选区',NULL,NULL,NULL,?,TRUE,0,?,?)");
             PreparedStatement mps = db.prepareStatement("INSERT INTO station_membership (id, station_id, deputy_id, role,"
                     + " active, joined_on, left_on, created_at) VALUES (?,?,?,?,TRUE,?,NULL,?)")) {
            for (int d = 0; d < size.deputies(); d++) {
                int s = d % nStations;
                long deputy = deputyBase + 1 + d;
                dps.setLong(1, deputy);
                dps.setString(2, "大同代表" + (d + 1));
                dps.setLong(3, firstTownship + s % townships);
                dps.setTimestamp(4, now);
                dps.setTimestamp(5, now);
                dps.addBatch();
                mps.setLong(1, memberBase + 1 + d);
                mps.setLong(2, stationBase + 1 + s);
                mps.setLong(3, deputy);
                mps.setString(4, d < nStations ? "HEAD" : "RESIDENT");
                mps.setObject(5, LocalDate.of(2023, 1, 1));
                mps.setTimestamp(6, now);
                mps.addBatch();
            }
            dps.executeBatch();
            mps.executeBatch();
        }
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO staff_account (login_name, mobile, display_name,"
                + " password_hash, role, region_id, active, token_version, version, created_at, updated_at)"
                + " VALUES (?,NULL,?,?,'ADMIN',?,TRUE,0,0,?,?)")) {
            ps.setString(1, "admin-datong");
            ps.setString(2, "大同市人大常委会管理员");
            ps.setString(3, passwordHash);
            ps.setLong(4, city);
            ps.setTimestamp(5, now);
            ps.setTimestamp(6, now);
            ps.executeUpdate();
            ps.setString(1, "admin-province");
            ps.setString(2, "山西省人大常委会管理员");
            ps.setLong(4, province);
            ps.executeUpdate();
        }
        db.commit();
        System.out.printf("province: 山西省 above 吕梁市, 大同市 with %d stations, %d points, %d deputies, %d townships%n",
                size.stations(), size.points(), size.deputies(), townships);
    }

    private long max(String table) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void region(PreparedStatement ps, long id, Long parent, String name, String level, String path, int sort)
            throws SQLException {
        ps.setLong(1, id);
        ps.setObject(2, parent);
        ps.setString(3, name);
        ps.setString(4, level);
        ps.setString(5, level.equals("PROVINCE") ? "140000" : level.equals("CITY") ? "140200" : null);
        ps.setString(6, path);
        ps.setInt(7, sort);
        ps.setTimestamp(8, now);
        ps.setTimestamp(9, now);
        ps.addBatch();
    }
}
