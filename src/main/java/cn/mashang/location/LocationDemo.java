package cn.mashang.location;

import cn.mashang.demo.DemoExtension;
import cn.mashang.station.Station;
import cn.mashang.station.StationRepository;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/** Demo communities (小区/村, invented names) of the demo stations' areas, for the resident's pick list. */
@Singleton
@Requires(notEnv = "prod")
class LocationDemo implements DemoExtension {
    static final Map<String, List<String>> COMMUNITIES = Map.ofEntries(
            Map.entry("吕梁市清洁能源基地暨孝义市新型煤化工人大代表联络站", List.of("梧桐新村", "新义小区", "振兴苑小区", "园区职工公寓")),
            Map.entry("吕梁市数谷吕梁大数据人大代表联络站", List.of("数谷人才公寓", "龙凤苑小区", "滨河花园")),
            Map.entry("吕梁市清香型白酒基地人大代表联络站", List.of("杏花村", "东堡村", "酒都花园小区")),
            Map.entry("离石区凤山街道和平社区人大代表联络站", List.of("和平小区", "凤山花园", "永宁东路家属院")),
            Map.entry("离石区新华街社区人大代表联络站", List.of("新华小区", "滨河嘉园")),
            Map.entry("离石区城北街道沙麻沟社区人大代表联络点", List.of("沙麻沟村", "北川小区")),
            Map.entry("孝义市信义镇人大代表联络站", List.of("信义村", "南姚村", "北姚村")),
            Map.entry("交口县水头片区人大代表联络站", List.of("水头村", "康城村", "石口村", "水头镇政府家属院")),
            Map.entry("交口县桃红坡片区人大代表联络站", List.of("桃红坡村", "石家庄村")),
            Map.entry("交口县回龙片区人大代表联络站", List.of("回龙村", "郭家庄村")));
    private final StationCommunities communities;
    private final StationRepository stations;

    LocationDemo(StationCommunities communities, StationRepository stations) {
        this.communities = communities;
        this.stations = stations;
    }

    @Override
    public void load() {
        for (Station s : stations.findAll()) {
            List<String> names = COMMUNITIES.get(s.name());
            if (names != null) {
                communities.seed(s.id(), names);
            }
        }
    }
}
