package cn.mashang.demo;

import cn.mashang.common.Times;
import cn.mashang.region.Region;
import cn.mashang.region.RegionLevel;
import cn.mashang.region.RegionService;
import cn.mashang.station.Station;
import cn.mashang.station.StationRepository;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * The demo province: 山西省 above the demo city 吕梁市, and a second city 大同市 with two districts and a few named
 * stations from the source reports (the 2024 provincial meeting in 大同 visited them). No deputies or concerns:
 * 大同 is there to show a province admin's roll-up and that a city admin sees nothing of another city. The
 * province is created after 吕梁市, so the demo city's ids stay as they were.
 */
@Singleton
class DemoProvince {
    static final String PROVINCE = "山西省";
    static final String SECOND_CITY = "大同市";

    record Place(String county, String countyCode, String township, String name, Station.StationKind kind,
                 String industry, String address) {
    }

    static final List<Place> DATONG = List.of(
            new Place("平城区", "140213", "水泊寺街道", "平城区水泊寺街道人大代表联络站", Station.StationKind.STATION, null,
                    "大同市平城区水泊寺街道办事处一层"),
            new Place("平城区", "140213", "永泰街道", "平城区永泰街道人大代表联络站", Station.StationKind.STATION, null,
                    "大同市平城区永泰街道办事处二层"),
            new Place("平城区", "140213", null, "大同市第五人民医院人大代表联络点", Station.StationKind.POINT, null,
                    "大同市平城区大同市第五人民医院门诊楼一层"),
            new Place("云州区", "140215", null, "云州区黄花产业界人大代表联络站", Station.StationKind.STATION, "黄花产业",
                    "大同市云州区西坪镇黄花产业园"));

    private final RegionService regions;
    private final StationRepository stations;

    DemoProvince(RegionService regions, StationRepository stations) {
        this.regions = regions;
        this.stations = stations;
    }

    /** Puts the demo city under 山西省 and adds 大同市; returns the province. */
    Region load(Region demoCity) {
        Region province = regions.create(null, PROVINCE, RegionLevel.PROVINCE, "140000", 0);
        regions.placeUnder(demoCity.id(), province.id());
        province = regions.get(province.id());
        Region datong = regions.create(province.id(), SECOND_CITY, RegionLevel.CITY, "140200", 1);
        var now = Times.now();
        java.util.Map<String, Region> placed = new java.util.HashMap<>();
        int order = 0;
        for (Place p : DATONG) {
            final int o = order++;
            Region county = placed.computeIfAbsent(p.county(),
                    c -> regions.create(datong.id(), c, RegionLevel.COUNTY, p.countyCode(), o));
            Region at = p.township() == null ? county : placed.computeIfAbsent(p.county() + "/" + p.township(),
                    t -> regions.create(county.id(), p.township(), RegionLevel.TOWNSHIP, null, o));
            stations.save(new Station(null, at.id(), p.name(), p.kind(),
                    p.industry() == null ? Station.StationType.REGIONAL : Station.StationType.INDUSTRY, p.industry(),
                    p.address(), "组织各级人大代表定期进站接待群众，收集社情民意。", DemoCity.HOURS, null, null, true, null, now, now));
        }
        return province;
    }
}
