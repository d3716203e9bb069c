package cn.mashang.sla;

/**
 * An SLA rule or the working-day calendar changed, so stored deadlines (cn.mashang.concern.Deadlines) may be wrong
 * for unfinished concerns; published after the change is saved.
 *
 * @param what for the log: "rule" or "calendar"
 */
public record SlaInputsChanged(String what) {
}
