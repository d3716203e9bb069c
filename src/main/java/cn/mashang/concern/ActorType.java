package cn.mashang.concern;

/** Who wrote a timeline row. */
public enum ActorType {
    RESIDENT, STAFF, SYSTEM
}
