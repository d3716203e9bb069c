package cn.mashang.open311;

import cn.mashang.openapi.StaffApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import jakarta.validation.Valid;

import java.util.List;

/** Admins of a region issue and revoke Open311 client keys for their region (and see the requests per key). */
@Tag(name = "open311")
@StaffApi
@Controller("/api/v1")
@Secured("ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
class ApiClientController {
    private final ApiClients clients;

    ApiClientController(ApiClients clients) {
        this.clients = clients;
    }

    /** Clients of the region and below, with the service requests filed per key. */
    @Operation(operationId = "listOpen311Clients", summary = "Open311 客户端列表 / The region's Open311 client keys and request counts")
    @Get("/regions/{id}/open311-clients")
    List<ApiClients.View> list(long id, Authentication auth) {
        return clients.list(auth, id);
    }

    /** A new client; the answer carries its api_key, which is never shown again. */
    @Operation(operationId = "createOpen311Client", summary = "新建 Open311 密钥 / Issue an Open311 API key (shown once)")
    @Post("/regions/{id}/open311-clients")
    HttpResponse<ApiClients.Created> create(long id, @Valid @Body ApiClients.Input body, Authentication auth) {
        return HttpResponse.created(clients.create(auth, id, body)).header("Cache-Control", "no-store");
    }

    @Operation(operationId = "revokeOpen311Client", summary = "停用 Open311 密钥 / Revoke an Open311 API key")
    @Post("/open311-clients/{id}/revoke")
    ApiClients.View revoke(long id, Authentication auth) {
        return clients.revoke(auth, id);
    }
}
