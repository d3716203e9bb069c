package cn.mashang.admin;

import cn.mashang.auth.AccountScopes;
import cn.mashang.auth.StaffAccountRepository;
import cn.mashang.common.Times;
import cn.mashang.deputy.Deputy;
import cn.mashang.deputy.DeputyRepository;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/** Deputies whose home region is the admin's: create, update, deactivate (their logins stop too). */
@Singleton
class DeputyAdmin {
    private final DeputyRepository deputies;
    private final StaffAccountRepository accounts;
    private final AdminGuard guard;
    private final AccountScopes scopes;

    DeputyAdmin(DeputyRepository deputies, StaffAccountRepository accounts, AdminGuard guard, AccountScopes scopes) {
        this.deputies = deputies;
        this.accounts = accounts;
        this.guard = guard;
        this.scopes = scopes;
    }

    @Transactional
    AdminDtos.DeputyView create(Authentication auth, AdminDtos.DeputyInput in) {
        guard.region(auth, in.regionId(), "地区");
        var now = Times.now();
        return AdminDtos.DeputyView.of(deputies.save(new Deputy(null, in.name().trim(), in.gender(),
                Deputy.joinLevels(in.levels()), AdminGuard.trim(in.unit()), AdminGuard.trim(in.occupation()),
                AdminGuard.trim(in.constituency()), AdminGuard.trim(in.publicPhone()), AdminGuard.trim(in.publicEmail()),
                AdminGuard.trim(in.bio()), in.regionId(), true, null, now, now)));
    }

    @Transactional
    AdminDtos.DeputyView update(Authentication auth, long id, AdminDtos.DeputyInput in) {
        Deputy d = guard.deputyWholly(auth, id);
        if (!in.regionId().equals(d.regionId())) {
            guard.region(auth, in.regionId(), "地区");
        }
        return AdminDtos.DeputyView.of(deputies.update(new Deputy(d.id(), in.name().trim(), in.gender(),
                Deputy.joinLevels(in.levels()), AdminGuard.trim(in.unit()), AdminGuard.trim(in.occupation()),
                AdminGuard.trim(in.constituency()), AdminGuard.trim(in.publicPhone()), AdminGuard.trim(in.publicEmail()),
                AdminGuard.trim(in.bio()), in.regionId(), d.active(), d.version(), d.createdAt(), Times.now())));
    }

    @Transactional
    AdminDtos.DeputyView deactivate(Authentication auth, long id) {
        Deputy d = guard.deputyWholly(auth, id);
        Deputy saved = deputies.update(new Deputy(d.id(), d.name(), d.gender(), d.levels(), d.unit(), d.occupation(),
                d.constituency(), d.publicPhone(), d.publicEmail(), d.bio(), d.regionId(), false, d.version(),
                d.createdAt(), Times.now()));
        accounts.deactivateDeputyLogins(id, Times.now());
        scopes.invalidateAll();
        return AdminDtos.DeputyView.of(saved);
    }
}
