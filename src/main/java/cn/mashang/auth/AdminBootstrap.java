package cn.mashang.auth;

import cn.mashang.common.ApiException;
import cn.mashang.common.JobLock;
import cn.mashang.common.Times;
import cn.mashang.region.Region;
import cn.mashang.region.RegionLevel;
import cn.mashang.region.RegionRepository;
import cn.mashang.region.RegionService;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * The first administrator of a production deployment (RUNBOOK §3.4): with {@code BOOTSTRAP_ADMIN_LOGIN} and
 * {@code BOOTSTRAP_ADMIN_PASSWORD} set, a replica starting on an EMPTY staff_account table creates one ADMIN of the
 * top-level region — the one named {@code BOOTSTRAP_ADMIN_REGION} (created as a CITY when the table has no region
 * yet), or the only top-level region. Once any account exists the settings do nothing (remove them after the first
 * start). Replicas starting together take a lease, so exactly one account is created. A weak password or a missing
 * region stops the start with a message saying which setting to fix.
 */
@Singleton
public class AdminBootstrap {
    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);
    private final StaffAccountRepository accounts;
    private final RegionRepository regions;
    private final RegionService regionService;
    private final PasswordHasher hasher;
    private final JobLock lock;
    private final String login;
    private final String password;
    private final String regionName;

    AdminBootstrap(StaffAccountRepository accounts, RegionRepository regions, RegionService regionService,
                   PasswordHasher hasher, JobLock lock,
                   @Nullable @Value("${bootstrap.admin.login:}") String login,
                   @Nullable @Value("${bootstrap.admin.password:}") String password,
                   @Nullable @Value("${bootstrap.admin.region:}") String regionName) {
        this.accounts = accounts;
        this.regions = regions;
        this.regionService = regionService;
        this.hasher = hasher;
        this.lock = lock;
        this.login = login == null ? "" : login.strip();
        this.password = password == null ? "" : password;
        this.regionName = regionName == null ? "" : regionName.strip();
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (!login.isEmpty()) {
            run();
        }
    }

    /** Creates the first admin if the account table is empty; answers whether it did. */
    public boolean run() {
        if (login.isEmpty() || password.isEmpty()) {
            throw new IllegalStateException("BOOTSTRAP_ADMIN_LOGIN and BOOTSTRAP_ADMIN_PASSWORD must both be set");
        }
        var claimed = lock.claim("bootstrap-admin", Times.now(), Duration.ofMinutes(2));
        if (claimed.isEmpty()) {
            LOG.info("bootstrap admin: another replica is creating it");
            return false;
        }
        try (var lease = claimed.get()) {
            return create();
        }
    }

    @Transactional
    boolean create() {
        if (accounts.count() > 0) {
            LOG.info("bootstrap admin: staff accounts exist, BOOTSTRAP_ADMIN_* ignored (remove them)");
            return false;
        }
        try {
            PasswordHasher.requireStrong("password", password);
        } catch (ApiException weak) {
            throw new IllegalStateException("BOOTSTRAP_ADMIN_PASSWORD is too weak: " + weak.getMessage());
        }
        if (!login.matches("^(?=.*[a-z])[a-z0-9][a-z0-9._-]{2,63}$")) {
            throw new IllegalStateException("BOOTSTRAP_ADMIN_LOGIN: 3–64 lower-case letters, digits or . _ -");
        }
        Region region = topLevelRegion();
        var now = Times.now();
        accounts.save(new StaffAccount(null, login, null, "管理员（" + region.name() + "）", hasher.hash(password),
                Role.ADMIN, null, null, region.id(), null, true, 0, now, null, null, now, now));
        LOG.info("bootstrap admin: created ADMIN '{}' of region {} ({})", login, region.name(), region.id());
        return true;
    }

    private Region topLevelRegion() {
        var roots = regions.findByActiveTrueOrderBySortOrder().stream().filter(r -> r.parentId() == null).toList();
        if (!regionName.isEmpty()) {
            return roots.stream().filter(r -> r.name().equals(regionName)).findFirst()
                    .orElseGet(() -> {
                        if (!roots.isEmpty()) {
                            throw new IllegalStateException("BOOTSTRAP_ADMIN_REGION '" + regionName
                                    + "' is not the top-level region (" + roots.get(0).name() + ")");
                        }
                        return regionService.create(null, regionName, RegionLevel.CITY, null, 0);
                    });
        }
        if (roots.size() != 1) {
            throw new IllegalStateException("BOOTSTRAP_ADMIN_REGION: name the top-level region (e.g. 吕梁市)");
        }
        return roots.get(0);
    }
}
