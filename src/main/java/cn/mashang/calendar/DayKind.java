package cn.mashang.calendar;

/** A special day of the calendar: a day off (放假, any weekday) or a 调休 make-up working day (a Sat/Sun). */
public enum DayKind {
    HOLIDAY, WORKDAY
}
