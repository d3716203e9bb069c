package cn.mashang.auth;

import cn.mashang.common.ClientAddress;
import cn.mashang.common.ApiException;
import cn.mashang.deputy.DeputyRepository;
import cn.mashang.openapi.StaffApi;
import cn.mashang.openapi.WithBody;
import cn.mashang.region.RegionRepository;
import cn.mashang.station.StationRepository;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** GET /api/v1/me (who am I) and POST /api/v1/me/password. */
@Tag(name = "auth")
@StaffApi
@Controller("/api/v1/me")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class MeController {
    private final Scopes scopes;
    private final StaffAccountRepository accounts;
    private final DeputyRepository deputies;
    private final StationRepository stations;
    private final RegionRepository regions;
    private final AuthService auth;
    private final ClientAddress addresses;

    MeController(Scopes scopes, StaffAccountRepository accounts, DeputyRepository deputies, StationRepository stations,
                 RegionRepository regions, AuthService auth, ClientAddress addresses) {
        this.scopes = scopes;
        this.accounts = accounts;
        this.deputies = deputies;
        this.stations = stations;
        this.regions = regions;
        this.auth = auth;
        this.addresses = addresses;
    }

    @Operation(operationId = "getMe", summary = "当前账号 / The caller's account, role and scope")
    @Get
    AuthDtos.Me me(Authentication authentication) {
        StaffScope scope = scopes.of(authentication);
        StaffAccount a = accounts.findById(scope.accountId()).orElseThrow(
                () -> new ApiException(HttpStatus.UNAUTHORIZED, "请先登录", "登录已失效，请重新登录"));
        var deputy = scope.deputyId() == null ? null
                : deputies.findById(scope.deputyId()).map(d -> new AuthDtos.Named(d.id(), d.name())).orElse(null);
        var stationList = scope.stationIds().stream().sorted()
                .flatMap(id -> stations.findById(id).stream())
                .map(s -> new AuthDtos.Named(s.id(), s.name())).toList();
        var region = scope.regionId() == null ? null
                : regions.findById(scope.regionId()).map(r -> new AuthDtos.Named(r.id(), r.name())).orElse(null);
        return new AuthDtos.Me(a.id(), a.displayName(), a.loginName(), a.mobile(), a.role(), RoleLabels.of(a.role()),
                deputy, stationList, region);
    }

    /** Changes the caller's password; earlier tokens stop working and fresh ones are answered. */
    @Operation(operationId = "changePassword", summary = "修改密码 / Change the caller's password")
    @WithBody
    @Post("/password")
    AuthDtos.TokenResponse changePassword(@Valid @Body AuthDtos.PasswordChange body, Authentication authentication,
                                          HttpRequest<?> request) {
        StaffScope scope = scopes.of(authentication);
        String address = addresses.of(request);
        return auth.changePassword(scope.accountId(), body.currentPassword(), body.newPassword(),
                address == null ? "unknown" : address);
    }
}
