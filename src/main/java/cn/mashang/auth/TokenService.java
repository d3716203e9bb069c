package cn.mashang.auth;

import cn.mashang.common.ApiException;
import com.nimbusds.jwt.JWT;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import io.micronaut.security.token.jwt.validator.JsonWebTokenValidator;
import io.micronaut.security.token.jwt.validator.JwtClaimsValidatorConfiguration;
import jakarta.inject.Singleton;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Issues and checks staff tokens with micronaut-security-jwt: the configured signature (HS256 from
 * micronaut.security.token.jwt.signatures.secret.generator), issuer and audience of the claim validators.
 * Access tokens live minutes, refresh tokens days; {@code token_use} tells them apart and {@code ver} ties
 * both to the account's token version, so logout revokes both.
 */
@Singleton
public class TokenService {
    static final String USE = "token_use";
    static final String ACCESS = "access";
    static final String REFRESH = "refresh";
    static final String VERSION = "ver";
    static final String ROLES = "roles";

    private final JwtTokenGenerator generator;
    private final JsonWebTokenValidator<JWT, HttpRequest<?>> validator;
    private final JwtClaimsValidatorConfiguration claimsConfig;
    private final AuthConfig config;

    TokenService(JwtTokenGenerator generator, JsonWebTokenValidator<JWT, HttpRequest<?>> validator,
                 JwtClaimsValidatorConfiguration claimsConfig, AuthConfig config) {
        this.generator = generator;
        this.validator = validator;
        this.claimsConfig = claimsConfig;
        this.config = config;
    }

    /** A fresh access + refresh pair for the account with its current scope. */
    public TokenPair issue(StaffAccount account, StaffScope scope) {
        Instant now = Instant.now();
        Duration accessLife = Duration.ofMinutes(config.accessTokenMinutes());
        Map<String, Object> access = base(account, now, accessLife, ACCESS);
        access.put(ROLES, List.of(account.role().name()));
        access.put("name", account.displayName());
        if (scope.deputyId() != null) {
            access.put("deputy_id", scope.deputyId());
        }
        access.put("station_ids", new ArrayList<>(scope.stationIds()));
        if (scope.regionId() != null) {
            access.put("region_id", scope.regionId());
        }
        Map<String, Object> refresh = base(account, now, Duration.ofDays(config.refreshTokenDays()), REFRESH);
        return new TokenPair(sign(access), sign(refresh), accessLife.toSeconds());
    }

    /** The account id of a valid, unrevoked refresh token; 401 otherwise. */
    public long accountOfRefreshToken(String token) {
        ApiException invalid = new ApiException(HttpStatus.UNAUTHORIZED, "请先登录", "登录已失效，请重新登录");
        if (token == null || token.isBlank() || token.length() > 4096) {
            throw invalid;
        }
        JWT jwt = validator.validate(token, null).orElseThrow(() -> invalid);
        try {
            var claims = jwt.getJWTClaimsSet();
            Long id = accountId(claims.getSubject());
            if (!REFRESH.equals(claims.getClaim(USE)) || id == null) {
                throw invalid;
            }
            return id;
        } catch (ParseException e) {
            throw invalid;
        }
    }

    private Map<String, Object> base(StaffAccount account, Instant now, Duration life, String use) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", String.valueOf(account.id()));
        claims.put("iss", claimsConfig.getIssuer());
        claims.put("aud", claimsConfig.getAudience());
        claims.put("iat", now.getEpochSecond());
        claims.put("nbf", now.getEpochSecond());
        claims.put("exp", now.plus(life).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        claims.put(USE, use);
        claims.put(VERSION, account.tokenVersion());
        return claims;
    }

    private String sign(Map<String, Object> claims) {
        return generator.generateToken(claims).orElseThrow(() -> new IllegalStateException("token signing failed"));
    }

    /**
     * What a valid access token of {@code account} authenticates as: for work the server does as that person
     * without a request (the living demo acts as its demo staff). {@link Scopes#of} still checks the account.
     */
    public static Authentication authenticationOf(StaffAccount account) {
        return Authentication.build(String.valueOf(account.id()), List.of(account.role().name()),
                Map.of(VERSION, account.tokenVersion()));
    }

    static Long accountId(Object subject) {
        if (subject == null) {
            return null;
        }
        try {
            return Long.valueOf(subject.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Signed tokens and the access token's lifetime in seconds. */
    public record TokenPair(String accessToken, String refreshToken, long expiresIn) {
    }
}
