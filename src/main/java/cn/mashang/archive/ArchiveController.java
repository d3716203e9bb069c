package cn.mashang.archive;

import cn.mashang.auth.Role;
import cn.mashang.auth.Scopes;
import cn.mashang.auth.StaffScope;
import cn.mashang.common.ApiException;
import cn.mashang.deputy.Deputy;
import cn.mashang.deputy.DeputyRepository;
import cn.mashang.deputy.Membership;
import cn.mashang.deputy.MembershipRepository;
import cn.mashang.openapi.StaffApi;
import cn.mashang.openapi.WithBody;
import cn.mashang.calendar.WorkingCalendar;
import cn.mashang.region.Region;
import cn.mashang.region.RegionService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The performance archive (履职档案): visible to the deputy themself, the heads of their stations and admins above
 * them (others: 404); CSV and PDF; every deputy's PDF of a region in one streamed ZIP (its admins); the region's
 * points scheme (admins edit it) and manual items.
 */
@Tag(name = "archive")
@StaffApi
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"DEPUTY", "STATION_HEAD", "ADMIN"})
class ArchiveController {
    private final ArchiveService archives;
    private final PointsSchemes schemes;
    private final Scopes scopes;
    private final DeputyRepository deputies;
    private final MembershipRepository memberships;
    private final WorkingCalendar calendar;
    private final ArchivePdf pdf;
    private final ArchiveBundle bundle;
    private final RegionService regions;

    ArchiveController(ArchiveService archives, PointsSchemes schemes, Scopes scopes, DeputyRepository deputies,
                      MembershipRepository memberships, WorkingCalendar calendar, ArchivePdf pdf, ArchiveBundle bundle,
                      RegionService regions) {
        this.archives = archives;
        this.schemes = schemes;
        this.scopes = scopes;
        this.deputies = deputies;
        this.memberships = memberships;
        this.calendar = calendar;
        this.pdf = pdf;
        this.bundle = bundle;
        this.regions = regions;
    }

    @Serdeable
    record EntryInput(@NotNull @Min(2000) @Max(2100) Integer year, @NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{1,31}") String key,
                      @NotNull @Min(-1000) @Max(1000) Integer quantity, @Nullable @Size(max = 200) String note) {
    }

    @Operation(operationId = "getDeputyArchive", summary = "履职档案 / A deputy's performance archive of a year")
    @Get("/deputies/{id}/archive")
    Archive archive(long id, @QueryValue @Nullable Integer year, Authentication auth) {
        requireSee(auth, id);
        return archives.compute(id, year(year));
    }

