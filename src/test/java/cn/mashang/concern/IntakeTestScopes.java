package cn.mashang.concern;

import cn.mashang.auth.Role;
import cn.mashang.auth.Scopes;
import cn.mashang.auth.StaffScope;
import io.micronaut.context.annotation.Requires;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * TEST ONLY stand-in for the auth feature's scope service: reads accountId, deputyId and stationIds from the
 * test token's claims. Active only in the "intake-test" environment.
 */
@Singleton
@Requires(env = "intake-test")
class IntakeTestScopes implements Scopes {
    @Override
    public StaffScope of(Authentication a) {
        Object deputy = a.getAttributes().get("deputyId");
        return new StaffScope(((Number) a.getAttributes().get("accountId")).longValue(),
                Role.valueOf(a.getRoles().iterator().next()),
                deputy == null ? null : ((Number) deputy).longValue(), stations(a), null);
    }

    @Override
    public boolean canSeeStation(Authentication a, long stationId) {
        return stations(a).contains(stationId);
    }

    @Override
    public boolean canManageStation(Authentication a, long stationId) {
        return a.getRoles().contains("STATION_HEAD") && canSeeStation(a, stationId);
    }

    @Override
    public boolean canAdministerRegion(Authentication a, long regionId) {
        return false;
    }

    private static Set<Long> stations(Authentication a) {
        Set<Long> out = new HashSet<>();
        Object v = a.getAttributes().get("stationIds");
        if (v instanceof Collection<?> c) {
            c.forEach(x -> out.add(((Number) x).longValue()));
        }
        return out;
    }
}
