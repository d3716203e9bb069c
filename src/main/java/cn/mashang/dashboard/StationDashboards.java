package cn.mashang.dashboard;

import cn.mashang.common.ApiException;
import cn.mashang.common.Times;
import cn.mashang.concern.ConcernState;
import cn.mashang.concern.Overdue;
import cn.mashang.calendar.CalendarAdmin;
import cn.mashang.sla.OpenConcerns;
import cn.mashang.sla.SlaClock;
import cn.mashang.sla.SlaClocks;
import cn.mashang.sla.SlaColour;
import cn.mashang.sla.SlaSegment;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The station head's dashboard, merged from the station-day aggregates of the period ({@link StationDays}: the
 * cohort of each day of receipt, exact to 0.01 working day) plus the station's open concerns now (workload, open
 * overdue, the board); a busy station's 90 days are a few thousand small rows instead of ~16,000 concerns.
 *
 * <p><b>Definitions</b> (all figures are about the concerns <em>received in the period</em>, i.e. created_at
 * within [from, to] in Asia/Shanghai; "handled" = received − REJECTED (不予受理); rates are null when their
 * denominator is 0):
 * <ul>
 *   <li>响应率 (response rate) = handled concerns with a first response (first_response_at set) ÷ handled.
 *       REJECTED concerns are left out of both sides: a rejection is answered by its reason, but it is not a
 *       concern the station takes on, and counting it would reward rejecting.</li>
 *   <li>办结率 (resolution rate) = handled concerns now RESOLVED or CLOSED ÷ handled. A reopened concern counts
 *       as unresolved until it is resolved again.</li>
 *   <li>满意率 (satisfaction rate) = (SATISFIED + BASICALLY_SATISFIED) ÷ rated, using the latest rating.</li>
 *   <li>按期办结率 (on-time rate) = closed-on-time ÷ (closed + open overdue): closed = RESOLVED or CLOSED;
 *       on time = resolved_at ≤ the resolution deadline = created_at + resolutionDays working days (SLA rule
 *       of the station's region and the category, {@link SlaClocks#resolutionDeadline}); open overdue = not
 *       resolved and now past that deadline. The deadline is never reset by a reopen.</li>
 *   <li>Times in working days ({@code WorkingCalendar.workingDaysBetween}, 2026 调休 included): first response
 *       = created_at → first_response_at; resolution = created_at → resolved_at (RESOLVED/CLOSED only).
 *       Median and P90 by nearest rank (value at rank ⌈p·n⌉ of the sorted times).</li>
 *   <li>Per deputy (the assignee, else the addressed deputy; "未分派" otherwise): the same figures, the open
 *       workload now, 95% Wilson intervals of the rates, and {@code fewSamples} (样本少) when fewer than
 *       {@link #MIN_COUNT} concerns were handled — such rows are shown, not compared.</li>
 *   <li>Series (per ISO week when the period is ≤ 92 days, else per month, or as asked): received = created in
 *       the bucket, answered = first response in the bucket, resolved = resolved in the bucket (events, so a
 *       concern received earlier counts when answered in the bucket).</li>
 *   <li>byState: received in the period by current state (CLOSED without a rating under CLOSED_UNRATED, never 已评价); openByState: every open concern of the station now.</li>
 * </ul>
 */
@Singleton
public class StationDashboards {
    static final int MIN_COUNT = 5;
    /** The board items the dashboard lists (the most urgent); the whole board is {@link #board(long, Instant)}. */
    static final int BOARD_TOP = 20;
    /** Concerns received this long before the period still feed its answered/resolved series. */
    static final int LOOKBACK_DAYS = 180;

    private final ConcernFacts facts;
    private final StationDays stationDays;
    private final OpenConcerns open;
    private final SlaClocks clocks;
    private final CalendarAdmin calendar;
    private final JdbcOperations jdbc;

    StationDashboards(ConcernFacts facts, StationDays stationDays, OpenConcerns open, SlaClocks clocks, CalendarAdmin calendar,
                      JdbcOperations jdbc) {
        this.facts = facts;
        this.stationDays = stationDays;
        this.open = open;
        this.clocks = clocks;
        this.calendar = calendar;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Dtos.StationDashboard dashboard(long stationId, Period period, String by, Instant now) {
        String[] st = facts.station(stationId).orElseThrow(() -> ApiException.notFound("联络站"));
        String path = st[2];
        String bucket = by == null || by.isBlank() ? (ChronoUnit.DAYS.between(period.from(), period.to()) <= 92 ? "week" : "month") : by;
        if (!bucket.equals("week") && !bucket.equals("month")) {
            throw ApiException.badField("by", "应为 week 或 month");
        }
        // the period's cohort from its station-day aggregates (days not built yet: from their concerns), the
        // answers and resolutions in the period of concerns received up to LOOKBACK_DAYS earlier, and the open set
        StationDays.Days days = stationDays.of(stationId, path, period.from(), period.to(), period.from().minusDays(LOOKBACK_DAYS), now);
        List<OpenConcerns.Open> openNow = open.ofStation(stationId);

        Tally total = new Tally(false);
        Map<String, Long> byState = new LinkedHashMap<>();
        Map<Long, Tally> perDeputy = new LinkedHashMap<>();
        Map<String, Tally> perCategory = new TreeMap<>();
        TreeMap<LocalDate, long[]> daily = new TreeMap<>();
        days.cohort().forEach((day, d) -> {
            d.rows.forEach((key, t) -> {
                if (key.equals(StationDay.ALL)) {
                    total.addSums(t);
                    daily.computeIfAbsent(day, k -> new long[3])[0] += t.received;
                } else if (key.charAt(0) == StationDay.DEPUTY) {
                    perDeputy.computeIfAbsent(Long.parseLong(key.substring(1)), k -> new Tally(false)).addSums(t);
                } else {
                    perCategory.computeIfAbsent(key.substring(1), k -> new Tally(false)).addSums(t);
                }
            });
            d.states.forEach((state, n) -> byState.merge(state, n, Long::sum));
        });
        days.flows().forEach((day, c) -> {
            long[] sum = daily.computeIfAbsent(day, k -> new long[3]);
            sum[1] += c[0];
            sum[2] += c[1];
        });
        Map<String, Long> openByState = new LinkedHashMap<>();
        Map<Long, Long> workload = new HashMap<>();
        for (OpenConcerns.Open o : openNow) {
            openByState.merge(o.facts().state(), 1L, Long::sum);
            long deputy = o.deputyId() == null ? -1L : o.deputyId();
            workload.merge(deputy, 1L, Long::sum);
            Tally mine = perDeputy.computeIfAbsent(deputy, k -> new Tally(false));
            if (period.contains(o.facts().createdAt()) && resolutionOverdue(o, path, now)) { // "open overdue" is as of now
                total.openOverdue++;
                mine.openOverdue++;
                perCategory.computeIfAbsent(o.facts().category(), k -> new Tally(false)).openOverdue++;
            }
        }
        Map<Long, String> names = deputyNames(perDeputy.keySet());
        List<Dtos.DeputyRow> deputies = new ArrayList<>();
        perDeputy.forEach((id, t) -> deputies.add(deputyRow(id < 0 ? null : id, id < 0 ? "未分派" : names.getOrDefault(id, "代表 " + id),
                workload.getOrDefault(id, 0L), t)));
        deputies.sort(Comparator.comparing((Dtos.DeputyRow d) -> d.deputyId() == null)
                .thenComparing(d -> -d.figures().received()).thenComparing(Dtos.DeputyRow::name));
        List<Dtos.CategoryRow> categories = new ArrayList<>();
        perCategory.forEach((c, t) -> categories.add(new Dtos.CategoryRow(c, t.figures())));
        categories.sort(Comparator.comparing((Dtos.CategoryRow c) -> -c.figures().received()));

        List<Dtos.BoardItem> board = board(openNow, now);
        return new Dtos.StationDashboard(new Dtos.Ref(stationId, st[0]), period.from(), period.to(), bucket,
                calendar.status().warning(), MIN_COUNT, total.base() < MIN_COUNT, total.figures(), byState, openByState,
                series(daily, period, bucket), deputies, categories, List.copyOf(board.subList(0, Math.min(BOARD_TOP, board.size()))),
                board.size(), Times.show(now));
    }

    /** A concern's key in byState: auto-closed without a rating is counted apart from the rated (已评价) ones. */
    static String stateKey(ConcernFact f) {
        return ConcernState.CLOSED.name().equals(f.state()) && f.rating() == null ? ConcernState.CLOSED_UNRATED_KEY : f.state();
    }

    /** The overdue board of a station: amber and red running clocks (not FEEDBACK), red first, then by deadline. */
    @Transactional(readOnly = true)
    public List<Dtos.BoardItem> board(long stationId, Instant now) {
        facts.station(stationId).orElseThrow(() -> ApiException.notFound("联络站"));
        return board(open.ofStation(stationId), now);
    }

    /** Facts of a station's concerns received in the period (the concerns CSV). */
    @Transactional(readOnly = true)
    public List<ConcernFact> concerns(long stationId, Period period, Instant now) {
        String[] st = facts.station(stationId).orElseThrow(() -> ApiException.notFound("联络站"));
        return facts.load(stationId, st[2], period.start(), period.end(), now);
    }

    List<Dtos.BoardItem> board(List<OpenConcerns.Open> openNow, Instant now) {
        List<Dtos.BoardItem> items = new ArrayList<>();
        for (OpenConcerns.Open o : openNow) {
            for (SlaClock c : clocks.clocks(o.facts(), now)) {
                if (!c.running() || c.segment() == SlaSegment.FEEDBACK || c.colour() == SlaColour.GREEN) {
                    continue;
                }
                items.add(new Dtos.BoardItem(o.facts().concernId(), o.trackingNo(), o.facts().category(), o.facts().state(),
                        stateLabel(o.facts().state()), o.deputyName(), c.segment().name(), c.segment().label(),
                        Times.show(c.start()), Times.show(c.deadline()), c.colour().name(), Stats.r2(c.usedDays()),
                        Stats.r2(c.allowedDays()), o.reopenCount()));
            }
        }
        items.sort(Comparator.comparing((Dtos.BoardItem i) -> !i.colour().equals("RED")).thenComparing(Dtos.BoardItem::deadline));
        return items;
    }

    static String stateLabel(String state) {
        try {
            return ConcernState.valueOf(state).label();
        } catch (IllegalArgumentException e) {
            return state;
        }
    }

    static Dtos.DeputyRow deputyRow(Long id, String name, long openNow, Tally t) {
        Dtos.Figures f = t.figures();
        return new Dtos.DeputyRow(id, name, openNow, f, Dtos.Interval.of(t.responded, t.base()),
                Dtos.Interval.of(t.resolved, t.base()), Dtos.Interval.of(t.satisfied, t.rated),
                Dtos.Interval.of(t.onTime, t.resolved + t.openOverdue), t.base() < MIN_COUNT);
    }

    /** Buckets the daily counts {received, answered, resolved} of the period (see the class comment). */
    static List<Dtos.Point> series(TreeMap<LocalDate, long[]> daily, Period period, String bucket) {
        TreeMap<LocalDate, long[]> buckets = new TreeMap<>();
        for (LocalDate d = start(period.from(), bucket); !d.isAfter(period.to()); d = next(d, bucket)) {
            buckets.put(d, new long[3]);
        }
        daily.subMap(period.from(), true, period.to(), true).forEach((day, c) -> {
            long[] b = buckets.get(start(day, bucket));
            for (int i = 0; i < 3; i++) {
                b[i] += c[i];
            }
        });
        List<Dtos.Point> out = new ArrayList<>();
        buckets.forEach((d, c) -> out.add(new Dtos.Point(label(d, bucket), d, c[0], c[1], c[2])));
        return out;
    }

    /** {@link Overdue#resolution} of an open concern against its stored deadline (computed for rows before V11). */
    private boolean resolutionOverdue(OpenConcerns.Open o, String path, Instant now) {
        var f = o.facts();
        Instant due = f.resolutionDue() != null ? f.resolutionDue() : clocks.resolutionDeadline(path, f.category(), f.createdAt());
        return Overdue.resolution(new Overdue.Due(ConcernState.valueOf(f.state()), f.firstResponseAt(), null, null, due), now);
    }

    static LocalDate start(LocalDate d, String bucket) {
        return bucket.equals("week") ? d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : d.withDayOfMonth(1);
    }

    static LocalDate next(LocalDate d, String bucket) {
        return bucket.equals("week") ? d.plusWeeks(1) : d.plusMonths(1);
    }

    static String label(LocalDate d, String bucket) {
        return bucket.equals("week") ? d.getMonthValue() + "/" + d.getDayOfMonth() + "周" : d.getYear() + "-" + String.format("%02d", d.getMonthValue());
    }

    private Map<Long, String> deputyNames(java.util.Set<Long> ids) {
        List<Long> real = ids.stream().filter(i -> i > 0).toList();
        Map<Long, String> out = new HashMap<>();
        if (real.isEmpty()) {
            return out;
        }
        String marks = String.join(",", real.stream().map(x -> "?").toList());
        jdbc.prepareStatement("SELECT id, name FROM deputy WHERE id IN (" + marks + ")", ps -> {
            for (int i = 0; i < real.size(); i++) {
                ps.setLong(i + 1, real.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getString(2));
                }
            }
            return null;
        });
        return out;
    }
}
