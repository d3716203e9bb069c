package cn.mashang.concern;

/** How a concern reached the station. */
public enum Channel {
    STATION_CODE, DEPUTY_CODE, RECEPTION_DAY, PHONE, OPEN311
}
