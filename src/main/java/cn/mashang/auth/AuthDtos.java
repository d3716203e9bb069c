package cn.mashang.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Set;

/** Request and response bodies of /api/v1/auth and /api/v1/me. */
public final class AuthDtos {
    private AuthDtos() {
    }

    @Serdeable
    @Schema(example = "{\"login\": \"13800000001\", \"password\": \"your-password\"}")
    public record LoginRequest(@NotBlank @Size(max = 64) String login, @NotBlank @Size(max = 128) String password) {
    }

    @Serdeable
    public record RefreshRequest(@NotBlank String refreshToken) {
    }

    @Serdeable
    public record PasswordChange(@NotBlank @Size(max = 128) String currentPassword,
                                 @NotBlank @Size(max = 128) String newPassword) {
    }

    @Serdeable
    public record AccountSummary(long id, String displayName, Role role, String roleLabel, @Nullable Long deputyId,
                                 Set<Long> stationIds, @Nullable Long regionId) {
    }

    @Serdeable
    public record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn,
                                AccountSummary account) {
    }

    @Serdeable
    public record Named(long id, String name) {
    }

    /** Who am I: the account, its role in Chinese and its scope with names. */
    @Serdeable
    public record Me(long id, String displayName, @Nullable String loginName, @Nullable String mobile, Role role,
                     String roleLabel,
                     @Schema(nullable = false, description = "关联代表 / only for an account linked to a deputy")
                     @Nullable Named deputy, List<Named> stations,
                     @Schema(nullable = false, description = "管辖地区 / only for an account with a region scope")
                     @Nullable Named region) {
    }
}
