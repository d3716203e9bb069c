package cn.mashang.archive;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;

/** A deputy's performance archive (履职档案) of one year: the figures and the points of the region's scheme. */
@Serdeable
public record Archive(long deputyId, String deputyName, int year, Figures figures, @Nullable String schemeName,
                      List<ClassPoints> classes, BigDecimal totalPoints) {

    /**
     * @param sessionsAttended    sessions at which the deputy checked in (进站履职)
     * @param residentsReceived   residents received at those sessions (checked-in bookings + walk-ins)
     * @param concernsHandled     concerns assigned to the deputy and resolved in the year
     * @param medianResponseDays  median working days from submission to first response (concerns first answered in the year)
     * @param ratedConcerns       concerns of the deputy rated in the year
     * @param satisfiedConcerns   of those, rated 满意 or 基本满意
     * @param satisfactionRate    satisfied / rated (null when nothing was rated)
     * @param activitiesJoined    published activity plans of the year the deputy took part in
     * @param suggestionsSubmitted suggestions (代表建议) the deputy drafted or joined in the year
     * @param suggestionsSatisfied of their suggestions, closed in the year with the reply rated 满意 or 基本满意
     * @param visitsMade          visits to residents (走访) in the year
     * @param visitResidents      residents met on those visits
     */
    @Serdeable
    public record Figures(int sessionsAttended, int residentsReceived, int concernsHandled,
                          @Nullable BigDecimal medianResponseDays, int ratedConcerns, int satisfiedConcerns,
                          @Nullable BigDecimal satisfactionRate, int activitiesJoined, int suggestionsSubmitted,
                          int suggestionsSatisfied, int visitsMade, int visitResidents) {
    }

    @Serdeable
    public record ItemPoints(String key, String label, BigDecimal count, BigDecimal weight, @Nullable BigDecimal cap,
                             BigDecimal points) {
    }

    @Serdeable
    public record ClassPoints(String name, List<ItemPoints> items, BigDecimal points) {
    }
}
