package cn.mashang.dashboard;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The JSON of the dashboards. Rates are fractions (0.8125), times are working days. */
final class Dtos {
    /** OpenAPI: an interval is absent (not null: nulls are never written) when the rate has no samples. */
    static final String INTERVAL = "95% Wilson 区间 / 95% Wilson interval; absent without samples";

    private Dtos() {
    }

    /**
     * Median and P90 (nearest rank) and mean of a time in working days. {@code exact} false: from 0.1-day
     * histogram buckets (region roll-ups), the value is the lower edge of the bucket.
     */
    @Serdeable
    record TimeStats(long n, @Nullable Double median, @Nullable Double p90, @Nullable Double mean, boolean exact) {
    }

    /** The figures of a set of concerns received in the period; see StationDashboards for the formulas. */
    @Serdeable
    record Figures(long received, long rejected, long handled, long responded, long resolved, long rated, long satisfied,
                   long onTime, long openOverdue, @Nullable Double responseRate, @Nullable Double resolutionRate,
                   @Nullable Double satisfactionRate, @Nullable Double onTimeRate, TimeStats firstResponse,
                   TimeStats resolution) {
    }

    /** A 95% Wilson interval of a rate. */
    @Serdeable
    record Interval(double low, double high) {
        static Interval of(long successes, long n) {
            double[] w = Stats.wilson(successes, n);
            return w == null ? null : new Interval(Stats.r4(w[0]), Stats.r4(w[1]));
        }
    }

    @Serdeable
    record Ref(long id, String name) {
    }

    @Serdeable
    record Point(String label, LocalDate start, long received, long answered, long resolved) {
    }

    /**
     * One deputy's figures with their workload (open concerns now), 95% intervals of the three rates and of the
     * on-time rate, and {@code fewSamples} when fewer than the minimum count were handled (not ranked).
     */
    @Serdeable
    record DeputyRow(@Nullable Long deputyId, String name, long openNow, Figures figures,
                     @Schema(nullable = false, description = INTERVAL) @Nullable Interval responseCi,
                     @Schema(nullable = false, description = INTERVAL) @Nullable Interval resolutionCi,
                     @Schema(nullable = false, description = INTERVAL) @Nullable Interval satisfactionCi,
                     @Schema(nullable = false, description = INTERVAL) @Nullable Interval onTimeCi,
                     boolean fewSamples) {
    }

    @Serdeable
    record CategoryRow(String category, Figures figures) {
    }

    /** An item of the overdue board: an amber or red running clock of an open concern. */
    @Serdeable
    record BoardItem(long concernId, String trackingNo, String category, String state, String stateLabel,
                     @Nullable String deputyName, String segment, String segmentLabel, OffsetDateTime start,
                     OffsetDateTime deadline, String colour, double usedDays, double allowedDays, int reopenCount) {
    }

    @Serdeable
    record StationDashboard(Ref station, LocalDate from, LocalDate to, String by, @Nullable String calendarWarning,
                            int minCount, @Schema(description = "受理件数少于 minCount：比率仅供参考（样本少）") boolean fewSamples,
                            Figures totals, Map<String, Long> byState, Map<String, Long> openByState,
                            List<Point> series, List<DeputyRow> deputies, List<CategoryRow> categories,
                            @Schema(description = "超期看板最紧急的至多 20 条（红在前，再按期限）；全部见 GET /stations/{id}/overdue")
                            List<BoardItem> overdue,
                            @Schema(description = "超期看板的全部条数（黄与红）") int overdueTotal,
                            OffsetDateTime computedAt) {
    }

    @Serdeable
    record ChildRow(long regionId, String name, String level, long stations, Figures figures) {
    }

    /** A station in the committee ranking: ordered by the lower bound of the on-time rate's Wilson interval. */
    @Serdeable
    record StationRank(int rank, long stationId, String name, String regionName, Figures figures,
                       @Schema(nullable = false, description = INTERVAL) @Nullable Interval onTimeCi,
                       boolean fewSamples) {
    }

    /**
     * A department in the committee ranking over the referrals made in the period (referral.DepartmentFigures):
     * by answered-on-time rate over all its referrals, then more answered; fewer than {@code departmentMinCount}
     * referrals: {@code fewSamples}, no rank, listed last.
     */
    @Serdeable
    record DepartmentRank(@Nullable Integer rank, long departmentId, String name, int referrals, int signedOnTime,
                          int answered, int answeredOnTime, int returned, int extensions, int open, int openOverdue,
                          @Nullable Double answeredOnTimeRate,
                          @Schema(nullable = false, description = INTERVAL) @Nullable Interval answeredOnTimeCi,
                          @Nullable Double medianDaysToAnswer, @Nullable Double p90DaysToAnswer, boolean fewSamples) {
    }

    @Serdeable
    record RegionDashboard(Ref region, String level, LocalDate from, LocalDate to, @Nullable String calendarWarning,
                           int minCount, Figures totals, List<Point> series, List<ChildRow> children,
                           List<CategoryRow> categories, List<StationRank> ranking, int stationsWithData,
                           int departmentMinCount, List<DepartmentRank> departments,
                           @Nullable OffsetDateTime dataAsOf, String note) {
    }
}
