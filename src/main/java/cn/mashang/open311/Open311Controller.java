package cn.mashang.open311;

import cn.mashang.AppConfig;
import cn.mashang.common.ApiException;
import cn.mashang.openapi.Open311Api;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Open311 GeoReport v2 ({@code /open311/v2/…}.xml or .json). Anonymous at the HTTP layer: POST requests carries
 * the {@code api_key} of a registered client ({@link ApiClients}); the GET calls are public as the spec has them
 * (a key, when given, must be valid and unlocks the text fields of the client's own requests). Errors are the
 * spec's error list in the path's format, with the code as HTTP status.
 */
@Tag(name = "open311")
@Open311Api
@Controller("/open311/v2")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class Open311Controller {
    /** When this endpoint's behaviour last changed (discovery's changeset). */
    static final Instant CHANGESET = Instant.parse("2026-12-01T00:00:00Z");
    private final Jurisdictions jurisdictions;
    private final Services services;
    private final RequestIntake intake;
    private final RequestSearch search;
    private final ApiClients clients;
    private final Open311Writer writer;
    private final AppConfig app;
    private final Open311Config config;

    Open311Controller(Jurisdictions jurisdictions, Services services, RequestIntake intake, RequestSearch search,
                      ApiClients clients, Open311Writer writer, AppConfig app, Open311Config config) {
        this.jurisdictions = jurisdictions;
        this.services = services;
        this.intake = intake;
        this.search = search;
        this.clients = clients;
        this.writer = writer;
        this.app = app;
        this.config = config;
    }

    @Operation(operationId = "open311Discovery", summary = "Open311 服务发现 / GeoReport v2 discovery")
    @Get("/discovery.{format}")
    HttpResponse<byte[]> discovery(String format) {
        Format f = Format.of(format);
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("specification", "http://wiki.open311.org/GeoReport_v2");
        endpoint.put("url", app.publicBaseUrl() + "/open311/v2");
        endpoint.put("changeset", CHANGESET);
        endpoint.put("type", "production");
        endpoint.put("formats", List.of("text/xml", "application/json"));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("changeset", CHANGESET);
        d.put("contact", config.contact());
        d.put("key_service", "api_key 由所在地区的人大常委会管理员签发 (issued by an ADMIN of the region: "
                + "POST /api/v1/regions/{id}/open311-clients)");
        d.put("endpoints", List.of(endpoint));
        return ok(Doc.object("discovery", d), f);
    }

    @Operation(operationId = "open311Services", summary = "Open311 服务列表 / Service list of a jurisdiction")
    @Get("/services.{format}")
    HttpResponse<byte[]> services(String format, @Nullable @QueryValue("jurisdiction_id") String jurisdictionId) {
        Format f = Format.of(format);
        return ok(services.servicesDoc(jurisdictions.require(jurisdictionId)), f);
    }

    @Operation(operationId = "open311ServiceDefinition", summary = "Open311 服务定义 / Service definition (attributes)")
    @Get("/services/{serviceCode}.{format}")
    HttpResponse<byte[]> definition(String serviceCode, String format,
                                    @Nullable @QueryValue("jurisdiction_id") String jurisdictionId) {
        Format f = Format.of(format);
        Jurisdiction j = jurisdictions.require(jurisdictionId);
        Services.Service s = services.find(j, serviceCode).orElseThrow(() -> Open311Exception.notFound(
                "service_code '" + serviceCode + "' not found in jurisdiction_id '" + j.id() + "'"));
        return ok(services.definitionDoc(j, s), f);
    }

    @Operation(operationId = "open311CreateRequest", summary = "Open311 提交诉求 / File a service request (api_key)")
    @Post(value = "/requests.{format}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<byte[]> create(String format, @Nullable @Body String body,
                                @Nullable @Header("Idempotency-Key") String idempotencyKey) {
        Format f = Format.of(format);
        RequestIntake.Filed filed = intake.create(Form.parse(body), idempotencyKey);
        MutableHttpResponse<byte[]> r = HttpResponse.<byte[]>status(filed.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .contentType(f.mediaType()).header("Cache-Control", "no-store").body(writer.write(filed.doc(), f));
        if (filed.replayed()) {
            r.header("Idempotent-Replayed", "true");
        }
        return r;
    }

    @Operation(operationId = "open311Requests", summary = "Open311 诉求列表 / Service requests (filters, paging)")
    @Get("/requests.{format}")
    HttpResponse<byte[]> list(String format, @Nullable @QueryValue("jurisdiction_id") String jurisdictionId,
                              @Nullable @QueryValue("api_key") String apiKey,
                              @Nullable @QueryValue("service_request_id") String serviceRequestId,
                              @Nullable @QueryValue("service_code") String serviceCode,
                              @Nullable @QueryValue("start_date") String startDate,
                              @Nullable @QueryValue("end_date") String endDate,
                              @Nullable @QueryValue("status") String status,
                              @Nullable @QueryValue("page") String page,
                              @Nullable @QueryValue("page_size") String pageSize) {
        Format f = Format.of(format);
        ApiClient caller = clients.optional(apiKey).orElse(null);
        Jurisdiction j = jurisdictions.require(jurisdictionId);
        return ok(search.list(j, new RequestSearch.Query(serviceRequestId, serviceCode, startDate, endDate, status,
                page, pageSize), caller), f);
    }

    @Operation(operationId = "open311Request", summary = "Open311 单个诉求 / One service request")
    @Get("/requests/{id}.{format}")
    HttpResponse<byte[]> one(String id, String format, @Nullable @QueryValue("jurisdiction_id") String jurisdictionId,
                             @Nullable @QueryValue("api_key") String apiKey) {
        Format f = Format.of(format);
        ApiClient caller = clients.optional(apiKey).orElse(null);
        return ok(search.byId(id, optionalJurisdiction(jurisdictionId), caller), f);
    }

    @Operation(operationId = "open311Token", summary = "Open311 令牌查询 / Service request id of a token")
    @Get("/tokens/{token}.{format}")
    HttpResponse<byte[]> token(String token, String format,
                               @Nullable @QueryValue("jurisdiction_id") String jurisdictionId) {
        Format f = Format.of(format);
        return ok(search.token(token, optionalJurisdiction(jurisdictionId)), f);
    }

    @Error(exception = Open311Exception.class)
    HttpResponse<byte[]> error(HttpRequest<?> request, Open311Exception e) {
        MutableHttpResponse<byte[]> r = errorResponse(request, e.code(), e.getMessage());
        if (e.retryAfterSeconds() != null) {
            r.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
        }
        return r;
    }

    /** Refusals of the intake path (same validation as every concern) in the spec's error shape. */
    @Error(exception = ApiException.class)
    HttpResponse<byte[]> intakeError(HttpRequest<?> request, ApiException e) {
        int code = e.status() == HttpStatus.UNPROCESSABLE_ENTITY ? 400 : e.status().getCode();
        MutableHttpResponse<byte[]> r = errorResponse(request, code, e.getMessage());
        Object retry = e.extra().get("retryAfterSeconds");
        if (retry != null) {
            r.header("Retry-After", String.valueOf(retry));
        }
        return r;
    }

    private MutableHttpResponse<byte[]> errorResponse(HttpRequest<?> request, int code, String description) {
        Format f = Format.ofPath(request.getPath());
        return HttpResponse.<byte[]>status(HttpStatus.valueOf(code)).contentType(f.mediaType())
                .body(writer.errors(code, description, f));
    }

    private Jurisdiction optionalJurisdiction(@Nullable String id) {
        return id == null || id.isBlank() ? null : jurisdictions.require(id);
    }

    private HttpResponse<byte[]> ok(Doc doc, Format f) {
        return HttpResponse.ok(writer.write(doc, f)).contentType(f.mediaType());
    }
}
