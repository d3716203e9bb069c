package cn.mashang.auth;

/** Chinese names of the roles, as shown in the portal. */
public final class RoleLabels {
    private RoleLabels() {
    }

    public static String of(Role role) {
        return switch (role) {
            case DEPUTY -> "代表";
            case LIAISON -> "联络员";
            case STATION_HEAD -> "站长";
            case ADMIN -> "管理员";
            case DEPARTMENT -> "承办部门";
        };
    }
}
