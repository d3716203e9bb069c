package cn.mashang.concern;

/** How a resolved concern ended (DESIGN.md §3). */
public enum Outcome {
    SOLVED, EXPLAINED, NOT_SOLVABLE_BY_POLICY, DUPLICATE_MERGED
}
