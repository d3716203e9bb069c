package cn.mashang.notify;

/**
 * A delivery failed. The message is short and safe to store (no URL, key or secret). A permanent failure
 * (unknown webhook name, rejected credentials) is not retried.
 */
public class DeliveryException extends Exception {
    private final boolean permanent;

    public DeliveryException(String safeMessage, boolean permanent) {
        super(safeMessage, null, false, false);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
