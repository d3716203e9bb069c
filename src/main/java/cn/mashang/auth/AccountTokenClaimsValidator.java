package cn.mashang.auth;

import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

/**
 * Runs with micronaut-security's own claim validators (signature, iss, aud, exp) on every bearer token:
 * only access tokens authenticate a request (a refresh token presented as a bearer fails), and the token's
 * version must equal the account's current one (logout, password change and deactivation bump it).
 * Every token must carry an expiry (micronaut's exp validator lets a token without one pass); nbf is checked
 * by micronaut (claims-validators.not-before in application.yml).
 * A null request means a programmatic check of a refresh token by {@link TokenService}.
 * Runs on the blocking executor (micronaut.security.token.jwt.nimbus.reactive-validator-execute-on-blocking).
 */
@Singleton
class AccountTokenClaimsValidator<T> implements GenericJwtClaimsValidator<T> {
    private final AccountStates states;

    AccountTokenClaimsValidator(AccountStates states) {
        this.states = states;
    }

    @Override
    public boolean validate(Claims claims, T request) {
        if (claims.get(Claims.EXPIRATION_TIME) == null) {
            return false;
        }
        Object use = claims.get(TokenService.USE);
        if (!TokenService.ACCESS.equals(use) && !(request == null && TokenService.REFRESH.equals(use))) {
            return false;
        }
        Long accountId = TokenService.accountId(claims.get(Claims.SUBJECT));
        if (accountId == null || !(claims.get(TokenService.VERSION) instanceof Number version)) {
            return false;
        }
        return states.accepts(accountId, version.longValue());
    }
}
