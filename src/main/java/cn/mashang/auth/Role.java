package cn.mashang.auth;

/** Staff roles (DESIGN.md §2). Residents are anonymous and have no role. */
public enum Role {
    DEPUTY, LIAISON, STATION_HEAD, ADMIN
}
