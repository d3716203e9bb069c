package cn.mashang.qr;

import cn.mashang.common.ApiException;
import cn.mashang.openapi.PublicApi;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Public: what a code routes to, and its QR image. Revoked and unknown codes have no image (404). */
@Tag(name = "codes")
@PublicApi
@Controller("/api/v1/codes")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class CodeController {
    /** Browsers and proxies may keep an image 5 s: a revoked code's image disappears from caches soon after. */
    static final String IMAGE_CACHE = "public, max-age=5";
    private final CodeViews views;
    private final CodeDirectory directory;
    private final QrImages images;

    CodeController(CodeViews views, CodeDirectory directory, QrImages images) {
        this.views = views;
        this.directory = directory;
        this.images = images;
    }

    @Operation(operationId = "getCode", summary = "二维码去向 / What a contact code routes to")
    @Get("/{code}")
    CodeView get(String code) {
        return views.view(code, null);
    }

    @Operation(operationId = "getCodeQrPng", summary = "二维码 PNG / The code's QR image as PNG")
    @Get(value = "/{code}/qr.png", produces = MediaType.IMAGE_PNG)
    HttpResponse<byte[]> png(String code, @QueryValue @Nullable Integer size) {
        return image(code, size, QrImages.Format.PNG, MediaType.IMAGE_PNG_TYPE);
    }

    @Operation(operationId = "getCodeQrSvg", summary = "二维码 SVG / The code's QR image as SVG")
    @Get(value = "/{code}/qr.svg", produces = "image/svg+xml")
    HttpResponse<byte[]> svg(String code, @QueryValue @Nullable Integer size) {
        return image(code, size, QrImages.Format.SVG, MediaType.of("image/svg+xml"));
    }

    private HttpResponse<byte[]> image(String token, Integer size, QrImages.Format format, MediaType type) {
        int edge = images.checkedSize(size);
        ContactCode code = views.require(token, null);
        if (!code.active()) {
            throw new ApiException(io.micronaut.http.HttpStatus.NOT_FOUND, "未找到", "此二维码已停用");
        }
        byte[] body = images.image(code, directory.scanUrl(code), format, edge);
        return HttpResponse.ok(body).contentType(type).header("Cache-Control", IMAGE_CACHE);
    }
}
