package cn.mashang.notify;

/** PENDING (due at next_attempt_at) → SENDING (claimed, leased) → SENT, or back to PENDING with backoff, or FAILED. */
public enum OutboxStatus {
    PENDING, SENDING, SENT, FAILED
}
