package cn.mashang.ledger;

import cn.mashang.openapi.StaffApi;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * The committee's concern ledger of a region (issue 22; {@link Ledger}): an admin of the region or above; another
 * region answers 404 like an unknown one. Streamed: the body is written while the rows are read.
 */
@Tag(name = "ledger")
@StaffApi
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
class LedgerController {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String CSV = "text/csv;charset=utf-8";
    private static final String FROM = "收到日期起（含），默认当年 1 月 1 日 / received on or after (yyyy-mm-dd; default 1 January of to's year)";
    private static final String TO = "收到日期止（含），默认今天；最多 366 天 / received on or before (yyyy-mm-dd; default today; at most 366 days)";

    private final Ledger ledger;

    LedgerController(Ledger ledger) {
        this.ledger = ledger;
    }

    @Operation(operationId = "getRegionLedgerXlsx", summary = "反映台账 Excel / The region's concern ledger as .xlsx",
            description = "受理编号、日期、联络站、代表、类别、内容、状态、承办部门、期限、是否按期、办理结果、评价；不含手机号等联系方式 / "
                    + "number, dates, station, deputy, category, content, state, department, deadlines, on time, outcome, "
                    + "rating; never the resident's contact")
    @ApiResponse(responseCode = "200", description = "台账 / the ledger",
            content = @Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary")))
    @Get(value = "/regions/{id}/ledger.xlsx", produces = XLSX)
    @Secured({"ADMIN"})
    HttpResponse<InputStream> xlsx(long id, @Parameter(description = FROM) @Nullable @QueryValue LocalDate from,
                                   @Parameter(description = TO) @Nullable @QueryValue LocalDate to, Authentication auth) {
        return download(ledger.start(auth, id, from, to, Ledger.Format.XLSX), XLSX);
    }

    @Operation(operationId = "getRegionLedgerCsv", summary = "反映台账 CSV / The region's concern ledger as CSV",
            description = "与 Excel 台账同列，UTF-8 带 BOM / the same columns as the .xlsx, UTF-8 with a byte-order mark")
    @ApiResponse(responseCode = "200", description = "台账 / the ledger",
            content = @Content(mediaType = CSV, schema = @Schema(type = "string")))
    @Get(value = "/regions/{id}/ledger.csv", produces = CSV)
    @Secured({"ADMIN"})
    HttpResponse<InputStream> csv(long id, @Parameter(description = FROM) @Nullable @QueryValue LocalDate from,
                                  @Parameter(description = TO) @Nullable @QueryValue LocalDate to, Authentication auth) {
        return download(ledger.start(auth, id, from, to, Ledger.Format.CSV), CSV);
    }

    private static HttpResponse<InputStream> download(Ledger.Export e, String type) {
        String encoded = URLEncoder.encode(e.filename(), StandardCharsets.UTF_8).replace("+", "%20");
        return HttpResponse.ok(e.body()).contentType(MediaType.of(type)).header("Cache-Control", "no-store")
                .header("Content-Disposition", "attachment; filename=\"ledger" + e.filename().substring(e.filename().lastIndexOf('.'))
                        + "\"; filename*=UTF-8''" + encoded);
    }
}
