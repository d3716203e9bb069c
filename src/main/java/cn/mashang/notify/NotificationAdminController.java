package cn.mashang.notify;

import cn.mashang.auth.Scopes;
import cn.mashang.common.ApiException;
import cn.mashang.common.PageResponse;
import cn.mashang.common.Paging;
import cn.mashang.openapi.StaffApi;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.micronaut.security.authentication.Authentication;
import cn.mashang.region.Region;
import cn.mashang.region.RegionRepository;

/**
 * Admin view of the outbox: e.g. {@code ?status=FAILED}, newest first, and a retry of a failed row — the rows about
 * stations of the admin's region only; deployment-wide rows (no station) for admins of a top-level region.
 */
@Tag(name = "admin")
@StaffApi
@Controller("/api/v1/admin/notifications")
@Secured({"ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
class NotificationAdminController {
    private final Outbox outbox;
    private final Scopes scopes;
    private final RegionRepository regions;

    NotificationAdminController(Outbox outbox, Scopes scopes, RegionRepository regions) {
        this.outbox = outbox;
        this.scopes = scopes;
        this.regions = regions;
    }

    private Region region(Authentication auth) {
        Long id = scopes.of(auth).regionId();
        return regions.findById(id == null ? -1 : id).orElseThrow(() -> ApiException.notFound("地区"));
    }

    @Operation(operationId = "listNotifications", summary = "通知发件箱 / The notification outbox, newest first")
    @Get
    PageResponse<NotificationView> list(@Schema(type = "string") @QueryValue @Nullable OutboxStatus status,
                                        @QueryValue @Nullable Integer page,
                                        @QueryValue @Nullable Integer size, Authentication auth) {
        Region r = region(auth);
        return outbox.list(r.path(), r.parentId() == null, status, Paging.of(page, size, Sort.UNSORTED));
    }

    @Operation(operationId = "retryNotification", summary = "重发通知 / Retry a failed notification")
    @Post("/{id}/retry")
    NotificationView retry(long id, Authentication auth) {
        Region r = region(auth);
        return outbox.retry(id, r.path(), r.parentId() == null);
    }
}
