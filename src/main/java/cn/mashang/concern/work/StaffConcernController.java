package cn.mashang.concern.work;

import cn.mashang.concern.Concern;
import cn.mashang.concern.ConcernRepository;
import cn.mashang.concern.photo.ConcernPhotoRepository;
import cn.mashang.concern.photo.PhotoStore;
import cn.mashang.resident.PiiAccessLog;
import cn.mashang.resident.PiiCrypto;
import cn.mashang.auth.Scopes;
import cn.mashang.common.ApiException;
import cn.mashang.common.Times;
import cn.mashang.openapi.StaffApi;
import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;


/**
 * Staff access to a concern's resident data: the audited reveal of the resident's contact data to the handling
 * staff, and photos. Queues and the detail are in {@link WorkController}.
 */
@Tag(name = "work")
@StaffApi
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
class StaffConcernController {
    private static final String WHAT = "反映";
    private final BeanProvider<Scopes> scopes;
    private final ConcernRepository concerns;
    private final ConcernPhotoRepository photos;
    private final PiiAccessLog.Repository piiLog;
    private final PiiCrypto crypto;
    private final PhotoStore store;
    private final ContactReveal reveal;

    StaffConcernController(BeanProvider<Scopes> scopes, ConcernRepository concerns, ConcernPhotoRepository photos,
                           PiiAccessLog.Repository piiLog, PiiCrypto crypto, PhotoStore store, ContactReveal reveal) {
        this.reveal = reveal;
        this.scopes = scopes;
        this.concerns = concerns;
        this.photos = photos;
        this.piiLog = piiLog;
        this.crypto = crypto;
        this.store = store;
    }

    @Serdeable
    record Contact(long concernId, @Nullable String contactName, @Nullable String mobile) {
    }

    /**
     * The resident's name and full mobile number for a callback, to the current handlers only ({@link ContactReveal});
     * every reveal is written to pii_access_log, which the region's admins read ({@link PiiAccessLogController}).
     */
    @Operation(operationId = "getConcernContact", summary = "联系方式 / Reveal the resident's name and mobile (audited)")
    @Get("/concerns/{id}/contact")
    @Secured({"DEPUTY", "LIAISON", "STATION_HEAD"})
    @Transactional
    HttpResponse<Contact> contact(long id, Authentication auth) {
        Concern c = visible(id, auth);
        var me = scopes().of(auth);
        var now = Times.now();
        reveal.require(c, me, now);
        piiLog.save(new PiiAccessLog(null, c.id(), me.accountId(), "mobile", now));
        return HttpResponse.ok(new Contact(c.id(), c.contactName(), crypto.decrypt(c.mobileEnc())))
                .header("Cache-Control", "no-store");
    }

    @Operation(operationId = "getConcernPhoto", summary = "反映图片 / A photo of a concern (JPEG)")
    @Get("/concerns/{id}/photos/{photoId}")
    @Secured({"DEPUTY", "LIAISON", "STATION_HEAD", "ADMIN"})
    HttpResponse<byte[]> photo(long id, long photoId, Authentication auth) {
        Concern c = visible(id, auth);
        var p = photos.findByIdAndConcernId(photoId, c.id()).orElseThrow(() -> ApiException.notFound("图片"));
        return HttpResponse.ok(store.get(p.storageName())).contentType(MediaType.IMAGE_JPEG_TYPE)
                .header("Cache-Control", "private, max-age=3600");
    }

    private Concern visible(long id, Authentication auth) {
        Concern c = concerns.findById(id).orElseThrow(() -> ApiException.notFound(WHAT));
        scopes().requireSeeStation(auth, c.stationId(), WHAT);
        return c;
    }

    /** Until the auth feature provides the scope service, nobody is in scope (404). */
    private Scopes scopes() {
        if (!scopes.isPresent()) {
            throw ApiException.notFound(WHAT);
        }
        return scopes.get();
    }
}
