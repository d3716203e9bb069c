package cn.mashang.notify;

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

/**
 * Admin view of the outbox: e.g. {@code ?status=FAILED}, newest first, and a retry of a failed row.
 * The outbox is deployment-wide (group robots of the city), so no region scope applies.
 */
@Tag(name = "admin")
@StaffApi
@Controller("/api/v1/admin/notifications")
@Secured({"ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
class NotificationAdminController {
    private final Outbox outbox;

    NotificationAdminController(Outbox outbox) {
        this.outbox = outbox;
    }

    @Operation(operationId = "listNotifications", summary = "通知发件箱 / The notification outbox, newest first")
    @Get
    PageResponse<NotificationView> list(@Schema(type = "string") @QueryValue @Nullable OutboxStatus status,
                                        @QueryValue @Nullable Integer page,
                                        @QueryValue @Nullable Integer size) {
        return outbox.list(status, Paging.of(page, size, Sort.of(Sort.Order.desc("id"))));
    }

    @Operation(operationId = "retryNotification", summary = "重发通知 / Retry a failed notification")
    @Post("/{id}/retry")
    NotificationView retry(long id) {
        return outbox.retry(id);
    }
}
