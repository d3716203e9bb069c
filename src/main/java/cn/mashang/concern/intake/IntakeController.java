package cn.mashang.concern.intake;

import cn.mashang.concern.photo.ConcernPhoto;
import cn.mashang.concern.photo.ConcernPhotoRepository;
import cn.mashang.concern.photo.PhotoProcessor;
import cn.mashang.concern.photo.PhotoStore;
import cn.mashang.resident.RateLimits;
import cn.mashang.resident.ResidentTokens;
import cn.mashang.common.ApiException;
import cn.mashang.common.ClientAddress;
import cn.mashang.common.Times;
import cn.mashang.deputy.DeputyRepository;
import cn.mashang.openapi.IdempotencyKey;
import cn.mashang.openapi.Idempotent;
import cn.mashang.openapi.PublicApi;
import cn.mashang.openapi.RateLimited;
import cn.mashang.openapi.ResidentToken;
import cn.mashang.openapi.WithBody;
import cn.mashang.qr.ContactCode;
import cn.mashang.station.StationRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** Resident intake API: categories of a code, photo uploads, submissions. Anonymous; abuse-limited. */
@Tag(name = "intake")
@PublicApi
@Controller("/api/v1")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public class IntakeController {
    public static final String TOKEN_HEADER = "X-Resident-Token";
    private final IntakeService intake;
    private final Categories categories;
    private final StationRepository stations;
    private final DeputyRepository deputies;
    private final ResidentTokens tokens;
    private final ClientAddress clientAddress;
    private final RateLimits limits;
    private final PhotoProcessor processor;
    private final PhotoStore store;
    private final ConcernPhotoRepository photos;
    private final SecureRandom random = new SecureRandom();

    IntakeController(IntakeService intake, Categories categories, StationRepository stations, DeputyRepository deputies,
                     ResidentTokens tokens, ClientAddress clientAddress, RateLimits limits, PhotoProcessor processor,
                     PhotoStore store, ConcernPhotoRepository photos) {
        this.intake = intake;
        this.categories = categories;
        this.stations = stations;
        this.deputies = deputies;
        this.tokens = tokens;
        this.clientAddress = clientAddress;
        this.limits = limits;
        this.processor = processor;
        this.store = store;
        this.photos = photos;
    }

    @Serdeable
    record CategoryOffer(@Nullable String code, @Nullable String kind, @Nullable Long stationId,
                         @Nullable String stationName, @Nullable Long deputyId, @Nullable String deputyName,
                         @Nullable String preset, List<String> categories) {
    }

    @Serdeable
    record UploadAnswer(String uploadId, int width, int height, int bytes) {
    }

    /** Categories offered for a code (its preset first); without a code the city-wide list. */
    @Operation(operationId = "getCategories", summary = "可选分类 / Categories offered for a code")
    @Get("/categories")
    CategoryOffer categories(@QueryValue @Nullable String code) {
        if (code == null || code.isBlank()) {
            return new CategoryOffer(null, null, null, null, null, null, null, categories.cityWide());
        }
        ContactCode c = intake.activeCode(code);
        String station = stations.findById(c.stationId()).map(s -> s.name()).orElse(null);
        String deputy = c.deputyId() == null ? null : deputies.findById(c.deputyId()).map(d -> d.name()).orElse(null);
        return new CategoryOffer(c.code(), c.kind().name(), c.stationId(), station, c.deputyId(), deputy,
                c.presetCategory(), categories.forCode(c));
    }

    /** One photo (multipart field "file") → an upload id to name in the submission's photoIds. */
    @Operation(operationId = "uploadPhoto", summary = "上传图片 / Upload one photo for a submission")
    @RateLimited
    @WithBody
    @ApiResponse(responseCode = "201", description = "图片已保存 / photo stored; name its uploadId in photoIds",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UploadAnswer.class)))
    @Post(value = "/uploads", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<UploadAnswer> upload(@Part("file") CompletedFileUpload file, HttpRequest<?> request,
                                      @ResidentToken @Header(TOKEN_HEADER) @Nullable String token) throws IOException {
        Optional<ResidentTokens.Device> device = tokens.verify(token, Times.now());
        limits.take(RateLimits.Kind.UPLOAD, device.map(d -> "d:" + d.id()).orElse("a:" + clientAddress.of(request)));
        if (file.getSize() > Integer.MAX_VALUE) {
            throw new ApiException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "图片过大", "图片过大");
        }
        PhotoProcessor.Encoded jpeg = processor.process(file.getSize(), file::getBytes);
        String name = store.put(jpeg.jpeg(), "jpg");
        byte[] t = new byte[18];
        random.nextBytes(t);
        String uploadId = Base64.getUrlEncoder().withoutPadding().encodeToString(t);
        photos.save(new ConcernPhoto(null, null, uploadId, name, "image/jpeg", jpeg.jpeg().length, jpeg.width(),
                jpeg.height(), device.map(ResidentTokens.Device::id).orElse(null), Times.now()));
        return HttpResponse.created(new UploadAnswer(uploadId, jpeg.width(), jpeg.height(), jpeg.jpeg().length));
    }

    /** Submits a concern. Idempotent by the Idempotency-Key header; 201 new, 200 folded into an earlier one. */
    @Operation(operationId = "submitConcern", summary = "提交反映 / Submit a concern (idempotent)")
    @Idempotent
    @RateLimited
    @WithBody
    @ApiResponse(responseCode = "201", description = "已受理 / a new concern",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubmitAnswer.class)))
    @ApiResponse(responseCode = "200", description = "已并入先前的相似反映 / folded into an earlier similar concern",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubmitAnswer.class)))
    @Post(value = "/concerns", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<SubmitAnswer> submit(@Body @Valid ConcernRequest body, HttpRequest<?> request,
                                      @IdempotencyKey @Header("Idempotency-Key") @Nullable String idempotencyKey,
                                      @ResidentToken @Header(TOKEN_HEADER) @Nullable String token) {
        var result = intake.submit(body, idempotencyKey, tokens.verify(token, Times.now()), clientAddress.of(request));
        var response = HttpResponse.<SubmitAnswer>status(result.status()).body(result.answer())
                .header("Cache-Control", "no-store");
        if (result.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response;
    }
}
