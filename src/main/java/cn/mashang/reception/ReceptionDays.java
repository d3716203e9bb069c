package cn.mashang.reception;

import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * The one formatter of reception rules: "每月第一个周三 09:00—12:00（遇节假日顺延至下一个工作日）". The reception
 * desk ({@code RuleView.description}), the station's public page ({@code receptionDays} of the station and of its
 * code) and the wall poster all print this text, so they cannot say different things. The station's free-text
 * {@code receptionNote} is extra text beside it.
 */
@Singleton
public class ReceptionDays {
    private final ReceptionRepositories.Rules rules;

    ReceptionDays(ReceptionRepositories.Rules rules) {
        this.rules = rules;
    }

    /** The texts of the station's active rules, oldest first (empty without a rule). */
    public List<String> of(long stationId) {
        return rules.findByStationIdAndActiveTrueOrderById(stationId).stream().map(ReceptionDays::describe).toList();
    }

    static String describe(ReceptionRule r) {
        String policy = switch (r.holidayPolicy()) {
            case KEEP -> "节假日照常";
            case SKIP -> "仅工作日，遇节假日停一次";
            case NEXT_WORKING_DAY -> "遇节假日顺延至下一个工作日";
            case PREVIOUS_WORKING_DAY -> "遇节假日提前至上一个工作日";
        };
        return r.pattern().text() + " " + r.startTime() + "—" + r.endTime() + "（" + policy + "）";
    }

    /** The choices of a rule's weekOfMonth with their words (1 → 第一个 … -1 → 最后一个), for the pages' labels. */
    public static Map<Integer, String> weekOrdinals() {
        return RulePattern.ordinals();
    }
}
