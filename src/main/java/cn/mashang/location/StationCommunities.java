package cn.mashang.location;

import cn.mashang.common.ApiException;
import cn.mashang.common.Times;
import cn.mashang.station.StationRepository;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A station's list of communities (小区/村 of its area): public for the resident's pick list; its head and the
 * admins above it add and take off names (taken-off names stay on the concerns that carry them).
 */
@Singleton
class StationCommunities {
    private final CommunityRepository communities;
    private final StationRepository stations;

    StationCommunities(CommunityRepository communities, StationRepository stations) {
        this.communities = communities;
        this.stations = stations;
    }

    @Serdeable
    record View(long id, String name) {
    }

    @Serdeable
    @Introspected
    record Input(@NotBlank(message = "请填写小区或村的名称") @Size(max = 64, message = "名称不能超过 64 字") String name) {
    }

    @Transactional(readOnly = true)
    List<View> list(long stationId) {
        stations.findById(stationId).filter(s -> s.active()).orElseThrow(() -> ApiException.notFound("联络站"));
        return communities.findByStationIdAndActiveTrueOrderBySortOrder(stationId).stream().map(StationCommunities::view).toList();
    }

    @Transactional
    View add(long stationId, String name) {
        String n = name.strip();
        if (n.isEmpty() || n.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badField("name", "请填写小区或村的名称");
        }
        return communities.findByStationIdAndName(stationId, n).map(c -> {
            communities.setActive(c.id(), true);
            return view(c);
        }).orElseGet(() -> view(communities.save(new Community(null, stationId, n,
                communities.maxSortOrder(stationId) + 1, true, Times.now()))));
    }

    @Transactional
    View remove(long stationId, long communityId) {
        Community c = communities.findById(communityId).filter(x -> x.stationId() == stationId && x.active())
                .orElseThrow(() -> ApiException.notFound("小区/村"));
        communities.setActive(c.id(), false);
        return view(c);
    }

    /** Demo data: the names of a station's area, in order. */
    @Transactional
    void seed(long stationId, List<String> names) {
        names.forEach(n -> add(stationId, n));
    }

    private static View view(Community c) {
        return new View(c.id(), c.name());
    }
}
