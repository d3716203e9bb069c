package cn.mashang.reception;

/**
 * What a recurring reception day does when its date is not a working day (a weekend, or a public holiday of
 * the working-day calendar; a 调休 make-up Saturday/Sunday IS a working day):
 * KEEP holds it anyway, SKIP drops it ("only on working days"), NEXT_WORKING_DAY / PREVIOUS_WORKING_DAY move it.
 */
public enum HolidayPolicy {
    KEEP, SKIP, NEXT_WORKING_DAY, PREVIOUS_WORKING_DAY
}
