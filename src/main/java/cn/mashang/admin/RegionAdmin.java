package cn.mashang.admin;

import cn.mashang.auth.Scopes;
import cn.mashang.common.ApiException;
import cn.mashang.common.Times;
import cn.mashang.region.Region;
import cn.mashang.region.RegionLevel;
import cn.mashang.region.RegionRepository;
import cn.mashang.region.RegionService;
import cn.mashang.station.StationRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.Objects;

/** Regions below the admin's own: create, rename, deactivate (only when no active station lies below). */
@Singleton
class RegionAdmin {
    private final RegionRepository regions;
    private final RegionService regionService;
    private final StationRepository stations;
    private final AdminLookups lookups;
    private final AdminGuard guard;
    private final Scopes scopes;

    RegionAdmin(RegionRepository regions, RegionService regionService, StationRepository stations,
                AdminLookups lookups, AdminGuard guard, Scopes scopes) {
        this.regions = regions;
        this.regionService = regionService;
        this.stations = stations;
        this.lookups = lookups;
        this.guard = guard;
        this.scopes = scopes;
    }

    @Transactional
    AdminDtos.RegionView create(Authentication auth, AdminDtos.RegionInput in) {
        if (in.parentId() == null) {
            throw ApiException.badField("parentId", "须指定上级地区");
        }
        guard.region(auth, in.parentId(), "上级地区");
        Region parent = regions.findById(in.parentId()).filter(Region::active)
                .orElseThrow(() -> ApiException.notFound("上级地区"));
        if (parent.level() == RegionLevel.VILLAGE) {
            throw ApiException.badField("parentId", "村（社区）下不能再设地区");
        }
        RegionLevel level = in.level() == null ? RegionLevel.values()[parent.level().ordinal() + 1] : in.level();
        if (level.ordinal() <= parent.level().ordinal()) {
            throw ApiException.badField("level", "须低于上级地区的层级");
        }
        String name = in.name().trim();
        if (lookups.regionsNamed(parent.id(), name, -1L) > 0) {
            throw ApiException.conflict("同一上级地区下已有名为“" + name + "”的地区");
        }
        return AdminDtos.RegionView.of(regionService.create(parent.id(), name, level, AdminGuard.trim(in.divisionCode()),
                in.sortOrder() == null ? 0 : in.sortOrder()));
    }

    @Transactional
    AdminDtos.RegionView update(Authentication auth, long id, AdminDtos.RegionInput in) {
        guard.region(auth, id, "地区");
        Region r = regions.findById(id).orElseThrow(() -> ApiException.notFound("地区"));
        if (in.parentId() != null && !Objects.equals(in.parentId(), r.parentId())) {
            throw ApiException.badField("parentId", "不支持移动地区");
        }
        if (in.level() != null && in.level() != r.level()) {
            throw ApiException.badField("level", "不支持修改地区层级");
        }
        String name = in.name().trim();
        if (r.parentId() != null && lookups.regionsNamed(r.parentId(), name, id) > 0) {
            throw ApiException.conflict("同一上级地区下已有名为“" + name + "”的地区");
        }
        return AdminDtos.RegionView.of(regions.update(new Region(r.id(), r.parentId(), name, r.level(),
                AdminGuard.trim(in.divisionCode()), r.path(), in.sortOrder() == null ? r.sortOrder() : in.sortOrder(),
                r.active(), r.createdAt(), Times.now())));
    }

    @Transactional
    AdminDtos.RegionView deactivate(Authentication auth, long id) {
        guard.region(auth, id, "地区");
        Region r = regions.findById(id).orElseThrow(() -> ApiException.notFound("地区"));
        if (Objects.equals(scopes.of(auth).regionId(), id)) {
            throw ApiException.conflict("不能停用本人管辖的地区");
        }
        if (stations.findActiveUnder(r.path() + "%", Pageable.from(0, 1)).getTotalSize() > 0) {
            throw ApiException.conflict("该地区下仍有在用的联络站，请先停用或迁移");
        }
        return AdminDtos.RegionView.of(regions.update(new Region(r.id(), r.parentId(), r.name(), r.level(),
                r.divisionCode(), r.path(), r.sortOrder(), false, r.createdAt(), Times.now())));
    }
}
