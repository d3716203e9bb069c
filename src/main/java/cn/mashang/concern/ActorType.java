package cn.mashang.concern;

/** Who wrote a timeline row. CLIENT: an external system through Open311 (no staff account). */
public enum ActorType {
    RESIDENT, STAFF, SYSTEM, CLIENT
}
