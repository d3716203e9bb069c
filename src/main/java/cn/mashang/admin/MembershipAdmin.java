package cn.mashang.admin;

import cn.mashang.auth.AccountScopes;
import cn.mashang.common.ApiException;
import cn.mashang.common.Times;
import cn.mashang.deputy.Deputy;
import cn.mashang.deputy.DeputyRepository;
import cn.mashang.deputy.Membership;
import cn.mashang.deputy.MembershipRepository;
import cn.mashang.deputy.MembershipRole;
import cn.mashang.qr.CodeDirectory;
import cn.mashang.station.Station;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.LocalDate;

/**
 * Seats deputies in stations of the admin's region (进站). A seat spans its station's region and its deputy's home
 * region: the admin must hold both (双进站 of a deputy from elsewhere — a city deputy in a county station — is done
 * by the common ancestor, here the city). A new seat gets its deputy code.
 */
@Singleton
class MembershipAdmin {
    private final MembershipRepository memberships;
    private final DeputyRepository deputies;
    private final AdminGuard guard;
    private final CodeDirectory codes;
    private final AccountScopes scopes;

    MembershipAdmin(MembershipRepository memberships, DeputyRepository deputies, AdminGuard guard, CodeDirectory codes,
                    AccountScopes scopes) {
        this.memberships = memberships;
        this.deputies = deputies;
        this.guard = guard;
        this.codes = codes;
        this.scopes = scopes;
    }

    @Transactional
    AdminDtos.MembershipView create(Authentication auth, AdminDtos.MembershipInput in) {
        Station s = guard.station(auth, in.stationId());
        if (!s.active()) {
            throw ApiException.conflict("联络站已停用，不能再安排代表进站");
        }
        Deputy d = deputies.findById(in.deputyId()).filter(Deputy::active)
                .orElseThrow(() -> ApiException.notFound("代表"));
        guard.wholly(auth, java.util.List.of(d.regionId() == null ? -1L : d.regionId()), "代表");  // spans: the ancestor
        MembershipRole role = in.role() == null ? MembershipRole.RESIDENT : in.role();
        LocalDate joined = in.joinedOn() == null ? LocalDate.now(Times.ZONE) : in.joinedOn();
        var existing = memberships.findByStationIdAndDeputyId(s.id(), d.id());
        Membership saved;
        if (existing.isPresent() && existing.get().active()) {
            throw ApiException.conflict("代表" + d.name() + "已在本站");
        } else if (existing.isPresent()) {
            Membership m = existing.get();
            saved = memberships.update(new Membership(m.id(), m.stationId(), m.deputyId(), role, true, joined, null,
                    m.createdAt()));
        } else {
            saved = memberships.save(new Membership(null, s.id(), d.id(), role, true, joined, null, Times.now()));
        }
        if (codes.activeMembershipCode(saved.id()).isEmpty()) {
            codes.issueForMembership(saved);
        }
        scopes.invalidateAll();
        return AdminDtos.MembershipView.of(saved);
    }

    @Transactional
    AdminDtos.MembershipView update(Authentication auth, long id, AdminDtos.MembershipUpdate in) {
        Membership m = find(auth, id);
        return AdminDtos.MembershipView.of(memberships.update(new Membership(m.id(), m.stationId(), m.deputyId(),
                in.role(), m.active(), m.joinedOn(), m.leftOn(), m.createdAt())));
    }

    @Transactional
    AdminDtos.MembershipView deactivate(Authentication auth, long id) {
        Membership m = find(auth, id);
        Membership saved = memberships.update(new Membership(m.id(), m.stationId(), m.deputyId(), m.role(), false,
                m.joinedOn(), LocalDate.now(Times.ZONE), m.createdAt()));
        scopes.invalidateAll();
        return AdminDtos.MembershipView.of(saved);
    }

    private Membership find(Authentication auth, long id) {
        Membership m = memberships.findById(id).orElseThrow(() -> ApiException.notFound("进站记录"));
        try {
            guard.station(auth, m.stationId());
            Long home = deputies.findById(m.deputyId()).map(Deputy::regionId).orElse(null);
            guard.wholly(auth, java.util.Collections.singletonList(home), "进站记录");
        } catch (ApiException e) {
            throw ApiException.notFound("进站记录");
        }
        return m;
    }
}
