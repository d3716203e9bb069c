package cn.mashang.concern;

import cn.mashang.auth.Scopes;
import cn.mashang.common.ApiException;
import cn.mashang.common.Paging;
import cn.mashang.common.Times;
import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;

import java.util.List;
import java.util.Map;

/**
 * Minimal staff views of intake: a station's and a deputy's newest concerns (masked), the audited reveal of a
 * resident's contact data to the handling staff, and photos. The life-cycle feature replaces the queues.
 */
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

    StaffConcernController(BeanProvider<Scopes> scopes, ConcernRepository concerns, ConcernPhotoRepository photos,
                           PiiAccessLog.Repository piiLog, PiiCrypto crypto, PhotoStore store) {
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

    @Get("/stations/{id}/concerns")
    @Secured({"DEPUTY", "LIAISON", "STATION_HEAD", "ADMIN"})
    Map<String, List<StaffConcernView>> stationQueue(long id, @QueryValue @Nullable Integer page,
                                                     @QueryValue @Nullable Integer size, Authentication auth) {
        scopes().requireSeeStation(auth, id, "联络站");
        Pageable p = Paging.of(page, size, null);
        return Map.of("items", concerns.findByStationIdOrderByIdDesc(id, p).stream().map(StaffConcernView::of).toList());
    }

    @Get("/deputies/{id}/concerns")
    @Secured({"DEPUTY"})
    Map<String, List<StaffConcernView>> deputyQueue(long id, @QueryValue @Nullable Integer page,
                                                    @QueryValue @Nullable Integer size, Authentication auth) {
        Long own = scopes().of(auth).deputyId();
        if (own == null || own != id) {
            throw ApiException.notFound("代表");
        }
        Pageable p = Paging.of(page, size, null);
        return Map.of("items", concerns.findByDeputyIdOrderByIdDesc(id, p).stream().map(StaffConcernView::of).toList());
    }

    /** The resident's name and full mobile number for a callback; every reveal is written to pii_access_log. */
    @Get("/concerns/{id}/contact")
    @Secured({"DEPUTY", "LIAISON", "STATION_HEAD"})
    @Transactional
    HttpResponse<Contact> contact(long id, Authentication auth) {
        Concern c = visible(id, auth);
        long account = scopes().of(auth).accountId();
        piiLog.save(new PiiAccessLog(null, c.id(), account, "mobile", Times.now()));
        return HttpResponse.ok(new Contact(c.id(), c.contactName(), crypto.decrypt(c.mobileEnc())))
                .header("Cache-Control", "no-store");
    }

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
