package cn.mashang.open311;

import cn.mashang.auth.Scopes;
import cn.mashang.common.ApiException;
import cn.mashang.common.Times;
import cn.mashang.region.Region;
import cn.mashang.region.RegionRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Open311 client keys: admins of a region issue them (the key is answered once; only its SHA-256 is kept) and
 * revoke them, within their region; every Open311 call with {@code api_key} is checked here against the table
 * (no cache: a revocation holds at once on every replica).
 */
@Singleton
class ApiClients {
    static final String PREFIX = "o311_";
    private final ApiClientRepository clients;
    private final RegionRepository regions;
    private final Scopes scopes;
    private final SecureRandom random = new SecureRandom();

    ApiClients(ApiClientRepository clients, RegionRepository regions, Scopes scopes) {
        this.clients = clients;
        this.regions = regions;
        this.scopes = scopes;
    }

    @Serdeable
    record Input(@NotBlank @Size(max = 64) String name) {
    }

    @Serdeable
    record View(long id, long regionId, String regionName, String name, String keyPrefix, boolean active,
                long requestCount, @Nullable OffsetDateTime lastUsedAt, OffsetDateTime createdAt,
                @Nullable OffsetDateTime revokedAt) {
    }

    /** The new client and its key, shown this once. */
    @Serdeable
    record Created(View client, String apiKey) {
    }

    @Transactional(readOnly = true)
    List<View> list(Authentication auth, long regionId) {
        Region region = administered(auth, regionId);
        List<ApiClient> rows = clients.findUnder(region.path() + "%");
        Map<Long, String> names = new java.util.HashMap<>();
        return rows.stream().map(c -> view(c, names.computeIfAbsent(c.regionId(),
                id -> regions.findById(id).map(Region::name).orElse("")))).toList();
    }

    @Transactional
    Created create(Authentication auth, long regionId, Input in) {
        Region region = administered(auth, regionId);
        String name = in.name() == null ? "" : in.name().strip();
        if (name.isEmpty() || name.length() > 64) {
            throw ApiException.badField("name", "请填写 1 到 64 字的客户端名称");
        }
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiClient saved = clients.save(new ApiClient(null, region.id(), name, sha256(key), key.substring(0, 9), true,
                0, null, scopes.of(auth).accountId(), Times.now(), null, null));
        return new Created(view(saved, region.name()), key);
    }

    @Transactional
    View revoke(Authentication auth, long clientId) {
        ApiClient c = clients.findById(clientId).filter(x -> scopes.canAdministerRegion(auth, x.regionId()))
                .orElseThrow(() -> ApiException.notFound("Open311 客户端"));
        clients.revoke(c.id(), scopes.of(auth).accountId(), Times.now());
        ApiClient after = clients.findById(clientId).orElseThrow();
        return view(after, regions.findById(after.regionId()).map(Region::name).orElse(""));
    }

    /** The active client of a key; a missing, unknown or revoked key answers 403. */
    ApiClient authenticate(@Nullable String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw Open311Exception.forbidden("api_key was not provided: service requests need the api_key of a "
                    + "registered client");
        }
        return optional(apiKey).orElseThrow();
    }

    /** No key: empty; a key that is not an active client's: 403. */
    Optional<ApiClient> optional(@Nullable String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            return Optional.empty();
        }
        Optional<ApiClient> c = apiKey.length() > 100 ? Optional.empty()
                : clients.findByKeyHash(sha256(apiKey.strip())).filter(ApiClient::active);
        if (c.isEmpty()) {
            throw Open311Exception.forbidden("invalid api_key");
        }
        return c;
    }

    /** The region a client may file into (its own and below). */
    Region region(ApiClient client) {
        return regions.findById(client.regionId()).orElseThrow();
    }

    void counted(long clientId, Instant at) {
        clients.countRequest(clientId, at);
    }

    private Region administered(Authentication auth, long regionId) {
        scopes.requireAdministerRegion(auth, regionId, "地区");
        return regions.findById(regionId).orElseThrow(() -> ApiException.notFound("地区"));
    }

    private static View view(ApiClient c, String regionName) {
        return new View(c.id(), c.regionId(), regionName, c.name(), c.keyPrefix(), c.active(), c.requestCount(),
                Times.show(c.lastUsedAt()), Times.show(c.createdAt()), Times.show(c.revokedAt()));
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
