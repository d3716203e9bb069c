package cn.mashang.demo;

import cn.mashang.common.Times;
import cn.mashang.department.Department;
import cn.mashang.department.DepartmentRepository;
import cn.mashang.deputy.Deputy;
import cn.mashang.deputy.DeputyRepository;
import cn.mashang.deputy.Membership;
import cn.mashang.deputy.MembershipRepository;
import cn.mashang.deputy.MembershipRole;
import cn.mashang.qr.ContactCode;
import cn.mashang.qr.ContactCodeRepository;
import cn.mashang.region.Region;
import cn.mashang.region.RegionLevel;
import cn.mashang.region.RegionRepository;
import cn.mashang.region.RegionService;
import cn.mashang.station.Station;
import cn.mashang.station.StationRepository;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads {@link DemoCity} into an empty database. Only when {@code demo.enabled=true} and never in
 * the {@code prod} environment. Demo codes are fixed (zhan…/rddb…) so the README can link them;
 * codes issued in production are random.
 */
@Singleton
@Requires(property = "demo.enabled", value = "true")
@Requires(notEnv = "prod")
public class DemoCityLoader {
    private static final Logger LOG = LoggerFactory.getLogger(DemoCityLoader.class);
    private final RegionRepository regionRepo;
    private final RegionService regions;
    private final StationRepository stations;
    private final DeputyRepository deputies;
    private final MembershipRepository memberships;
    private final DepartmentRepository departments;
    private final ContactCodeRepository codes;
    private final List<DemoExtension> extensions;
    private final DemoProvince province;

    DemoCityLoader(RegionRepository regionRepo, RegionService regions, StationRepository stations,
                   DeputyRepository deputies, MembershipRepository memberships, DepartmentRepository departments,
                   ContactCodeRepository codes, List<DemoExtension> extensions,
                   DemoProvince province) {
        this.province = province;
        this.regionRepo = regionRepo;
        this.regions = regions;
        this.stations = stations;
        this.deputies = deputies;
        this.memberships = memberships;
        this.departments = departments;
        this.codes = codes;
        this.extensions = extensions;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        load();
    }

    @Transactional
    public void load() {
        if (regionRepo.count() > 0) {
            return;
        }
        var now = Times.now();
        Region city = regions.create(null, "吕梁市", RegionLevel.CITY, "141100", 0);
        Map<String, Region> byName = new HashMap<>();
        int order = 0;
        for (DemoCity.County c : DemoCity.COUNTIES) {
            Region county = regions.create(city.id(), c.name(), RegionLevel.COUNTY, c.code(), order++);
            byName.put(c.name(), county);
            for (String t : c.townships()) {
                String[] parts = t.split(":");
                Region town = regions.create(county.id(), parts[0], RegionLevel.TOWNSHIP, null, order++);
                byName.put(c.name() + "/" + parts[0], town);
                if (parts.length > 1) {
                    for (String v : parts[1].split(",")) {
                        byName.put(c.name() + "/" + parts[0] + "/" + v,
                                regions.create(town.id(), v, RegionLevel.VILLAGE, null, order++));
                    }
                }
            }
        }
        List<Station> stationList = new ArrayList<>();
        for (DemoCity.StationSpec s : DemoCity.STATIONS) {
            String key = s.county() + (s.township() == null ? "" : "/" + s.township()) + (s.village() == null ? "" : "/" + s.village());
            Region r = byName.get(key);
            stationList.add(stations.save(new Station(null, r.id(), s.name(),
                    s.point() ? Station.StationKind.POINT : Station.StationKind.STATION,
                    s.industry() ? Station.StationType.INDUSTRY : Station.StationType.REGIONAL, s.industryName(),
                    s.address(), introduction(s), DemoCity.HOURS, s.reception(), "0358-" + (8220000 + stationList.size() * 17),
                    true, null, now, now)));
        }
        List<Deputy> deputyList = new ArrayList<>();
        for (DemoCity.DeputySpec d : DemoCity.DEPUTIES) {
            deputyList.add(deputies.save(new Deputy(null, d.name(), d.gender(), d.levels(), d.unit(), d.occupation(),
                    d.county() + "选区", "0358-" + (3310000 + deputyList.size() * 23), null, null,
                    byName.get(d.county()).id(), true, null, now, now)));
        }
        int seq = 0;
        for (int i = 0; i < stationList.size(); i++) {
            Station s = stationList.get(i);
            codes.save(new ContactCode(null, demoCode("zhan", i), ContactCode.Kind.STATION, s.id(), null, null,
                    s.type() == Station.StationType.INDUSTRY ? "企业发展" : null, true, now, null));
            // head: deputy i; deputy head and a resident from deputies 16..39; industry stations also seat the
            // head of a community station (双进站: own constituency + an industry station)
            List<int[]> seats = new ArrayList<>();
            seats.add(new int[]{i, MembershipRole.HEAD.ordinal()});
            seats.add(new int[]{16 + (i % 24), MembershipRole.DEPUTY_HEAD.ordinal()});
            seats.add(new int[]{16 + ((i + 8) % 24), MembershipRole.RESIDENT.ordinal()});
            if (s.type() == Station.StationType.INDUSTRY && i + 9 < stationList.size()) {
                seats.add(new int[]{i + 9, MembershipRole.RESIDENT.ordinal()});
            }
            for (int[] seat : seats) {
                Deputy d = deputyList.get(seat[0]);
                if (memberships.findByStationIdAndDeputyId(s.id(), d.id()).isPresent()) {
                    continue;
                }
                Membership m = memberships.save(new Membership(null, s.id(), d.id(), MembershipRole.values()[seat[1]],
                        true, LocalDate.of(2021, 7, 11), null, now));
                codes.save(new ContactCode(null, demoCode("rddb", seq++), ContactCode.Kind.DEPUTY, s.id(), m.id(),
                        d.id(), null, true, now, null));
            }
        }
        for (String county : List.of("离石区", "孝义市", "交口县")) {
            for (String dep : DemoCity.DEPARTMENTS) {
                departments.save(new Department(null, byName.get(county).id(), county + dep, "办公室",
                        "0358-" + (5500000 + departments.count()), true, now, now));
            }
        }
        province.load(city);
        extensions.forEach(DemoExtension::load);
        LOG.info("Demo city loaded: {} regions, {} stations, {} deputies", regionRepo.count(), stationList.size(),
                deputyList.size());
    }

    private static String introduction(DemoCity.StationSpec s) {
        return s.industry()
                ? "吕梁市人大常委会2021年打造的9个代表专业技术服务联络站之一，聚焦" + s.industryName()
                  + "产业，组织五级人大代表混合编组进站，听取企业和群众意见建议。"
                : "组织各级人大代表定期进站接待群众，收集社情民意，推动解决群众身边的急难愁盼问题。";
    }

    /** Fixed demo codes in the code alphabet: prefix + 6 characters. */
    static String demoCode(String prefix, int n) {
        String alphabet = "23456789abcdefghjkmnpqrstuvwxyz";
        StringBuilder sb = new StringBuilder();
        int v = n;
        for (int i = 0; i < 6; i++) {
            sb.append(alphabet.charAt(v % alphabet.length()));
            v /= alphabet.length();
        }
        return prefix + sb;
    }
}
