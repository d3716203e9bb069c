package cn.mashang.reception;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Request and answer shapes of the reception API. */
final class ReceptionDtos {
    static final String HHMM = "([01]\\d|2[0-3]):[0-5]\\d";

    private ReceptionDtos() {
    }

    @Serdeable
    record RuleInput(@NotNull RuleKind kind, @Nullable @Min(1) @Max(31) Integer dayOfMonth,
                     @Nullable @Min(1) @Max(7) Integer dayOfWeek,
                     @Schema(description = "MONTHLY_WEEKDAY：第几个（1–4，-1 = 最后一个）/ which one of the month")
                     @Nullable @Min(-1) @Max(4) Integer weekOfMonth,
                     @NotNull @Pattern(regexp = HHMM) String startTime, @NotNull @Pattern(regexp = HHMM) String endTime,
                     @Schema(type = "string") @Nullable HolidayPolicy holidayPolicy,
                     @Nullable @Size(max = 200) String place,
                     @Nullable @Min(1) @Max(1000) Integer capacity, @Nullable List<Long> deputyIds,
                     @Nullable @Size(max = 64) String title) {
    }

    @Serdeable
    record RuleView(long id, long stationId, RuleKind kind, @Nullable Integer dayOfMonth, @Nullable Integer dayOfWeek,
                    @Nullable Integer weekOfMonth, String startTime, String endTime, HolidayPolicy holidayPolicy, String description,
                    @Nullable String place, int capacity, List<Long> deputyIds, @Nullable String title, int generated) {
    }

    @Serdeable
    record SessionInput(@NotNull LocalDate date, @NotNull @Pattern(regexp = HHMM) String startTime,
                        @NotNull @Pattern(regexp = HHMM) String endTime, @Nullable @Size(max = 200) String place,
                        @Nullable @Min(1) @Max(1000) Integer capacity, @Nullable List<Long> deputyIds,
                        @Nullable @Size(max = 64) String title) {
    }

    @Serdeable
    record DutyInput(@NotNull List<Long> deputyIds) {
    }

    @Serdeable
    record DutyView(long deputyId, String name, boolean onDuty, @Nullable OffsetDateTime checkedInAt) {
    }

    /** A session as residents see it (no check-in data) or as staff see it (with the visit figures). */
    @Serdeable
    record SessionView(long id, long stationId, String stationName, @Nullable Long ruleId, LocalDate date,
                       LocalDate nominalDate, boolean moved, OffsetDateTime startsAt, OffsetDateTime endsAt,
                       @Nullable String place, @Nullable String title, int capacity, int booked, int remaining,
                       String status, List<DutyView> deputies, @Nullable Integer walkIns,
                       @Nullable Integer checkedInBookings, @Nullable Integer residentsReceived,
                       @Nullable Integer concernsCollected, @Nullable Integer deputiesCheckedIn) {
    }

    @Serdeable
    /** @param notifyMe 预约提醒: messages about this booking by SMS (needs the mobile) */
    record BookingInput(@Nullable @Size(max = 32) String contactName, @Nullable @Size(max = 20) String mobile,
                        @Nullable Boolean consent, @Nullable Boolean notifyMe) {
    }

    /** 预约提醒 as the booking page shows it: on or off, and whether the booking has a number to send to. */
    @Serdeable
    record BookingNotice(boolean sms, boolean available, @Nullable String mobileMasked) {
    }

    @Serdeable
    record BookingNoticeInput(@NotNull(message = "请选择是否提醒") Boolean sms) {
    }

    @Serdeable
    record BookingAnswer(String bookingCode, long sessionId, String status, OffsetDateTime startsAt,
                         @Nullable String place, String stationName, @Nullable String mobileMasked,
                         @Nullable String residentToken) {
    }

    @Serdeable
    record BookingRow(long id, String bookingCode, String status, @Nullable String contactName,
                      @Nullable String mobileMasked, OffsetDateTime createdAt, @Nullable OffsetDateTime checkedInAt) {
    }

    @Serdeable
    record CheckInInput(@Nullable String bookingCode, @Nullable Long bookingId) {
    }

    @Serdeable
    record CheckInAnswer(BookingRow booking, boolean alreadyCheckedIn) {
    }

    @Serdeable
    record WalkInInput(@NotNull @Min(-50) @Max(50) Integer delta) {
    }

    @Serdeable
    record AttendanceInput(@Nullable Long deputyId) {
    }

    @Serdeable
    record Figures(long stationId, LocalDate from, LocalDate to, int sessionsHeld, int deputyVisits,
                   int residentsReceived, int bookings, int checkedInBookings, int walkIns, int concernsCollected) {
    }

    /** Reception figures of a region: one row per child region (and 本级 for stations at the region itself), total. */
    @Serdeable
    record RegionFigures(long regionId, String regionName, String level, LocalDate from, LocalDate to,
                         FigureRow total, List<FigureRow> children, String note) {
    }

    /**
     * @param own      the row of the stations attached to the region itself (本级), not to one of its children
     * @param stations active stations counted in the row
     */
    @Serdeable
    record FigureRow(long regionId, String name, String level, boolean own, int stations, int sessionsHeld,
                     int deputyVisits, int residentsReceived, int concernsCollected) {
    }

    @Serdeable
    record PlanInput(@NotNull @Size(min = 2, max = 100) String title, @Nullable @Size(max = 4000) String content,
                     @NotNull ActivityPlan.Form form, @NotNull OffsetDateTime startsAt,
                     @Nullable OffsetDateTime endsAt, @Nullable @Size(max = 200) String place,
                     @Nullable @Size(max = 64) String convener, @Nullable @Size(max = 500) String participants,
                     @Nullable List<Long> deputyIds, @Nullable Boolean publish) {
    }

    @Serdeable
    record PlanView(long id, long stationId, String title, @Nullable String content, String form, String formLabel,
                    OffsetDateTime startsAt, @Nullable OffsetDateTime endsAt, @Nullable String place,
                    @Nullable String convener, @Nullable String participants, List<DutyView> deputies,
                    String status, @Nullable OffsetDateTime publishedAt) {
    }

    @Serdeable
    record Upcoming(List<SessionView> sessions, List<PlanView> plans) {
    }
}