    @Operation(operationId = "getDeputyArchiveCsv", summary = "履职档案 CSV / A deputy's archive as CSV")
    @Get(value = "/deputies/{id}/archive.csv", produces = "text/csv;charset=utf-8")
    HttpResponse<String> csv(long id, @QueryValue @Nullable Integer year, Authentication auth) {
        requireSee(auth, id);
        Archive a = archives.compute(id, year(year));
        String file = encode("履职档案-" + a.deputyName() + "-" + a.year() + ".csv");
        return HttpResponse.ok(ArchiveCsv.of(a)).contentType(MediaType.of("text/csv;charset=utf-8"))
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + file)
                .header("Cache-Control", "no-store");
    }

    @Operation(operationId = "getDeputyArchivePdf", summary = "履职档案 PDF / A deputy's archive as an A4 PDF")
    @Get(value = "/deputies/{id}/archive.pdf", produces = "application/pdf")
    HttpResponse<byte[]> pdf(long id, @QueryValue @Nullable Integer year, Authentication auth) {
        requireSee(auth, id);
        Archive a = archives.compute(id, year(year));
        return HttpResponse.ok(pdf.render(a)).contentType(MediaType.of("application/pdf"))
                .header("Content-Disposition", "inline; filename=\"archive-" + id + "-" + a.year() + ".pdf\"; filename*=UTF-8''"
                        + encode("履职档案-" + a.deputyName() + "-" + a.year() + ".pdf"))
                .header("Cache-Control", "no-store");
    }

    /** Every deputy's archive PDF of the region in one ZIP, written while it is sent (ArchiveBundle). */
    @Operation(operationId = "getRegionArchivesZip", summary = "履职档案批量下载 / The archives of a region's deputies as one ZIP of PDFs")
    @Get(value = "/regions/{id}/archives.zip", produces = "application/zip")
    @Secured({"ADMIN"})
    HttpResponse<StreamedFile> zip(long id, @QueryValue @Nullable Integer year, Authentication auth) {
        scopes.requireAdministerRegion(auth, id, "地区");
        int y = year(year);
        Region region = regions.get(id);
        var deputies = bundle.deputies(region);
        return HttpResponse.ok(new StreamedFile(bundle.zip(deputies, y), MediaType.of("application/zip")))
                .header("Content-Disposition", "attachment; filename=\"archives-" + id + "-" + y + ".zip\"; filename*=UTF-8''"
                        + encode(region.name() + "-代表履职档案-" + y + ".zip"))
                .header("Cache-Control", "no-store");
    }

    private static String encode(String file) {
        return URLEncoder.encode(file, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A manual item (e.g. training attended) for a deputy's year: heads of their stations and admins above. */
    @Operation(operationId = "addArchiveEntry", summary = "补录履职 / Add a manual item to a deputy's archive")
    @WithBody
    @Post("/deputies/{id}/archive/entries")
    Archive addEntry(long id, @Body @Valid EntryInput body, Authentication auth) {
        StaffScope s = requireSee(auth, id);
        if (s.role() == Role.DEPUTY && !Long.valueOf(id).equals(s.deputyId())) {
            throw ApiException.notFound("代表");
        }
        if (s.role() == Role.DEPUTY) {
            throw new ApiException(io.micronaut.http.HttpStatus.FORBIDDEN, "无权操作", "履职登记由站长或管理员录入");
        }
        if (PointsScheme.COMPUTED.contains(body.key())) {
            throw ApiException.badField("key", "该项由系统自动统计，不能手工录入");
        }
        archives.addEntry(id, body.year(), body.key(), body.quantity(), body.note(), s.accountId());
        return archives.compute(id, body.year());
    }

    /** The scheme that applies in the region (its own or the nearest above). */
    @Operation(operationId = "getPointsScheme", summary = "积分规则 / The points scheme that applies in a region")
    @Get("/regions/{id}/points-scheme")
    PointsScheme scheme(long id, Authentication auth) {
        scopes.of(auth);
        return schemes.effective(id).orElseThrow(() -> ApiException.notFound("积分方案"));
    }

    @Operation(operationId = "replacePointsScheme", summary = "修改积分规则 / Replace a region's points scheme")
    @WithBody
    @Put("/regions/{id}/points-scheme")
    @Secured({"ADMIN"})
    PointsScheme replace(long id, @Body @Valid PointsScheme body, Authentication auth) {
        scopes.requireAdministerRegion(auth, id, "地区");
        long keys = body.classes().stream().flatMap(c -> c.items().stream()).map(PointsScheme.Item::key).distinct().count();
        long items = body.classes().stream().mapToLong(c -> c.items().size()).sum();
        if (keys != items) {
            throw ApiException.badField("classes", "积分项目的 key 不能重复");
        }
        return schemes.replace(id, body);
    }

    private StaffScope requireSee(Authentication auth, long deputyId) {
        StaffScope s = scopes.of(auth);
        Deputy d = deputies.findById(deputyId).orElseThrow(() -> ApiException.notFound("代表"));
        boolean ok = switch (s.role()) {
            case DEPUTY -> Long.valueOf(deputyId).equals(s.deputyId());
            case STATION_HEAD -> Long.valueOf(deputyId).equals(s.deputyId()) || stationsOf(deputyId).stream()
                    .anyMatch(s.stationIds()::contains);
            case ADMIN -> (d.regionId() != null && scopes.canAdministerRegion(auth, d.regionId()))
                    || stationsOf(deputyId).stream().anyMatch(st -> scopes.canManageStation(auth, st));
            default -> false;
        };
        if (!ok) {
            throw ApiException.notFound("代表");
        }
        return s;
    }

    private List<Long> stationsOf(long deputyId) {
        return memberships.findByDeputyIdAndActiveTrue(deputyId).stream().map(Membership::stationId).toList();
    }

    private int year(Integer year) {
        int y = year == null ? calendar.today().getYear() : year;
        if (y < 2000 || y > 2100) {
            throw ApiException.badField("year", "年份不正确");
        }
        return y;
    }

}
