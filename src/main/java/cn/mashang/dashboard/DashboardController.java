package cn.mashang.dashboard;

import cn.mashang.auth.Scopes;
import cn.mashang.common.ApiException;
import cn.mashang.common.Times;
import cn.mashang.openapi.StaffApi;
import cn.mashang.calendar.WorkingCalendar;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Clock;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import java.util.ArrayList;
import java.util.List;

/**
 * Dashboards (JSON and CSV). Station: its head, its liaisons, an admin above it. Region: an admin whose region
 * contains it. Out of scope answers 404 like unknown.
 */
@Tag(name = "dashboard")
@StaffApi
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
class DashboardController {
    private final StationDashboards stations;
    private final RegionDashboardCache regionCache;
    private final StationDashboardCache stationCache;
    private final Scopes scopes;
    private final WorkingCalendar calendar;
    private final Clock clock;
    /**
     * Dashboards computed at once: a busy station's 90 days are thousands of concern rows held in memory per
     * request, and 16 at a time exhausted a 192 MB heap in the benchmark; the CPU (two per core) is the limit anyway.
     */
    private final Semaphore computing = new Semaphore(Math.max(2, 2 * Runtime.getRuntime().availableProcessors()));

    DashboardController(StationDashboards stations, StationDashboardCache stationCache, RegionDashboardCache regionCache,
                        Scopes scopes, WorkingCalendar calendar, Clock clock) {
        this.stations = stations;
        this.stationCache = stationCache;
        this.regionCache = regionCache;
        this.scopes = scopes;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Operation(operationId = "getStationDashboard", summary = "联络站看板 / Station dashboard: counts, rates, deputies")
    @Get("/stations/{id}/dashboard")
    @Secured({"LIAISON", "STATION_HEAD", "ADMIN"})
    Dtos.StationDashboard station(long id, @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                  @Nullable @QueryValue String by, Authentication auth) {
        scopes.requireSeeStation(auth, id, "联络站");
        return bounded(() -> stationCache.dashboard(id, Period.parse(from, to, calendar.today(), 90), by, clock.instant()));
    }

    @Operation(operationId = "getStationOverdue", summary = "超期督办 / The station's overdue and nearly overdue concerns")
    @Get("/stations/{id}/overdue")
    @Secured({"LIAISON", "STATION_HEAD", "ADMIN"})
    List<Dtos.BoardItem> overdue(long id, Authentication auth) {
        scopes.requireSeeStation(auth, id, "联络站");
        return stations.board(id, clock.instant());
    }

    @Operation(operationId = "getRegionDashboard", summary = "地区汇总 / Region roll-up of its stations")
    @Get("/regions/{id}/dashboard")
    @Secured({"ADMIN"})
    Dtos.RegionDashboard region(long id, @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                @Nullable @QueryValue Integer limit, Authentication auth) {
        scopes.requireAdministerRegion(auth, id, "地区");
        return bounded(() -> regionCache.dashboard(id, regionPeriod(from, to), limit(limit)));
    }

    @Operation(operationId = "getStationDashboardCsv", summary = "联络站看板 CSV / Station dashboard as CSV")
    @Get("/stations/{id}/dashboard.csv")
    @Secured({"LIAISON", "STATION_HEAD", "ADMIN"})
    MutableHttpResponse<byte[]> stationCsv(long id, @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                           @Nullable @QueryValue String table, Authentication auth) {
        scopes.requireSeeStation(auth, id, "联络站");
        Dtos.StationDashboard d = bounded(() -> stations.dashboard(id, Period.parse(from, to, calendar.today(), 90), null, clock.instant()));
        String t = table == null ? "summary" : table;
        Csv csv = new Csv();
        switch (t) {
            case "summary" -> summary(csv, d.station().name(), d.totals());
            case "deputies" -> {
                csv.row(concat(List.of("代表", "在办件数"), Csv.FIGURE_HEADERS, List.of("响应率95%区间", "办结率95%区间", "满意率95%区间", "按期办结率95%区间", "样本少")));
                for (Dtos.DeputyRow r : d.deputies()) {
                    csv.row(concat(List.of(r.name(), r.openNow()), Csv.figures(r.figures()), List.of(Csv.ci(r.responseCi()),
                            Csv.ci(r.resolutionCi()), Csv.ci(r.satisfactionCi()), Csv.ci(r.onTimeCi()), r.fewSamples() ? "样本少" : "")));
                }
            }
            case "categories" -> {
                csv.row(concat(List.of("分类"), Csv.FIGURE_HEADERS));
                d.categories().forEach(r -> csv.row(concat(List.of(r.category()), Csv.figures(r.figures()))));
            }
            case "series" -> {
                csv.row("时段", "开始日期", "收到", "响应", "办结");
                d.series().forEach(p -> csv.row(p.label(), p.start(), p.received(), p.answered(), p.resolved()));
            }
            case "overdue" -> board(csv, stations.board(id, clock.instant()));
            default -> throw ApiException.badField("table", "应为 summary、deputies、categories、series 或 overdue");
        }
        return csv.response(d.station().name() + "-" + t + "-" + d.from() + "至" + d.to() + ".csv");
    }

    @Operation(operationId = "getRegionDashboardCsv", summary = "地区汇总 CSV / Region roll-up as CSV")
    @Get("/regions/{id}/dashboard.csv")
    @Secured({"ADMIN"})
    MutableHttpResponse<byte[]> regionCsv(long id, @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                          @Nullable @QueryValue String table, Authentication auth) {
        scopes.requireAdministerRegion(auth, id, "地区");
        Dtos.RegionDashboard d = bounded(() -> regionCache.dashboard(id, regionPeriod(from, to), Integer.MAX_VALUE));
        String t = table == null ? "summary" : table;
        Csv csv = new Csv();
        switch (t) {
            case "summary" -> summary(csv, d.region().name(), d.totals());
            case "regions" -> {
                csv.row(concat(List.of("下级地区", "联络站数"), Csv.FIGURE_HEADERS));
                d.children().forEach(r -> csv.row(concat(List.of(r.name(), r.stations()), Csv.figures(r.figures()))));
            }
            case "stations" -> {
                csv.row(concat(List.of("排名", "联络站", "所在地区"), Csv.FIGURE_HEADERS, List.of("按期办结率95%区间", "样本少")));
                d.ranking().forEach(r -> csv.row(concat(List.of(r.rank(), r.name(), r.regionName()), Csv.figures(r.figures()),
                        List.of(Csv.ci(r.onTimeCi()), r.fewSamples() ? "样本少" : ""))));
            }
            case "departments" -> Csv.departments(csv, d.departments());
            case "categories" -> {
                csv.row(concat(List.of("分类"), Csv.FIGURE_HEADERS));
                d.categories().forEach(r -> csv.row(concat(List.of(r.category()), Csv.figures(r.figures()))));
            }
            case "series" -> {
                csv.row("月份", "开始日期", "收到", "已响应", "已办结");
                d.series().forEach(p -> csv.row(p.label(), p.start(), p.received(), p.answered(), p.resolved()));
            }
            default -> throw ApiException.badField("table", "应为 summary、regions、stations、departments、categories 或 series");
        }
        return csv.response(d.region().name() + "-" + t + "-" + d.from() + "至" + d.to() + ".csv");
    }

    /** The station's concerns received in the period; mobiles masked only, no contact names. */
    @Operation(operationId = "getStationConcernsCsv", summary = "反映明细 CSV / The station's concerns of a period as CSV")
    @Get("/stations/{id}/concerns.csv")
    @Secured({"LIAISON", "STATION_HEAD", "ADMIN"})
    MutableHttpResponse<byte[]> concernsCsv(long id, @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                            Authentication auth) {
        scopes.requireSeeStation(auth, id, "联络站");
        Period period = Period.parse(from, to, calendar.today(), 90);
        Csv csv = new Csv().row("编号", "提交时间", "分类", "状态", "手机号（脱敏）", "首次响应时间", "办结时间", "办结期限",
                "首次响应用时(工作日)", "办结用时(工作日)", "是否按期", "评价", "重新办理次数");
        for (ConcernFact f : stations.concerns(id, period, clock.instant())) {
            csv.row(f.trackingNo(), show(f.createdAt()), f.category(), StationDashboards.stateLabel(f.state()), f.mobileMasked(),
                    show(f.firstResponseAt()), show(f.resolvedAt()), show(f.deadline()), Csv.num(f.firstResponseDays()),
                    Csv.num(f.resolutionDays()), f.rejected() ? "" : f.resolutionDays() != null ? (f.onTime() ? "按期" : "超期")
                            : (f.overdue() ? "未办结·已超期" : "未办结"), rating(f.rating()), f.reopenCount());
        }
        return csv.response("诉求清单-" + id + "-" + period.from() + "至" + period.to() + ".csv");
    }

    private static String show(java.time.Instant t) {
        return t == null ? "" : Times.show(t).toLocalDateTime().withNano(0).toString().replace('T', ' ');
    }

    private static String rating(String r) {
        if (r == null) {
            return "";
        }
        return switch (r) {
            case "SATISFIED" -> "满意";
            case "BASICALLY_SATISFIED" -> "基本满意";
            case "DISSATISFIED" -> "不满意";
            default -> r;
        };
    }

    private static void summary(Csv csv, String name, Dtos.Figures f) {
        csv.row(concat(List.of("对象"), Csv.FIGURE_HEADERS));
        csv.row(concat(List.of(name), Csv.figures(f)));
    }

    private static void board(Csv csv, List<Dtos.BoardItem> items) {
        csv.row("颜色", "编号", "分类", "状态", "代表", "环节", "开始", "期限", "已用(工作日)", "允许(工作日)", "重新办理次数");
        for (Dtos.BoardItem i : items) {
            csv.row(i.colour().equals("RED") ? "红（已超期）" : "黄（即将超期）", i.trackingNo(), i.category(), i.stateLabel(),
                    i.deputyName(), i.segmentLabel(), i.start().toLocalDateTime().withNano(0).toString().replace('T', ' '),
                    i.deadline().toLocalDateTime().withNano(0).toString().replace('T', ' '), i.usedDays(), i.allowedDays(), i.reopenCount());
        }
    }

    @SafeVarargs
    private static List<Object> concat(List<?>... parts) {
        List<Object> out = new ArrayList<>();
        for (List<?> p : parts) {
            out.addAll(p);
        }
        return out;
    }

    private Period regionPeriod(String from, String to) {
        var today = calendar.today();
        return Period.parse(from == null || from.isBlank() ? today.withDayOfYear(1).toString() : from, to, today, 365);
    }

    private static int limit(Integer limit) {
        if (limit == null) {
            return 100;
        }
        if (limit < 1 || limit > 5000) {
            throw ApiException.badField("limit", "应在 1 到 5000 之间");
        }
        return limit;
    }

    private <T> T bounded(Supplier<T> work) {
        computing.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            computing.release();
        }
    }
}
