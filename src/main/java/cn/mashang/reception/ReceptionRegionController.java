package cn.mashang.reception;

import cn.mashang.auth.Scopes;
import cn.mashang.common.ApiException;
import cn.mashang.dashboard.Csv;
import cn.mashang.openapi.StaffApi;
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

import java.time.LocalDate;

/**
 * Reception figures of a region for its admins (sessions held, 进站履职人次, 接待群众人次), per child region and in
 * total, as JSON and CSV. A region outside the admin's scope answers 404 like an unknown one.
 */
@Tag(name = "reception")
@StaffApi
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"ADMIN"})
class ReceptionRegionController {
    static final int MAX_DAYS = 366;
    private final Scopes scopes;
    private final ReceptionRollup rollup;
    private final SessionPlanner planner;

    ReceptionRegionController(Scopes scopes, ReceptionRollup rollup, SessionPlanner planner) {
        this.scopes = scopes;
        this.rollup = rollup;
        this.planner = planner;
    }

    @Operation(operationId = "getRegionReceptionFigures",
            summary = "地区接待统计 / Reception figures of a region by child region (from: 1 January, to: today)")
    @Get("/regions/{id}/reception-figures")
    ReceptionDtos.RegionFigures figures(long id, @Nullable @QueryValue LocalDate from, @Nullable @QueryValue LocalDate to,
                                        Authentication auth) {
        scopes.requireAdministerRegion(auth, id, "地区");
        LocalDate t = to == null ? planner.today() : to;
        LocalDate f = from == null ? t.withDayOfYear(1) : from;
        if (t.isBefore(f)) {
            throw ApiException.badField("to", "结束日期不能早于开始日期");
        }
        if (f.plusDays(MAX_DAYS - 1).isBefore(t)) {
            throw ApiException.badField("to", "统计区间应在 " + MAX_DAYS + " 天以内");
        }
        return rollup.figures(id, f, t);
    }

    @Operation(operationId = "getRegionReceptionFiguresCsv", summary = "地区接待统计 CSV / Reception figures of a region as CSV")
    @Get("/regions/{id}/reception-figures.csv")
    MutableHttpResponse<byte[]> csv(long id, @Nullable @QueryValue LocalDate from, @Nullable @QueryValue LocalDate to,
                                    Authentication auth) {
        ReceptionDtos.RegionFigures d = figures(id, from, to, auth);
        Csv csv = new Csv().row("地区", "联络站数", "接待场次", "进站履职人次", "接待群众人次", "现场收集反映件数");
        for (ReceptionDtos.FigureRow r : d.children()) {
            csv.row(r.name(), r.stations(), r.sessionsHeld(), r.deputyVisits(), r.residentsReceived(), r.concernsCollected());
        }
        ReceptionDtos.FigureRow t = d.total();
        csv.row("合计", t.stations(), t.sessionsHeld(), t.deputyVisits(), t.residentsReceived(), t.concernsCollected());
        return csv.response(d.regionName() + "-接待统计-" + d.from() + "至" + d.to() + ".csv");
    }
}
