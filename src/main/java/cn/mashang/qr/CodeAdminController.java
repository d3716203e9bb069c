package cn.mashang.qr;

import cn.mashang.auth.Scopes;
import cn.mashang.common.ApiException;
import cn.mashang.openapi.StaffApi;
import cn.mashang.openapi.WithBody;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Station head / admin: a station's codes with scan counts, revoke and reissue, wall posters. */
@Tag(name = "codes")
@StaffApi
@Controller("/api/v1")
@Secured({"STATION_HEAD", "ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
class CodeAdminController {
    private static final String WHAT = "联络站";
    private final CodeAdmin admin;
    private final CodeLookup lookup;
    private final CodeDirectory directory;
    private final PosterService posters;
    private final Scopes scopes;
    private final CodeViews views;
    private final QrImages images;

    CodeAdminController(CodeAdmin admin, CodeLookup lookup, CodeDirectory directory, PosterService posters, Scopes scopes,
                        CodeViews views, QrImages images) {
        this.admin = admin;
        this.images = images;
        this.views = views;
        this.lookup = lookup;
        this.directory = directory;
        this.posters = posters;
        this.scopes = scopes;
    }

    /**
     * @param reason  why (e.g. 海报污损, 代表调离), kept with the code
     * @param reissue issue a new code for the same owner (default true; never for a deputy who has left)
     */
    @Serdeable
    record RevokeRequest(@NotBlank @Size(max = 255) String reason, @Nullable Boolean reissue) {
    }

    @Operation(operationId = "listStationCodes", summary = "联络站二维码 / A station's codes with scan counts")
    @Get("/stations/{id}/codes")
    List<CodeAdminView> codes(long id, Authentication authentication) {
        scopes.requireManageStation(authentication, id, WHAT);
        return admin.list(id);
    }

    @Operation(operationId = "revokeCode", summary = "停用二维码 / Revoke a code (and reissue one)")
    @WithBody
    @Post("/codes/{code}/revoke")
    CodeAdminView revoke(String code, @Body @Valid RevokeRequest body, Authentication authentication) {
        ContactCode old = directory.find(code).orElseThrow(() -> ApiException.notFound("二维码"));
        scopes.requireManageStation(authentication, old.stationId(), "二维码");
        ContactCode result = admin.revoke(code, body.reason().trim(), body.reissue() == null || body.reissue(),
                authentication.getName());
        lookup.invalidate(code); // after the commit: this replica stops routing the old code at once
        views.forgetStation(old.stationId());
        if (result.active()) {
            images.prerender(result, directory.scanUrl(result)); // the new poster's first scans read stored bytes
        }
        return admin.list(old.stationId()).stream().filter(v -> v.code().equals(result.code())).findFirst().orElseThrow();
    }

    @Operation(operationId = "getPosterPdf", summary = "海报 PDF / The station's wall poster as PDF")
    @Get(value = "/stations/{id}/poster.pdf", produces = "application/pdf")
    HttpResponse<byte[]> pdf(long id, Authentication authentication) {
        scopes.requireManageStation(authentication, id, WHAT);
        return download(posters.pdf(id), MediaType.of("application/pdf"), "station-" + id + "-poster.pdf");
    }

    @Operation(operationId = "getPosterPng", summary = "海报 PNG / The station's wall poster as PNG")
    @Get(value = "/stations/{id}/poster.png", produces = MediaType.IMAGE_PNG)
    HttpResponse<byte[]> png(long id, @QueryValue @Nullable Integer page, Authentication authentication) {
        scopes.requireManageStation(authentication, id, WHAT);
        int p = page == null ? 1 : page;
        return download(posters.png(id, p), MediaType.IMAGE_PNG_TYPE, "station-" + id + "-poster-" + p + ".png");
    }

    private static HttpResponse<byte[]> download(byte[] body, MediaType type, String filename) {
        return HttpResponse.ok(body).contentType(type).header("Cache-Control", "no-store")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    }
}
