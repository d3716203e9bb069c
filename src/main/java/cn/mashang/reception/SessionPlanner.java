package cn.mashang.reception;

import cn.mashang.common.ApiException;
import cn.mashang.common.Times;
import cn.mashang.deputy.Membership;
import cn.mashang.deputy.MembershipRepository;
import cn.mashang.calendar.WorkingCalendar;
import cn.mashang.station.Station;
import cn.mashang.station.StationRepository;
import io.micronaut.context.BeanProvider;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Reception rules and sessions: creates rules and one-off sessions, generates a rule's sessions for the horizon
 * (idempotent: unique per station, rule and nominal date), and sets the on-duty deputies of a session.
 */
@Singleton
class SessionPlanner {
    private final ReceptionRepositories.Rules rules;
    private final ReceptionRepositories.Sessions sessions;
    private final StationRepository stations;
    private final MembershipRepository memberships;
    private final BeanProvider<WorkingCalendar> calendar;
    private final JdbcOperations jdbc;
    private final ReceptionConfig config;
    private final BeanProvider<Clock> clock;

    SessionPlanner(ReceptionRepositories.Rules rules, ReceptionRepositories.Sessions sessions,
                   StationRepository stations, MembershipRepository memberships, BeanProvider<WorkingCalendar> calendar,
                   JdbcOperations jdbc, ReceptionConfig config, BeanProvider<Clock> clock) {
        this.rules = rules;
        this.sessions = sessions;
        this.stations = stations;
        this.memberships = memberships;
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.config = config;
        this.clock = clock;
    }

