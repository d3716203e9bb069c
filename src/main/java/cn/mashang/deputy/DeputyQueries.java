package cn.mashang.deputy;

import cn.mashang.common.ApiException;
import cn.mashang.qr.CodeDirectory;
import cn.mashang.qr.ContactCode;
import cn.mashang.station.Station;
import cn.mashang.station.StationRepository;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/** Read side of deputies for the public API and pages. */
@Singleton
public class DeputyQueries {
    private final DeputyRepository deputies;
    private final MembershipRepository memberships;
    private final StationRepository stations;
    private final CodeDirectory codes;

    DeputyQueries(DeputyRepository deputies, MembershipRepository memberships, StationRepository stations,
                  CodeDirectory codes) {
        this.deputies = deputies;
        this.memberships = memberships;
        this.stations = stations;
        this.codes = codes;
    }

    public Deputy get(long id) {
        return deputies.findById(id).filter(Deputy::active).orElseThrow(() -> ApiException.notFound("代表"));
    }

    public DeputyDetail detail(long id) {
        Deputy d = get(id);
        List<DeputyDetail.StationSeat> seats = memberships.findByDeputyIdAndActiveTrue(id).stream()
                .flatMap(m -> stations.findById(m.stationId()).filter(Station::active).stream().map(s -> {
                    Optional<ContactCode> c = codes.activeMembershipCode(m.id());
                    return new DeputyDetail.StationSeat(s.id(), s.name(), m.role(), m.role().label(),
                            c.map(ContactCode::code).orElse(null), c.map(codes::scanUrl).orElse(null));
                })).toList();
        List<DeputyLevel> levels = d.levelList();
        return new DeputyDetail(d.id(), d.name(), levels, levels.stream().map(DeputyLevel::label).toList(),
                d.unit(), d.occupation(), d.constituency(), d.publicPhone(), d.publicEmail(), d.bio(), seats);
    }
}
