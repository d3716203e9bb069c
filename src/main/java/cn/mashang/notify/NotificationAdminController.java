package cn.mashang.notify;

import cn.mashang.common.PageResponse;
import cn.mashang.common.Paging;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

/**
 * Admin view of the outbox: e.g. {@code ?status=FAILED}, newest first, and a retry of a failed row.
 * The outbox is deployment-wide (group robots of the city), so no region scope applies.
 */
@Controller("/api/v1/admin/notifications")
@Secured({"ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
class NotificationAdminController {
    private final Outbox outbox;

    NotificationAdminController(Outbox outbox) {
        this.outbox = outbox;
    }

    @Get
    PageResponse<NotificationView> list(@QueryValue @Nullable OutboxStatus status,
                                        @QueryValue @Nullable Integer page,
                                        @QueryValue @Nullable Integer size) {
        return outbox.list(status, Paging.of(page, size, Sort.of(Sort.Order.desc("id"))));
    }

    @Post("/{id}/retry")
    NotificationView retry(long id) {
        return outbox.retry(id);
    }
}
