package cn.mashang.reception;

import cn.mashang.demo.DemoExtension;
import cn.mashang.deputy.Membership;
import cn.mashang.deputy.MembershipRepository;
import cn.mashang.deputy.MembershipRole;
import cn.mashang.station.Station;
import cn.mashang.station.StationRepository;
import cn.mashang.common.Times;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Demo reception days, one rule for every demo station whose page announces one (its 接待日 note), so the page and
 * the desk print the same rule: "每月5日" (moved to the next working day on holidays) at the three 交口县 片区
 * stations, 信义镇 and 新华街社区, 每月10日 / 15日 at the 白酒 and 旅游 stations, 每月第一个周三 at 清洁能源 and
 * 每月第二个周四 at 数谷大数据, every Wednesday afternoon (working days only) at 和平社区; and two published plans
 * (座谈, 调研).
 */
@Singleton
@Requires(notEnv = "prod")
class ReceptionDemo implements DemoExtension {
    static final List<String> MONTHLY_5TH = List.of("交口县水头片区人大代表联络站", "交口县桃红坡片区人大代表联络站",
            "交口县回龙片区人大代表联络站", "孝义市信义镇人大代表联络站", "离石区新华街社区人大代表联络站");
    static final String HEPING = "离石区凤山街道和平社区人大代表联络站";

    /** A demo rule: station, when (kind, day of month, day of week, week of month), hours, policy, title. */
    record Spec(String station, RuleKind kind, Integer dayOfMonth, Integer dayOfWeek, Integer weekOfMonth,
                String start, String end, HolidayPolicy policy, String title) {
    }

    static final List<Spec> RULES = rules();

    private static List<Spec> rules() {
        List<Spec> out = new java.util.ArrayList<>();
        for (String name : MONTHLY_5TH) {
            out.add(new Spec(name, RuleKind.MONTHLY_DAY, 5, null, null, "09:00", "12:00", HolidayPolicy.NEXT_WORKING_DAY,
                    "每月5日接待日"));
        }
        out.add(new Spec("吕梁市清香型白酒基地人大代表联络站", RuleKind.MONTHLY_DAY, 10, null, null, "09:00", "12:00",
                HolidayPolicy.NEXT_WORKING_DAY, "每月10日接待日"));
        out.add(new Spec("吕梁市黄河板块旅游基地人大代表联络站", RuleKind.MONTHLY_DAY, 15, null, null, "09:00", "12:00",
                HolidayPolicy.NEXT_WORKING_DAY, "每月15日接待日"));
        out.add(new Spec("吕梁市清洁能源基地暨孝义市新型煤化工人大代表联络站", RuleKind.MONTHLY_WEEKDAY, null, 3, 1,
                "09:00", "12:00", HolidayPolicy.NEXT_WORKING_DAY, "每月第一个周三接待日"));
        out.add(new Spec("吕梁市数谷吕梁大数据人大代表联络站", RuleKind.MONTHLY_WEEKDAY, null, 4, 2, "14:30", "17:30",
                HolidayPolicy.NEXT_WORKING_DAY, "每月第二个周四接待日"));
        out.add(new Spec(HEPING, RuleKind.WEEKLY, null, 3, null, "14:30", "17:30", HolidayPolicy.SKIP, "每周三下午接待日"));
        return List.copyOf(out);
    }

    private final SessionPlanner planner;
    private final Plans plans;
    private final StationRepository stations;
    private final MembershipRepository memberships;
    private final JdbcOperations jdbc;

    ReceptionDemo(SessionPlanner planner, Plans plans, StationRepository stations, MembershipRepository memberships,
                  JdbcOperations jdbc) {
        this.jdbc = jdbc;
        this.planner = planner;
        this.plans = plans;
        this.stations = stations;
        this.memberships = memberships;
    }

    @Override
    public void load() {
        Map<String, Station> byName = StreamSupport.stream(stations.findAll().spliterator(), false)
                .collect(Collectors.toMap(Station::name, Function.identity(), (a, b) -> a));
        // the demo loads at start-up: dates from the wall clock and the calendar table (no Clock bean needed yet)
        LocalDate today = LocalDate.now(Times.ZONE);
        Predicate<LocalDate> workingDay = workingDays();
        for (Spec r : RULES) {
            Station s = byName.get(r.station());
            planner.createRule(s.id(), new ReceptionDtos.RuleInput(r.kind(), r.dayOfMonth(), r.dayOfWeek(), r.weekOfMonth(),
                    r.start(), r.end(), r.policy(), s.address(), r.kind() == RuleKind.WEEKLY ? 15 : 20,
                    head(s).map(List::of).orElse(List.of()), r.title()), today, workingDay);
        }
        Station heping = byName.get(HEPING);

        Station shuitou = byName.get(MONTHLY_5TH.get(0));
        plans.create(shuitou.id(), new ReceptionDtos.PlanInput("水头镇农村饮水安全座谈会",
                "邀请村民代表、水务站负责人座谈，听取农村饮水安全方面的意见建议。", ActivityPlan.Form.SYMPOSIUM,
                at(today.plusDays(9), "09:30"), at(today.plusDays(9), "11:30"), shuitou.address(), "曹红梅",
                "各村村民代表、县水利局", head(shuitou).map(List::of).orElse(List.of()), true), 0);
        plans.create(heping.id(), new ReceptionDtos.PlanInput("老旧小区加装电梯调研",
                "走访和平社区老旧小区，了解加装电梯的意愿、资金和协调难点。", ActivityPlan.Form.SURVEY,
                at(today.plusDays(16), "15:00"), at(today.plusDays(16), "17:00"), "和平社区各小区", "吴秀英",
                "社区居委会、物业公司、居民代表", head(heping).map(List::of).orElse(List.of()), true), 0);
    }

    /** Working days as in WorkingCalendar: a WORKDAY row, or Monday–Friday without a HOLIDAY row. */
    private Predicate<LocalDate> workingDays() {
        Map<LocalDate, String> special = jdbc.prepareStatement("SELECT cal_date, kind FROM calendar_day", ps -> {
            Map<LocalDate, String> out = new HashMap<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getObject(1, LocalDate.class), rs.getString(2));
                }
            }
            return out;
        });
        return d -> special.containsKey(d) ? "WORKDAY".equals(special.get(d))
                : d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    private Optional<Long> head(Station s) {
        return memberships.findByStationIdAndActiveTrue(s.id()).stream()
                .filter(m -> m.role() == MembershipRole.HEAD).map(Membership::deputyId).findFirst();
    }

    private static OffsetDateTime at(LocalDate d, String hhmm) {
        return d.atTime(LocalTime.parse(hhmm)).atZone(cn.mashang.common.Times.ZONE).toOffsetDateTime();
    }
}
