package cn.mashang.auth;

/** Staff roles (DESIGN.md §2). Residents are anonymous and have no role. */
public enum Role {
    DEPUTY, LIAISON, STATION_HEAD, ADMIN,
    /** A department's staff (承办部门): scoped to one department, sees only the concerns referred to it. */
    DEPARTMENT
}
