package cn.mashang.admin;

import cn.mashang.auth.AccountScopes;
import cn.mashang.auth.PasswordHasher;
import cn.mashang.auth.Role;
import cn.mashang.auth.StaffAccount;
import cn.mashang.auth.StaffAccountRepository;
import cn.mashang.common.ApiException;
import cn.mashang.common.PageResponse;
import cn.mashang.common.Times;
import cn.mashang.department.DepartmentRepository;
import cn.mashang.deputy.DeputyRepository;
import cn.mashang.region.RegionRepository;
import cn.mashang.station.StationRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.Objects;

/**
 * Staff accounts of the admin's region. An account's place is its scope: an admin's region, a liaison's or
 * head's station, a deputy's home region, a department account's department (its region). Changing role or scope, deactivating and resetting the password
 * all revoke the account's earlier tokens.
 */
@Singleton
class AccountAdmin {
    private final StaffAccountRepository accounts;
    private final StationRepository stations;
    private final DeputyRepository deputies;
    private final RegionRepository regions;
    private final AdminLookups lookups;
    private final AdminGuard guard;
    private final PasswordHasher hasher;
    private final AccountScopes scopes;
    private final DepartmentRepository departments;

    AccountAdmin(StaffAccountRepository accounts, StationRepository stations, DeputyRepository deputies,
                 RegionRepository regions, AdminLookups lookups, AdminGuard guard, PasswordHasher hasher,
                 AccountScopes scopes, DepartmentRepository departments) {
        this.departments = departments;
        this.accounts = accounts;
        this.stations = stations;
        this.deputies = deputies;
        this.regions = regions;
        this.lookups = lookups;
        this.guard = guard;
        this.hasher = hasher;
        this.scopes = scopes;
    }

    /** Role-dependent scope columns after checking each lies in the caller's region. */
    private record Place(Long deputyId, Long stationId, Long regionId, Long departmentId) {
    }

    PageResponse<AdminDtos.AccountView> list(Authentication auth, Pageable pageable) {
        Long regionId = scopes.of(auth).regionId();
        String path = regions.findById(regionId).orElseThrow(() -> ApiException.notFound("地区")).path();
        var page = accounts.findUnder(path + "%", pageable);
        return new PageResponse<>(page.getContent().stream().map(AdminDtos.AccountView::of).toList(),
                pageable.getNumber(), pageable.getSize(), page.getTotalSize());
    }

    AdminDtos.AccountView get(Authentication auth, long id) {
        return AdminDtos.AccountView.of(find(auth, id));
    }

    @Transactional
    AdminDtos.AccountView create(Authentication auth, AdminDtos.AccountInput in) {
        Place place = place(auth, in);
        String login = AdminGuard.trim(in.loginName());
        String mobile = AdminGuard.trim(in.mobile());
        requireLogin(login, mobile, -1L);
        PasswordHasher.requireStrong("password", in.password());
        var now = Times.now();
        return AdminDtos.AccountView.of(accounts.save(new StaffAccount(null, login, mobile, in.displayName().trim(),
                hasher.hash(in.password()), in.role(), place.deputyId(), place.stationId(), place.regionId(),
                place.departmentId(), true, 0,
                now, null, null, now, now)));
    }

    @Transactional
    AdminDtos.AccountView update(Authentication auth, long id, AdminDtos.AccountInput in) {
        StaffAccount a = find(auth, id);
        Place place = place(auth, in);
        String login = AdminGuard.trim(in.loginName());
        String mobile = AdminGuard.trim(in.mobile());
        requireLogin(login, mobile, id);
        boolean scopeChanged = a.role() != in.role() || !Objects.equals(a.deputyId(), place.deputyId())
                || !Objects.equals(a.stationId(), place.stationId()) || !Objects.equals(a.regionId(), place.regionId())
                || !Objects.equals(a.departmentId(), place.departmentId());
        if (scopeChanged && a.id().equals(scopes.of(auth).accountId())) {
            throw ApiException.conflict("不能修改本人账号的角色或管辖范围");
        }
        StaffAccount saved = accounts.update(new StaffAccount(a.id(), login, mobile, in.displayName().trim(),
                a.passwordHash(), in.role(), place.deputyId(), place.stationId(), place.regionId(), place.departmentId(),
                a.active(),
                a.tokenVersion() + (scopeChanged ? 1 : 0), a.passwordChangedAt(), a.lastLoginAt(), a.version(),
                a.createdAt(), Times.now()));
        scopes.invalidate(id);
        return AdminDtos.AccountView.of(saved);
    }

