package cn.mashang.deputy;

/** A deputy's role in one station: 站长, 副站长, 驻站代表. Declared in display order. */
public enum MembershipRole {
    HEAD("站长"), DEPUTY_HEAD("副站长"), RESIDENT("驻站代表");

    private final String label;

    MembershipRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
