package cn.mashang.referral;

import cn.mashang.openapi.StaffApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.mashang.auth.Scopes;
import cn.mashang.auth.StaffAccount;
import cn.mashang.auth.StaffAccountRepository;
import cn.mashang.common.ApiException;
import cn.mashang.common.Times;
import cn.mashang.department.Department;
import cn.mashang.department.DepartmentRepository;
import cn.mashang.notify.Channel;
import cn.mashang.region.RegionRepository;
import cn.mashang.station.Station;
import cn.mashang.station.StationRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.List;

/**
 * Notification targets of departments, stations and people of the admin's region: a configured robot (by name) per
 * owner and channel. {@code PUT} creates or replaces the owner's target for the channel; {@code DELETE} removes it.
 */
@Tag(name = "admin")
@StaffApi
@Controller("/api/v1/admin/notify-targets")
@Secured("ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
class NotifyTargetController {
    private final NotifyTarget.Repository targets;
    private final Scopes scopes;
    private final RegionRepository regions;
    private final DepartmentRepository departments;
    private final StationRepository stations;
    private final StaffAccountRepository accounts;

    NotifyTargetController(NotifyTarget.Repository targets, Scopes scopes, RegionRepository regions,
                           DepartmentRepository departments, StationRepository stations, StaffAccountRepository accounts) {
        this.targets = targets;
        this.scopes = scopes;
        this.regions = regions;
        this.departments = departments;
        this.stations = stations;
        this.accounts = accounts;
    }

    @Serdeable
    record Input(@NotNull NotifyTarget.Kind ownerKind, @NotNull Long ownerId, @NotNull Channel channel,
                 @NotNull @Pattern(regexp = "^[A-Za-z0-9._-]{1,64}$", message = "须为已配置的机器人名称") String target,
                 @Nullable Boolean active) {
    }

    /** The targets of the admin's region and below. */
    @Operation(operationId = "listNotifyTargets", summary = "通知对象 / Notification targets of the admin's region")
    @Get
    List<NotifyTarget> list(Authentication auth) {
        Long home = scopes.of(auth).regionId();
        String path = regions.findById(home).orElseThrow(() -> ApiException.notFound("地区")).path();
        List<Long> ids = regions.findAll().stream().filter(r -> r.path().startsWith(path)).map(r -> r.id()).toList();
        return targets.findByRegionIdInOrderById(ids);
    }

    @Operation(operationId = "putNotifyTarget", summary = "设置通知对象 / Set the robot of a department or station")
    @Put
    @Transactional
    NotifyTarget put(@Valid @Body Input in, Authentication auth) {
        if (in.channel() != Channel.WECOM && in.channel() != Channel.DINGTALK) {
            throw ApiException.badField("channel", "应为 WECOM 或 DINGTALK");
        }
        long region = regionOf(in.ownerKind(), in.ownerId());
        scopes.requireAdministerRegion(auth, region, "对象");
        var now = Times.now();
        var existing = targets.findByOwnerKindAndOwnerIdAndChannel(in.ownerKind(), in.ownerId(), in.channel());
        boolean active = in.active() == null || in.active();
        if (!existing.isEmpty()) {
            NotifyTarget t = existing.get(0);
            return targets.update(new NotifyTarget(t.id(), t.ownerKind(), t.ownerId(), region, t.channel(), in.target(),
                    active, t.createdAt(), now));
        }
        return targets.save(new NotifyTarget(null, in.ownerKind(), in.ownerId(), region, in.channel(), in.target(), active,
                now, now));
    }

    @Operation(operationId = "deleteNotifyTarget", summary = "删除通知对象 / Remove a notification target")
    @Delete("/{id}")
    @Transactional
    NotifyTarget delete(long id, Authentication auth) {
        NotifyTarget t = targets.findById(id).orElseThrow(() -> ApiException.notFound("通知对象"));
        scopes.requireAdministerRegion(auth, t.regionId(), "通知对象");
        targets.delete(t);
        return t;
    }

    /** The region of the owner (its admins may edit its targets); 404 for an unknown owner. */
    private long regionOf(NotifyTarget.Kind kind, long id) {
        return switch (kind) {
            case DEPARTMENT -> departments.findById(id).map(Department::regionId).orElseThrow(() -> ApiException.notFound("部门"));
            case STATION -> stations.findById(id).map(Station::regionId).orElseThrow(() -> ApiException.notFound("联络站"));
            case ACCOUNT -> {
                StaffAccount a = accounts.findById(id).orElseThrow(() -> ApiException.notFound("账号"));
                Long r = a.departmentId() != null ? departments.findById(a.departmentId()).map(Department::regionId).orElse(null)
                        : a.stationId() != null ? stations.findById(a.stationId()).map(Station::regionId).orElse(null)
                        : a.regionId();
                if (r == null) {
                    throw ApiException.notFound("账号");
                }
                yield r;
            }
        };
    }
}