    /** Now by the injectable clock (decisions: what is upcoming, may one still book); stamps use Times.now(). */
    Instant now() {
        return clock.get().instant().truncatedTo(ChronoUnit.MILLIS);
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.get().instant(), Times.ZONE);
    }

    Station station(long id) {
        return stations.findById(id).filter(Station::active).orElseThrow(() -> ApiException.notFound("联络站"));
    }

    /** Sessions of a station: upcoming (from now, 120 days) or dated in [from, to] (at most 400 days). */
    List<ReceptionSession> sessionsOf(long id, Boolean upcoming, LocalDate from, LocalDate to) {
        if (from != null || to != null || Boolean.FALSE.equals(upcoming)) {
            LocalDate f = from == null ? today().minusDays(30) : from;
            LocalDate t = to == null ? f.plusDays(90) : to;
            if (t.isBefore(f) || f.plusDays(400).isBefore(t)) {
                throw ApiException.badField("to", "查询区间应在 400 天以内");
            }
            return sessions.between(id, at(f, "00:00"), at(t.plusDays(1), "00:00"));
        }
        Instant now = now();
        return sessions.between(id, now, now.plus(java.time.Duration.ofDays(120)));
    }

    @Transactional
    public ReceptionDtos.RuleView createRule(long stationId, ReceptionDtos.RuleInput in) {
        return createRule(stationId, in, today(), calendar.get()::isWorkingDay);
    }

    /** Creates a rule and its sessions from {@code today} over the horizon, with the given working-day test. */
    @Transactional
    public ReceptionDtos.RuleView createRule(long stationId, ReceptionDtos.RuleInput in, LocalDate today,
                                             Predicate<LocalDate> workingDay) {
        station(stationId);
        RulePattern when = RulePattern.of(in.kind(), in.dayOfMonth(), in.dayOfWeek(), in.weekOfMonth());
        checkTimes(in.startTime(), in.endTime());
        List<Long> deputies = members(stationId, in.deputyIds());
        Instant now = Times.now();
        ReceptionRule rule = rules.save(new ReceptionRule(null, stationId, when.kind(), when.dayOfMonth(),
                when.dayOfWeek(), when.weekOfMonth(), in.startTime(), in.endTime(),
                in.holidayPolicy() == null ? HolidayPolicy.NEXT_WORKING_DAY : in.holidayPolicy(), blank(in.place()),
                in.capacity() == null ? config.defaultCapacity() : in.capacity(),
                deputies.isEmpty() ? null : deputies.stream().map(String::valueOf).collect(Collectors.joining(",")),
                blank(in.title()), true, now, now));
        int generated = generate(rule, today, today.plusDays(config.horizonDays()), workingDay);
        return view(rule, generated);
    }

    List<ReceptionDtos.RuleView> rulesOf(long stationId) {
        return rules.findByStationIdAndActiveTrueOrderById(stationId).stream().map(r -> view(r, 0)).toList();
    }

    @Transactional
    public void deactivateRule(ReceptionRule rule) {
        rules.update(new ReceptionRule(rule.id(), rule.stationId(), rule.kind(), rule.dayOfMonth(), rule.dayOfWeek(),
                rule.weekOfMonth(), rule.startTime(), rule.endTime(), rule.holidayPolicy(), rule.place(), rule.capacity(), rule.deputyIds(),
                rule.title(), false, rule.createdAt(), Times.now()));
        // future sessions of the rule nobody has booked are withdrawn; booked ones stay for the liaison to handle
        jdbc.prepareStatement("""
                UPDATE reception_session SET status = 'CANCELLED', updated_at = ?
                WHERE rule_id = ? AND status = 'SCHEDULED' AND starts_at > ? AND booked = 0""", ps -> {
                    ps.setTimestamp(1, java.sql.Timestamp.from(now()));
                    ps.setLong(2, rule.id());
                    ps.setTimestamp(3, java.sql.Timestamp.from(now()));
                    return ps.executeUpdate();
                });
    }

    /** Creates the rule's missing sessions whose nominal date lies in [from, to]; answers how many were new. */
    @Transactional
    public int generate(ReceptionRule rule, LocalDate from, LocalDate to) {
        return generate(rule, from, to, calendar.get()::isWorkingDay);
    }

    @Transactional
    public int generate(ReceptionRule rule, LocalDate from, LocalDate to, Predicate<LocalDate> workingDay) {
        Set<LocalDate> existing = new HashSet<>(jdbc.prepareStatement(
                "SELECT nominal_date FROM reception_session WHERE rule_id = ? AND nominal_date BETWEEN ? AND ?", ps -> {
                    ps.setLong(1, rule.id());
                    ps.setObject(2, from);
                    ps.setObject(3, to);
                    List<LocalDate> out = new ArrayList<>();
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(rs.getObject(1, LocalDate.class));
                        }
                    }
                    return out;
                }));
        List<Long> deputies = rule.deputyIds() == null ? List.of()
                : Arrays.stream(rule.deputyIds().split(",")).map(Long::valueOf).toList();
        Instant now = Times.now();
        int created = 0;
        for (Recurrence.Occurrence o : Recurrence.between(rule.pattern(), rule.holidayPolicy(), from, to, workingDay)) {
            if (existing.contains(o.nominal())) {
                continue;
            }
            ReceptionSession s = sessions.save(new ReceptionSession(null, rule.stationId(), rule.id(), o.nominal(),
                    o.actual(), at(o.actual(), rule.startTime()), at(o.actual(), rule.endTime()), rule.place(),
                    rule.title(), rule.capacity(), 0, 0, ReceptionSession.Status.SCHEDULED, now, now));
            setDuty(s.id(), deputies);
            created++;
        }
        return created;
    }

    @Transactional
    public ReceptionSession createOneOff(long stationId, ReceptionDtos.SessionInput in) {
        station(stationId);
        checkTimes(in.startTime(), in.endTime());
        if (in.date().isBefore(today())) {
            throw ApiException.badField("date", "不能安排过去日期的接待日");
        }
        List<Long> deputies = members(stationId, in.deputyIds());
        Instant now = Times.now();
        ReceptionSession s = sessions.save(new ReceptionSession(null, stationId, null, in.date(), in.date(),
                at(in.date(), in.startTime()), at(in.date(), in.endTime()), blank(in.place()), blank(in.title()),
                in.capacity() == null ? config.defaultCapacity() : in.capacity(), 0, 0,
                ReceptionSession.Status.SCHEDULED, now, now));
        setDuty(s.id(), deputies);
        return s;
    }

    /** Replaces the on-duty list; deputies already checked in stay (as not on duty when removed). */
    @Transactional
    public void replaceDuty(ReceptionSession s, List<Long> deputyIds) {
        List<Long> deputies = members(s.stationId(), deputyIds);
        jdbc.prepareStatement("DELETE FROM reception_duty WHERE session_id = ? AND checked_in_at IS NULL", ps -> {
            ps.setLong(1, s.id());
            return ps.executeUpdate();
        });
        jdbc.prepareStatement("UPDATE reception_duty SET on_duty = FALSE WHERE session_id = ?", ps -> {
            ps.setLong(1, s.id());
            return ps.executeUpdate();
        });
        for (Long d : deputies) {
            int updated = jdbc.prepareStatement(
                    "UPDATE reception_duty SET on_duty = TRUE WHERE session_id = ? AND deputy_id = ?", ps -> {
                        ps.setLong(1, s.id());
                        ps.setLong(2, d);
                        return ps.executeUpdate();
                    });
            if (updated == 0) {
                setDuty(s.id(), List.of(d));
            }
        }
    }

    private void setDuty(long sessionId, List<Long> deputies) {
        for (Long d : deputies) {
            jdbc.prepareStatement("INSERT INTO reception_duty (session_id, deputy_id, on_duty) VALUES (?, ?, TRUE)", ps -> {
                ps.setLong(1, sessionId);
                ps.setLong(2, d);
                return ps.executeUpdate();
            });
        }
    }

    /** The given deputies, each an active member of the station (400 otherwise). */
    List<Long> members(long stationId, List<Long> deputyIds) {
        if (deputyIds == null || deputyIds.isEmpty()) {
            return List.of();
        }
        Set<Long> seated = memberships.findByStationIdAndActiveTrue(stationId).stream().map(Membership::deputyId)
                .collect(Collectors.toSet());
        Set<Long> out = new LinkedHashSet<>(deputyIds);
        if (!seated.containsAll(out)) {
            throw ApiException.badField("deputyIds", "值班代表须为本站的驻站代表");
        }
        return List.copyOf(out);
    }

    static Instant at(LocalDate date, String hhmm) {
        return date.atTime(LocalTime.parse(hhmm)).atZone(Times.ZONE).toInstant();
    }

    private static void checkTimes(String start, String end) {
        if (!LocalTime.parse(end).isAfter(LocalTime.parse(start))) {
            throw ApiException.badField("endTime", "结束时间应晚于开始时间");
        }
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static ReceptionDtos.RuleView view(ReceptionRule r, int generated) {
        List<Long> deputies = r.deputyIds() == null ? List.of()
                : Arrays.stream(r.deputyIds().split(",")).map(Long::valueOf).toList();
        return new ReceptionDtos.RuleView(r.id(), r.stationId(), r.kind(), r.dayOfMonth(), r.dayOfWeek(), r.weekOfMonth(),
                r.startTime(), r.endTime(), r.holidayPolicy(), ReceptionDays.describe(r), r.place(), r.capacity(), deputies, r.title(), generated);
    }
}
