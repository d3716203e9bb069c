package cn.mashang.portal;

import cn.mashang.openapi.PublicApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/** The display words of every enum value of the API, for any client (the pages get them inline in their head). */
@Tag(name = "directory")
@PublicApi
@Controller("/api/v1/labels")
@Secured(SecurityRule.IS_ANONYMOUS)
class LabelsController {
    private final Labels labels;

    LabelsController(Labels labels) {
        this.labels = labels;
    }

    /** The same for everyone and changed only by a release: cacheable for an hour. */
    @Operation(operationId = "getLabels", summary = "显示用语 / Chinese labels and tones of every enum value the pages show")
    @Get
    HttpResponse<Labels.Catalogue> labels() {
        return HttpResponse.ok(labels.catalogue()).header("Cache-Control", "public, max-age=3600");
    }
}
