package cn.mashang.auth;

import cn.mashang.common.ApiException;
import cn.mashang.common.Times;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.Optional;

/** Login, refresh, logout and password change. Failures never say whether an account exists. */
@Singleton
public class AuthService {
    private final StaffAccountRepository accounts;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final TokenService tokens;
    private final AccountScopes scopes;

    AuthService(StaffAccountRepository accounts, PasswordHasher hasher, LoginThrottle throttle, TokenService tokens,
                AccountScopes scopes) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.throttle = throttle;
        this.tokens = tokens;
        this.scopes = scopes;
    }

    public AuthDtos.TokenResponse login(String login, String password, String address) {
        String name = login == null ? "" : login.trim();
        throttle.check(name, address);
        Optional<StaffAccount> found = name.isEmpty() ? Optional.empty()
                : accounts.findByLoginName(name).or(() -> accounts.findByMobile(name));
        boolean ok = found.isPresent() ? hasher.matches(password, found.get().passwordHash())
                : hasher.matchesNothing(password);
        if (!ok || !found.get().active()) {
            throttle.failed(name, address);
            throw new ApiException(HttpStatus.UNAUTHORIZED, "登录失败", "账号或密码不正确");
        }
        throttle.succeeded(name);
        StaffAccount account = found.get();
        accounts.markLogin(account.id(), Times.now());
        return respond(account);
    }

    public AuthDtos.TokenResponse refresh(String refreshToken) {
        long id = tokens.accountOfRefreshToken(refreshToken);
        StaffAccount account = accounts.findById(id).filter(StaffAccount::active).orElseThrow(
                () -> new ApiException(HttpStatus.UNAUTHORIZED, "请先登录", "登录已失效，请重新登录"));
        return respond(account);
    }

    /** Revokes every token of the account issued so far (all devices). */
    @Transactional
    public void logout(long accountId) {
        accounts.bumpTokenVersion(accountId, Times.now());
        scopes.invalidate(accountId);
    }

    /** Checks the current password (throttled like a login), stores the new one and answers fresh tokens. */
    public AuthDtos.TokenResponse changePassword(long accountId, String current, String next, String address) {
        StaffAccount account = accounts.findById(accountId).filter(StaffAccount::active)
                .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "请先登录", "登录已失效，请重新登录"));
        throttle.check(account.login(), address);
        if (!hasher.matches(current, account.passwordHash())) {
            throttle.failed(account.login(), address);
            throw ApiException.badField("currentPassword", "当前密码不正确");
        }
        PasswordHasher.requireStrong("newPassword", next);
        if (next.equals(current)) {
            throw ApiException.badField("newPassword", "新密码不能与当前密码相同");
        }
        accounts.changePassword(accountId, hasher.hash(next), Times.now());
        scopes.invalidate(accountId);
        return respond(accounts.findById(accountId).orElseThrow());
    }

    private AuthDtos.TokenResponse respond(StaffAccount account) {
        StaffScope scope = scopes.scopeOf(account);
        TokenService.TokenPair pair = tokens.issue(account, scope);
        return new AuthDtos.TokenResponse(pair.accessToken(), pair.refreshToken(), "Bearer", pair.expiresIn(),
                new AuthDtos.AccountSummary(account.id(), account.displayName(), account.role(),
                        RoleLabels.of(account.role()), scope.deputyId(), scope.stationIds(), scope.regionId()));
    }
}
