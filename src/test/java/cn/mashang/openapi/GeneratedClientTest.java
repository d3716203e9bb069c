package cn.mashang.openapi;

import cn.mashang.openapi.client.ApiClient;
import cn.mashang.openapi.client.ApiException;
import cn.mashang.openapi.client.ApiResponse;
import cn.mashang.openapi.client.api.AuthApi;
import cn.mashang.openapi.client.api.DashboardApi;
import cn.mashang.openapi.client.api.IntakeApi;
import cn.mashang.openapi.client.api.TrackingApi;
import cn.mashang.openapi.client.api.WorkApi;
import cn.mashang.openapi.client.model.ActionBodyAccept;
import cn.mashang.openapi.client.model.ActionBodyReply;
import cn.mashang.openapi.client.model.AuthDtosLoginRequest;
import cn.mashang.openapi.client.model.ConcernDetail;
import cn.mashang.openapi.client.model.ConcernRequest;
import cn.mashang.openapi.client.model.DtosStationDashboard;
import cn.mashang.openapi.client.model.PerformActionRequest;
import cn.mashang.openapi.client.model.Problem;
import cn.mashang.openapi.client.model.QueueItem;
import cn.mashang.openapi.client.model.SubmitAnswer;
import cn.mashang.openapi.client.model.TrackView;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document is usable by a client generator: the Java client that OpenAPI Generator made from it at
 * build time (target/generated-test-sources/openapi, see pom.xml) drives the real server. No hand-written HTTP.
 */
@MicronautTest(transactional = false)
class GeneratedClientTest {
    /** The demo code of deputy 王建华 (station 1, 清洁能源基地联络站) and his staff login. */
    private static final String DEPUTY_CODE = "rddb222222";
    private static final String DEPUTY_LOGIN = "13800000001";
    private static final String HEAD_LOGIN = "head-qjny";
    private static final String DEMO_PASSWORD = "Demo@2026";

    @Inject
    EmbeddedServer server;

    private ApiClient anonymous() {
        ApiClient client = new ApiClient();
        client.updateBaseUri(server.getURL().toString());
        return client;
    }

    /** A client that sends the staff bearer token (the native library leaves auth to a request interceptor). */
    private ApiClient staff(String login) throws ApiException {
        String token = new AuthApi(anonymous())
                .login(new AuthDtosLoginRequest().login(login).password(DEMO_PASSWORD)).getAccessToken();
        ApiClient client = anonymous();
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    @Test
    void aResidentSubmitsAndFollowsTheConcernWhileTheDeputyRepliesAndTheHeadReadsTheDashboard() throws Exception {
        var intake = new IntakeApi(anonymous());
        String category = intake.getCategories(DEPUTY_CODE).getCategories().get(0);
        var request = new ConcernRequest().code(DEPUTY_CODE).category(category)
                .content("园区到镇上的通勤班车太少，早晚高峰等车超过四十分钟。");
        String key = UUID.randomUUID().toString();

        ApiResponse<SubmitAnswer> first = intake.submitConcernWithHttpInfo(request, key, null);
        ApiResponse<SubmitAnswer> retry = intake.submitConcernWithHttpInfo(request, key, null);
        assertEquals(201, first.getStatusCode());
        assertEquals(201, retry.getStatusCode());
        assertEquals(first.getData().getTrackingNo(), retry.getData().getTrackingNo());
        assertEquals("true", retry.getHeaders().get("idempotent-replayed").get(0));

        var tracking = new TrackingApi(anonymous());
        String no = first.getData().getTrackingNo();
        String secret = first.getData().getKey();
        TrackView submitted = tracking.trackConcern(no, secret, null, null);
        assertEquals("SUBMITTED", submitted.getState());
        assertEquals(request.getContent(), submitted.getContent());

        var work = new WorkApi(staff(DEPUTY_LOGIN));
        QueueItem item = work.getMyQueue("todo", null, null, null, null, "newest", null, 50).getItems().stream()
                .filter(i -> i.getTrackingNo().equals(no)).findFirst().orElseThrow();
        ConcernDetail accepted = work.performAction(item.getId(), "accept",
                new PerformActionRequest(new ActionBodyAccept().version(item.getVersion())));
        assertEquals("ACCEPTED", accepted.getState());
        String reply = "已向县交通运输局反映，下月起早晚各加开两班。";
        ConcernDetail answered = work.performAction(item.getId(), "reply",
                new PerformActionRequest(new ActionBodyReply().version(accepted.getVersion()).text(reply)));
        assertEquals("ANSWERED", answered.getState());
        assertTrue(answered.getVersion() > accepted.getVersion());

        TrackView followed = tracking.trackConcern(no, secret, null, null);
        assertEquals("ANSWERED", followed.getState());
        assertTrue(followed.getTimeline().stream().anyMatch(e -> reply.equals(e.getBody())),
                () -> "public timeline: " + followed.getTimeline());

        DtosStationDashboard board = new DashboardApi(staff(HEAD_LOGIN))
                .getStationDashboard(answered.getStationId(), null, null, null);
        assertEquals(answered.getStationId(), board.getStation().getId());
        assertTrue(board.getTotals().getReceived() >= 1);
        assertTrue(board.getTotals().getResponded() >= 1);
    }

    @Test
    void aStaleVersionIsRefusedWithTheDocumentedProblemBody() throws Exception {
        var client = anonymous();
        var intake = new IntakeApi(client);
        SubmitAnswer a = intake.submitConcern(new ConcernRequest().code(DEPUTY_CODE)
                .category(intake.getCategories(DEPUTY_CODE).getCategories().get(0))
                .content("路口的红绿灯时间太短，老人过马路来不及。"), UUID.randomUUID().toString(), null);
        var work = new WorkApi(staff(DEPUTY_LOGIN));
        QueueItem item = work.getMyQueue("todo", null, null, null, null, "newest", null, 50).getItems().stream()
                .filter(i -> i.getTrackingNo().equals(a.getTrackingNo())).findFirst().orElseThrow();

        ApiException e = assertThrows(ApiException.class, () -> work.performAction(item.getId(), "reply",
                new PerformActionRequest(new ActionBodyReply().version(item.getVersion() + 5).text("已收到"))));
        assertEquals(409, e.getCode());
        assertTrue(e.getResponseHeaders().firstValue("content-type").orElseThrow()
                .startsWith("application/problem+json"));
        Problem problem = client.getObjectMapper().readValue(e.getResponseBody(), Problem.class);
        assertEquals(409, problem.getStatus());
        assertEquals(item.getVersion(), problem.getCurrentVersion());
        assertNotNull(problem.getTitle());
        assertNotEquals("", problem.getDetail());
    }
}
