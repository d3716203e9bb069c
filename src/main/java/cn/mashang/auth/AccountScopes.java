package cn.mashang.auth;

import cn.mashang.common.Refreshes;
import cn.mashang.cluster.Broadcast;
import cn.mashang.cluster.ClusterMessage;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import cn.mashang.common.ApiException;
import cn.mashang.deputy.Membership;
import cn.mashang.deputy.MembershipRepository;
import cn.mashang.region.Region;
import cn.mashang.region.RegionRepository;
import cn.mashang.station.Station;
import cn.mashang.station.StationRepository;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The one place that decides data scope. The caller's scope is read from the account (not trusted from the
 * token alone), cached briefly and dropped whenever the account changes: a deputy reaches the stations of
 * their active memberships, a liaison or head their station, an admin their region and everything below.
 */
@Singleton
public class AccountScopes implements Scopes {
    private final StaffAccountRepository accounts;
    private final AccountStates states;
    private final MembershipRepository memberships;
    private final StationRepository stations;
    private final RegionRepository regions;
    private final LoadingCache<Long, StaffScope> cache;
    private final @Nullable Broadcast broadcast;

    AccountScopes(StaffAccountRepository accounts, AccountStates states, MembershipRepository memberships,
                  StationRepository stations, RegionRepository regions, AuthConfig config, @Nullable Broadcast broadcast,
                  Refreshes executor) {
        this.broadcast = broadcast;
        this.accounts = accounts;
        this.states = states;
        this.memberships = memberships;
        this.stations = stations;
        this.regions = regions;
        // as AccountStates: never older than the cache time, reloaded in the background past half of it
        Duration bound = Duration.ofSeconds(config.stateCacheSeconds());
        this.cache = executor.within(bound).maximumSize(100_000).build(this::load);
    }

    @Override
    public StaffScope of(Authentication authentication) {
        ApiException unauthorized = new ApiException(HttpStatus.UNAUTHORIZED, "请先登录", "登录已失效，请重新登录");
        if (authentication == null) {
            throw unauthorized;
        }
        Long id = TokenService.accountId(authentication.getName());
        Object version = authentication.getAttributes().get(TokenService.VERSION);
        if (id == null || !(version instanceof Number v) || !states.accepts(id, v.longValue())) {
            throw unauthorized;
        }
        StaffScope scope = cache.get(id);
        if (scope == null) {
            throw unauthorized;
        }
        return scope;
    }

    /** The scope of an account as stored now (used when issuing tokens). */
    public StaffScope scopeOf(StaffAccount account) {
        Set<Long> stationIds = new LinkedHashSet<>();
        if (account.role() == Role.DEPUTY && account.deputyId() != null) {
            memberships.findByDeputyIdAndActiveTrue(account.deputyId()).stream()
                    .map(Membership::stationId)
                    .filter(sid -> stations.findById(sid).map(Station::active).orElse(false))
                    .sorted()
                    .forEach(stationIds::add);
        } else if ((account.role() == Role.LIAISON || account.role() == Role.STATION_HEAD) && account.stationId() != null) {
            stationIds.add(account.stationId());
        }
        return new StaffScope(account.id(), account.role(), account.deputyId(), Set.copyOf(stationIds),
                account.role() == Role.ADMIN ? account.regionId() : null,
                account.role() == Role.DEPARTMENT ? account.departmentId() : null);
    }

    /** Forget cached scopes after an account, membership or station change. */
    public void invalidate(long accountId) {
        cache.invalidate(accountId);
        states.invalidate(accountId);
        if (broadcast != null) {
            broadcast.publish(ClusterMessage.ACCOUNT, Long.toString(accountId)); // the other replicas at once (Redis)
        }
    }

    @EventListener
    void onClusterMessage(ClusterMessage m) {
        if (ClusterMessage.ACCOUNT.equals(m.topic())) {
            cache.invalidate(Long.parseLong(m.payload()));
            states.invalidate(Long.parseLong(m.payload()));
        }
    }

    /** Forget every cached scope and state (after membership, station or deputy changes). */
    public void invalidateAll() {
        cache.invalidateAll();
        states.invalidateAll();
    }

    private StaffScope load(Long id) {
        return accounts.findById(id).filter(StaffAccount::active).map(this::scopeOf).orElse(null);
    }

    @Override
    public boolean canSeeStation(Authentication authentication, long stationId) {
        StaffScope scope = of(authentication);
        if (scope.role() == Role.ADMIN) {
            return stationRegion(stationId).map(r -> within(scope, r)).orElse(false);
        }
        return scope.stationIds().contains(stationId);
    }

    @Override
    public boolean canManageStation(Authentication authentication, long stationId) {
        StaffScope scope = of(authentication);
        return switch (scope.role()) {
            case ADMIN -> stationRegion(stationId).map(r -> within(scope, r)).orElse(false);
            case STATION_HEAD -> scope.stationIds().contains(stationId);
            default -> false;
        };
    }

    @Override
    public boolean canAdministerRegion(Authentication authentication, long regionId) {
        StaffScope scope = of(authentication);
        return scope.role() == Role.ADMIN && regions.findById(regionId).map(r -> within(scope, r)).orElse(false);
    }

    private Optional<Region> stationRegion(long stationId) {
        return stations.findById(stationId).flatMap(s -> regions.findById(s.regionId()));
    }

    private boolean within(StaffScope scope, Region target) {
        if (scope.regionId() == null) {
            return false;
        }
        return regions.findById(scope.regionId()).map(target::within).orElse(false);
    }
}
