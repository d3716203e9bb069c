package cn.mashang.reception;

/**
 * What a recurring reception day does when its date is not a working day (a weekend, or a public holiday of
 * the working-day calendar; a 调休 make-up Saturday/Sunday IS a working day):
 * KEEP holds it anyway, SKIP drops it ("only on working days"), NEXT_WORKING_DAY / PREVIOUS_WORKING_DAY move it.
 */
public enum HolidayPolicy {
    KEEP("照常"), SKIP("停一次（仅工作日）"), NEXT_WORKING_DAY("顺延至下一个工作日"), PREVIOUS_WORKING_DAY("提前至上一个工作日");

    private final String label;

    HolidayPolicy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
