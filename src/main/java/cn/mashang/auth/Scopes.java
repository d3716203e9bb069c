package cn.mashang.auth;

import io.micronaut.security.authentication.Authentication;

/**
 * The one place that decides data scope (DESIGN.md §2). Every protected endpoint asks it; an object
 * outside the caller's scope answers 404 exactly like an unknown one (callers use the require… methods,
 * which throw {@code ApiException.notFound}).
 */
public interface Scopes {
    /** The caller's scope, read from the token and checked against the account (active, token version). */
    StaffScope of(Authentication authentication);

    /** May read the station's staff-side data: its deputies, liaisons, head; an admin of a region above it. */
    boolean canSeeStation(Authentication authentication, long stationId);

    /** May manage the station (settings, codes, posters, reassign): its head(s), or an admin above it. */
    boolean canManageStation(Authentication authentication, long stationId);

    /** May administer the region (and everything below): an ADMIN whose region contains it. */
    boolean canAdministerRegion(Authentication authentication, long regionId);

    default void requireSeeStation(Authentication authentication, long stationId, String what) {
        if (!canSeeStation(authentication, stationId)) {
            throw cn.mashang.common.ApiException.notFound(what);
        }
    }

    default void requireManageStation(Authentication authentication, long stationId, String what) {
        if (!canManageStation(authentication, stationId)) {
            throw cn.mashang.common.ApiException.notFound(what);
        }
    }

    default void requireAdministerRegion(Authentication authentication, long regionId, String what) {
        if (!canAdministerRegion(authentication, regionId)) {
            throw cn.mashang.common.ApiException.notFound(what);
        }
    }
}
