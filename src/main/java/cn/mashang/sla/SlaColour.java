package cn.mashang.sla;

/** Traffic-light state of a clock: GREEN, AMBER (≥ amber ratio of the allowed working time used), RED (past the deadline). */
public enum SlaColour {
    GREEN, AMBER, RED
}
