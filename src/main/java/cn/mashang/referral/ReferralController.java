package cn.mashang.referral;

import cn.mashang.openapi.StaffApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.mashang.common.ApiException;
import cn.mashang.common.Times;
import cn.mashang.concern.photo.ConcernPhotoRepository;
import cn.mashang.concern.photo.PhotoStore;
import cn.mashang.resident.PiiAccessLog;
import cn.mashang.resident.PiiCrypto;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
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

/**
 * The department's side (DEPARTMENT accounts): the inbox, a referred concern's view, its photos and the audited
 * reveal of the resident's mobile when the station shared it on the referral. Actions go through
 * {@code POST /api/v1/concerns/{id}/actions/{action}} like every other role.
 */
@Tag(name = "work")
@StaffApi
@Controller("/api/v1/me/referrals")
@Secured("DEPARTMENT")
@ExecuteOn(TaskExecutors.BLOCKING)
class ReferralController {
    private final ReferralInbox inbox;
    private final DepartmentCases cases;
    private final ConcernPhotoRepository photos;
    private final PhotoStore store;
    private final PiiAccessLog.Repository piiLog;
    private final PiiCrypto crypto;

    ReferralController(ReferralInbox inbox, DepartmentCases cases, ConcernPhotoRepository photos, PhotoStore store,
                       PiiAccessLog.Repository piiLog, PiiCrypto crypto) {
        this.inbox = inbox;
        this.cases = cases;
        this.photos = photos;
        this.store = store;
        this.piiLog = piiLog;
        this.crypto = crypto;
    }

    @Serdeable
    record Contact(long concernId, @Nullable String contactName, @Nullable String mobile) {
    }

    /** 待办 (view=todo, default; overdue first) or 已办 (view=done). */
    @Operation(operationId = "listReferrals", summary = "交办收件箱 / The department's inbox of referrals")
    @Get
    HttpResponse<ReferralInbox.Page> list(@QueryValue @Nullable String view, @QueryValue @Nullable String cursor,
                                          @QueryValue @Nullable Integer size, Authentication auth) {
        ReferralInbox.View v;
        if (view == null || view.equals("todo")) {
            v = ReferralInbox.View.TODO;
        } else if (view.equals("done")) {
            v = ReferralInbox.View.DONE;
        } else {
            throw ApiException.badField("view", "应为 todo 或 done");
        }
        return HttpResponse.ok(inbox.page(auth, v, cursor, size)).header("Cache-Control", "no-store");
    }

    @Operation(operationId = "getReferral", summary = "交办详情 / The department's view of a referred concern")
    @Get("/{id}")
    HttpResponse<DepartmentCase> detail(long id, Authentication auth) {
        return HttpResponse.ok(cases.of(id, auth)).header("Cache-Control", "no-store");
    }

    @Operation(operationId = "getReferralPhoto", summary = "交办图片 / A photo of a referred concern")
    @Get("/{id}/photos/{photoId}")
    HttpResponse<byte[]> photo(long id, long photoId, Authentication auth) {
        var h = cases.held(id, auth);
        var p = photos.findByIdAndConcernId(photoId, h.concern().id()).orElseThrow(() -> ApiException.notFound("图片"));
        return HttpResponse.ok(store.get(p.storageName())).contentType(MediaType.IMAGE_JPEG_TYPE)
                .header("Cache-Control", "private, max-age=3600");
    }

    /** The resident's full mobile: only while the department holds a referral that shared it; every reveal logged. */
    @Operation(operationId = "getReferralContact", summary = "群众联系方式 / The resident's contact, when shared on the referral (audited)")
    @Get("/{id}/contact")
    @Transactional
    HttpResponse<Contact> contact(long id, Authentication auth) {
        var h = cases.held(id, auth);
        if (!h.referral().open() || !h.referral().shareContact()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "无权查看", "联络站未向本部门提供群众联系方式");
        }
        piiLog.save(new PiiAccessLog(null, h.concern().id(), h.me().accountId(), "mobile", Times.now()));
        return HttpResponse.ok(new Contact(h.concern().id(), h.concern().contactName(),
                crypto.decrypt(h.concern().mobileEnc()))).header("Cache-Control", "no-store");
    }
}
