package cn.mashang.qr;

import cn.mashang.auth.Role;
import cn.mashang.auth.Scopes;
import cn.mashang.auth.StaffScope;
import io.micronaut.context.annotation.Requires;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * TEST ONLY, until the real cn.mashang.auth Scopes lands: the token's "stationIds" claim lists the stations a
 * STATION_HEAD manages. Active only in the "qr-test" environment.
 */
@Singleton
@Requires(env = "qr-test")
class TestScopes implements Scopes {
    @Override
    public StaffScope of(Authentication a) {
        Role role = a.getRoles().contains("ADMIN") ? Role.ADMIN : Role.STATION_HEAD;
        return new StaffScope(1, role, null, stations(a), null);
    }

    private static Set<Long> stations(Authentication a) {
        Object v = a.getAttributes().get("stationIds");
        return v instanceof Collection<?> c ? c.stream().map(o -> ((Number) o).longValue()).collect(Collectors.toSet()) : Set.of();
    }

    @Override
    public boolean canSeeStation(Authentication a, long stationId) {
        return canManageStation(a, stationId);
    }

    @Override
    public boolean canManageStation(Authentication a, long stationId) {
        return a.getRoles().contains("ADMIN") || stations(a).contains(stationId);
    }

    @Override
    public boolean canAdministerRegion(Authentication a, long regionId) {
        return a.getRoles().contains("ADMIN");
    }
}