    @Transactional
    AdminDtos.AccountView setActive(Authentication auth, long id, boolean active) {
        StaffAccount a = find(auth, id);
        if (!active && a.id().equals(scopes.of(auth).accountId())) {
            throw ApiException.conflict("不能停用本人账号");
        }
        StaffAccount saved = accounts.update(new StaffAccount(a.id(), a.loginName(), a.mobile(), a.displayName(),
                a.passwordHash(), a.role(), a.deputyId(), a.stationId(), a.regionId(), a.departmentId(), active,
                a.tokenVersion() + 1,
                a.passwordChangedAt(), a.lastLoginAt(), a.version(), a.createdAt(), Times.now()));
        scopes.invalidate(id);
        return AdminDtos.AccountView.of(saved);
    }

    @Transactional
    AdminDtos.AccountView resetPassword(Authentication auth, long id, String password) {
        StaffAccount a = find(auth, id);
        PasswordHasher.requireStrong("password", password);
        accounts.changePassword(a.id(), hasher.hash(password), Times.now());
        scopes.invalidate(id);
        return AdminDtos.AccountView.of(accounts.findById(id).orElseThrow());
    }

    private StaffAccount find(Authentication auth, long id) {
        StaffAccount a = accounts.findById(id).orElseThrow(() -> ApiException.notFound("账号"));
        guard.wholly(auth, guard.reach(a), "账号");   // everything the account reaches, not only its home
        return a;
    }

    private Place place(Authentication auth, AdminDtos.AccountInput in) {
        Role role = in.role();
        return switch (role) {
            case ADMIN -> {
                if (in.regionId() == null) {
                    throw ApiException.badField("regionId", "管理员账号须指定管辖地区");
                }
                guard.region(auth, in.regionId(), "地区");
                yield new Place(null, null, in.regionId(), null);
            }
            case LIAISON, STATION_HEAD -> {
                if (in.stationId() == null) {
                    throw ApiException.badField("stationId", "联络员、站长账号须指定联络站");
                }
                guard.station(auth, in.stationId());
                Long deputyId = null;
                if (role == Role.STATION_HEAD && in.deputyId() != null) {
                    deputyId = guard.deputyWholly(auth, in.deputyId()).id();
                }
                yield new Place(deputyId, in.stationId(), null, null);
            }
            case DEPUTY -> {
                if (in.deputyId() == null) {
                    throw ApiException.badField("deputyId", "代表账号须指定代表");
                }
                guard.deputyWholly(auth, in.deputyId());
                yield new Place(in.deputyId(), null, null, null);
            }
            case DEPARTMENT -> {
                if (in.departmentId() == null) {
                    throw ApiException.badField("departmentId", "部门账号须指定承办部门");
                }
                var d = departments.findById(in.departmentId()).filter(x -> x.active())
                        .orElseThrow(() -> ApiException.notFound("部门"));
                guard.region(auth, d.regionId(), "部门");
                yield new Place(null, null, null, d.id());
            }
        };
    }

    private void requireLogin(String login, String mobile, Long exceptId) {
        if (login == null && mobile == null) {
            throw ApiException.badField("loginName", "登录名和手机号至少填写一项");
        }
        if (login != null && lookups.accountsWithLogin(login, exceptId) > 0) {
            throw ApiException.conflict("登录名“" + login + "”已被使用");
        }
        if (mobile != null && lookups.accountsWithMobile(mobile, exceptId) > 0) {
            throw ApiException.conflict("该手机号已被其他账号使用");
        }
    }
}
