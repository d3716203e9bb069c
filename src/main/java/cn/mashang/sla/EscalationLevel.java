package cn.mashang.sla;

/**
 * Steps of an escalation, each recorded once per breach (sla_escalation) and notified once (outbox dedupe key):
 * DEPUTY_AMBER — the clock passed the amber ratio, the handling deputy is reminded; HEAD_RED — the deadline
 * passed, the deputy and the station head are told; ADMIN_RED — still red {@code sla.overdue.admin-after-days}
 * working days after the deadline, the committee admin of the region is told.
 */
public enum EscalationLevel {
    DEPUTY_AMBER, HEAD_RED, ADMIN_RED
}
