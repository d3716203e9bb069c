package cn.mashang.auth;

import cn.mashang.common.Times;
import cn.mashang.demo.DemoExtension;
import cn.mashang.department.DepartmentRepository;
import cn.mashang.deputy.Deputy;
import cn.mashang.deputy.DeputyRepository;
import cn.mashang.region.Region;
import cn.mashang.region.RegionRepository;
import cn.mashang.station.Station;
import cn.mashang.station.StationRepository;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Demo staff accounts of the demo city (dev and test only; never prod). All share {@link #PASSWORD}.
 * Listed in the README: admins of the province, of 吕梁市 and 大同市 and of two counties, heads and liaisons of two stations, and
 * deputies who log in with their staff mobile number, and two department accounts of 孝义市.
 */
@Singleton
@Requires(notEnv = "prod")
class AuthDemoAccounts implements DemoExtension {
    static final String PASSWORD = "Demo@2026";
    static final String STATION_QJNY = "吕梁市清洁能源基地暨孝义市新型煤化工人大代表联络站";
    static final String STATION_SHUITOU = "交口县水头片区人大代表联络站";
    static final String STATION_HEPING = "离石区凤山街道和平社区人大代表联络站";

    private final StaffAccountRepository accounts;
    private final RegionRepository regions;
    private final StationRepository stations;
    private final DeputyRepository deputies;
    private final PasswordHasher hasher;
    private final DepartmentRepository departments;

    AuthDemoAccounts(StaffAccountRepository accounts, RegionRepository regions, StationRepository stations,
                     DeputyRepository deputies, PasswordHasher hasher, DepartmentRepository departments) {
        this.departments = departments;
        this.accounts = accounts;
        this.regions = regions;
        this.stations = stations;
        this.deputies = deputies;
        this.hasher = hasher;
    }

    @Override
    public void load() {
        String hash = hasher.hash(PASSWORD);
        Map<String, Region> region = regions.findByActiveTrueOrderBySortOrder().stream()
                .collect(Collectors.toMap(Region::name, Function.identity(), (a, b) -> a));
        Map<String, Station> station = StreamSupport.stream(stations.findAll().spliterator(), false)
                .collect(Collectors.toMap(Station::name, Function.identity(), (a, b) -> a));
        List<Deputy> deputyList = StreamSupport.stream(deputies.findAll().spliterator(), false)
                .sorted(java.util.Comparator.comparing(Deputy::id)).toList();
        Map<String, Deputy> deputy = deputyList.stream()
                .collect(Collectors.toMap(Deputy::name, Function.identity(), (a, b) -> a));

        admin(hash, "shanxi-admin", "山西省人大常委会管理员", region.get("山西省"));
        admin(hash, "datong-admin", "大同市人大常委会管理员", region.get("大同市"));
        admin(hash, "lvliang-admin", "吕梁市人大常委会管理员", region.get("吕梁市"));
        admin(hash, "jiaokou-admin", "交口县人大常委会管理员", region.get("交口县"));
        admin(hash, "lishi-admin", "离石区人大常委会管理员", region.get("离石区"));
        stationStaff(hash, "head-qjny", Role.STATION_HEAD, "王建华（站长）", station.get(STATION_QJNY), deputy.get("王建华"));
        stationStaff(hash, "head-shuitou", Role.STATION_HEAD, "曹红梅（站长）", station.get(STATION_SHUITOU), deputy.get("曹红梅"));
        stationStaff(hash, "head-heping", Role.STATION_HEAD, "吴秀英（站长）", station.get(STATION_HEPING), deputy.get("吴秀英"));
        stationStaff(hash, "liaison-qjny", Role.LIAISON, "孝义联络员 刘芳", station.get(STATION_QJNY), null);
        stationStaff(hash, "liaison-shuitou", Role.LIAISON, "水头联络员 张敏", station.get(STATION_SHUITOU), null);
        // two departments of 孝义市 (the 清洁能源 station refers to them)
        department(hash, "dept-xiaoyi-zhujian", "孝义市住建局 承办人", region.get("孝义市"), "孝义市住房和城乡建设局");
        department(hash, "dept-xiaoyi-jiaotong", "孝义市交通局 承办人", region.get("孝义市"), "孝义市交通运输局");
        // deputies log in with their staff mobile number 138000000NN (NN = their place in the demo list)
        for (int index : new int[]{0, 1, 9, 13, 14, 16, 24}) {
            Deputy d = deputyList.get(index);
            save(new StaffAccount(null, null, String.format("138000000%02d", index + 1), d.name(), hash, Role.DEPUTY,
                    d.id(), null, null, null, true, 0, null, null, null, Times.now(), Times.now()));
        }
    }

    private void admin(String hash, String login, String name, Region region) {
        save(new StaffAccount(null, login, null, name, hash, Role.ADMIN, null, null, region.id(), null, true, 0, null, null,
                null, Times.now(), Times.now()));
    }

    private void stationStaff(String hash, String login, Role role, String name, Station s, Deputy d) {
        save(new StaffAccount(null, login, null, name, hash, role, d == null ? null : d.id(), s.id(), null, null, true, 0,
                null, null, null, Times.now(), Times.now()));
    }

    private void department(String hash, String login, String name, Region region, String department) {
        departments.findByRegionIdAndActiveTrueOrderByName(region.id()).stream()
                .filter(d -> d.name().equals(department)).findFirst()
                .ifPresent(d -> save(new StaffAccount(null, login, null, name, hash, Role.DEPARTMENT, null, null, null,
                        d.id(), true, 0, null, null, null, Times.now(), Times.now())));
    }

    private void save(StaffAccount account) {
        accounts.save(account);
    }
}
