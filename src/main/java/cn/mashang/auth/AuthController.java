package cn.mashang.auth;

import cn.mashang.common.ClientAddress;
import cn.mashang.openapi.PublicApi;
import cn.mashang.openapi.RateLimited;
import cn.mashang.openapi.StaffApi;
import cn.mashang.openapi.WithBody;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** POST /api/v1/auth/login, /refresh (anonymous) and /logout (bearer). */
@Tag(name = "auth")
@Controller("/api/v1/auth")
@ExecuteOn(TaskExecutors.BLOCKING)
class AuthController {
    private final AuthService auth;
    private final ClientAddress addresses;

    AuthController(AuthService auth, ClientAddress addresses) {
        this.auth = auth;
        this.addresses = addresses;
    }

    @Operation(operationId = "login", summary = "登录 / Log in with login name (or mobile) and password")
    @PublicApi
    @RateLimited
    @WithBody
    @Post("/login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    AuthDtos.TokenResponse login(@Valid @Body AuthDtos.LoginRequest body, HttpRequest<?> request) {
        return auth.login(body.login(), body.password(), address(request));
    }

    @Operation(operationId = "refreshToken", summary = "刷新令牌 / Exchange a refresh token for a new access token")
    @PublicApi
    @WithBody
    @Post("/refresh")
    @Secured(SecurityRule.IS_ANONYMOUS)
    AuthDtos.TokenResponse refresh(@Valid @Body AuthDtos.RefreshRequest body) {
        return auth.refresh(body.refreshToken());
    }

    /** Ends every session of the account: its access and refresh tokens stop working. */
    @Operation(operationId = "logout", summary = "退出登录 / Log out: every token of the account stops working")
    @StaffApi
    @Post("/logout")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<Void> logout(Authentication authentication) {
        Long id = TokenService.accountId(authentication.getName());
        if (id != null) {
            auth.logout(id);
        }
        return HttpResponse.noContent();
    }

    private String address(HttpRequest<?> request) {
        String a = addresses.of(request);
        return a == null ? "unknown" : a;
    }
}
