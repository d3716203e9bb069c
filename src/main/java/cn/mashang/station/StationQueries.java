package cn.mashang.station;

import cn.mashang.common.ApiException;
import cn.mashang.common.PageResponse;
import cn.mashang.deputy.Deputy;
import cn.mashang.deputy.DeputyRepository;
import cn.mashang.deputy.Membership;
import cn.mashang.deputy.MembershipRepository;
import cn.mashang.qr.CodeDirectory;
import cn.mashang.qr.ContactCode;
import cn.mashang.reception.ReceptionDays;
import cn.mashang.region.Region;
import cn.mashang.region.RegionService;
import io.micronaut.data.model.Pageable;
import jakarta.inject.Singleton;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Read side of stations for the public API and pages. */
@Singleton
public class StationQueries {
    private final StationRepository stations;
    private final RegionService regions;
    private final MembershipRepository memberships;
    private final DeputyRepository deputies;
    private final CodeDirectory codes;
    private final ReceptionDays receptionDays;

    StationQueries(StationRepository stations, RegionService regions, MembershipRepository memberships,
                   DeputyRepository deputies, CodeDirectory codes, ReceptionDays receptionDays) {
        this.stations = stations;
        this.regions = regions;
        this.memberships = memberships;
        this.deputies = deputies;
        this.codes = codes;
        this.receptionDays = receptionDays;
    }

    public Station get(long id) {
        return stations.findById(id).filter(Station::active).orElseThrow(() -> ApiException.notFound("联络站"));
    }

    public PageResponse<StationSummary> list(Long regionId, Pageable pageable) {
        String prefix = regionId == null ? "/%" : regions.get(regionId).path() + "%";
        var page = stations.findActiveUnder(prefix, pageable);
        return new PageResponse<>(page.getContent().stream().map(StationSummary::of).toList(),
                pageable.getNumber(), pageable.getSize(), page.getTotalSize());
    }

    public StationDetail detail(long id) {
        Station s = get(id);
        Region region = regions.get(s.regionId());
        List<Membership> members = memberships.findByStationIdAndActiveTrue(id);
        Map<Long, Deputy> byId = deputies.findByIdIn(members.stream().map(Membership::deputyId).toList())
                .stream().collect(Collectors.toMap(Deputy::id, Function.identity()));
        Map<Long, ContactCode> memberCodes = codes.activeMembershipCodes(id);
        ContactCode stationCode = codes.activeStationCode(id).orElse(null);
        List<StationDetail.Member> list = members.stream()
                .filter(m -> byId.containsKey(m.deputyId()) && byId.get(m.deputyId()).active())
                .sorted(Comparator.comparing(Membership::role).thenComparing(Membership::id))
                .map(m -> {
                    Deputy d = byId.get(m.deputyId());
                    ContactCode c = memberCodes.get(m.id());
                    return new StationDetail.Member(d.id(), d.name(), d.levelList(), d.unit(), d.publicPhone(), m.role(),
                            c == null ? null : c.code(), c == null ? null : codes.scanUrl(c));
                }).toList();
        return new StationDetail(s.id(), s.name(), s.kind(), s.type(), s.industry(), s.regionId(), region.name(),
                s.address(), s.introduction(), s.openingHours(), s.receptionNote(), receptionDays.of(id),
                s.publicPhone(), stationCode == null ? null : stationCode.code(),
                stationCode == null ? null : codes.scanUrl(stationCode), list);
    }
}
