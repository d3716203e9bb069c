package cn.mashang.cluster;

/** A change announced by another replica through {@link Broadcast}: {@code revocation} or {@code account} (an id). */
public record ClusterMessage(String topic, String payload) {
    public static final String REVOCATION = "revocation";
    public static final String ACCOUNT = "account";
}
