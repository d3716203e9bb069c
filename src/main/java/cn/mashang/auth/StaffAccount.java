package cn.mashang.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;

/**
 * A staff login. Scope columns by role: DEPUTY → deputyId; LIAISON / STATION_HEAD → stationId (a head who is
 * also a deputy may carry deputyId too); ADMIN → regionId; DEPARTMENT → departmentId. {@code tokenVersion} revokes earlier tokens.
 */
@MappedEntity("staff_account")
public record StaffAccount(
        @Id @GeneratedValue @Nullable Long id,
        @Nullable String loginName,
        @Nullable String mobile,
        String displayName,
        String passwordHash,
        Role role,
        @Nullable Long deputyId,
        @Nullable Long stationId,
        @Nullable Long regionId,
        @Nullable Long departmentId,
        boolean active,
        long tokenVersion,
        @Nullable Instant passwordChangedAt,
        @Nullable Instant lastLoginAt,
        @Version @Nullable Long version,
        Instant createdAt,
        Instant updatedAt) {

    /** The name shown for logins: the login name, else the mobile number. */
    public String login() {
        return loginName != null ? loginName : mobile;
    }
}
