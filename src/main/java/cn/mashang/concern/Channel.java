package cn.mashang.concern;

/** How a concern reached the station. */
public enum Channel {
    STATION_CODE, DEPUTY_CODE, RECEPTION_DAY, PHONE, OPEN311,
    /** Raised on the spot during a deputy's visit to residents (走访, cn.mashang.suggestion.Visits). */
    VISIT
}
