package cn.mashang.security;

import cn.mashang.auth.DemoIds;
import cn.mashang.auth.Logins;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static cn.mashang.Http.MAP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mass assignment: write endpoints given extra fields (state, stationId, deputyId, role, regionId, …) ignore them
 * (or refuse the request); nothing changes beyond the fields the endpoint allows.
 */
@MicronautTest(transactional = false)
class MassAssignmentTest {
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    DemoIds ids;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    JdbcOperations jdbc;
    BlockingHttpClient client;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
    }

    private Map<String, Object> row(String sql, Object... args) {
        return tx.executeRead(s -> jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Map<String, Object> m = new HashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    m.put(rs.getMetaData().getColumnLabel(i).toLowerCase(), rs.getObject(i));
                }
                return m;
            }
        }));
    }

    private int status(HttpRequest<?> request) {
        try {
            return client.exchange(request, MAP).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    @Test
    void aSubmissionCannotChooseItsStateStationDeputyOrRegion() {
        long heping = ids.station(DemoIds.HEPING);
        Map<String, Object> body = new HashMap<>(Map.of("code", "zhanb22222", "category", "生活环境",
                "content", "批量赋值测试：路灯不亮 " + UUID.randomUUID()));
        body.putAll(Map.of("state", "RESOLVED", "stationId", heping, "deputyId", ids.deputy("曹红梅"),
                "regionId", ids.region("离石区"), "role", "ADMIN", "assigneeDeputyId", ids.deputy("曹红梅"),
                "trackingNo", "LL-19990101-000001", "meTooCount", 99, "outcome", "SOLVED"));
        var answer = client.retrieve(HttpRequest.POST("/api/v1/concerns", body)
                .header("Idempotency-Key", "mass-" + UUID.randomUUID()).header("X-Forwarded-For", "10.66.0.1"), MAP);
        var concern = row("SELECT c.state, c.station_id, c.deputy_id, c.region_id, c.assignee_deputy_id, c.outcome, "
                + "c.me_too_count, k.station_id AS code_station, s.region_id AS code_region FROM concern c "
                + "JOIN contact_code k ON k.id = c.code_id JOIN station s ON s.id = k.station_id WHERE c.tracking_no = ?",
                answer.get("trackingNo"));
        assertEquals("SUBMITTED", concern.get("state"));
        assertEquals(concern.get("code_station"), concern.get("station_id"));
        assertEquals(concern.get("code_region"), concern.get("region_id"));
        assertNull(concern.get("deputy_id"));
        assertNull(concern.get("assignee_deputy_id"));
        assertNull(concern.get("outcome"));
        assertEquals(0, ((Number) concern.get("me_too_count")).intValue());
        assertEquals(false, "LL-19990101-000001".equals(answer.get("trackingNo")));
    }

    @Test
    void aHeadEditingPublicInfoCannotRenameMoveOrDeactivateTheStation() {
        long station = ids.station(DemoIds.QJNY);
        var before = row("SELECT name, region_id, active, kind, type FROM station WHERE id = ?", station);
        Map<String, Object> body = new HashMap<>(Map.of("address", "孝义市新义街道某路8号", "receptionNote", "每月10日"));
        body.putAll(Map.of("name", "改名的联络站", "regionId", ids.region("交口县"), "active", false, "kind", "POINT",
                "stationId", ids.station(DemoIds.SHUITOU), "state", "CLOSED", "role", "ADMIN"));
        int status = status(HttpRequest.PUT("/api/v1/stations/" + station + "/public-info", body)
                .bearerAuth(Logins.token(client, "head-qjny")));
        var after = row("SELECT name, region_id, active, kind, type, address FROM station WHERE id = ?", station);
        assertEquals(200, status);
        assertEquals("孝义市新义街道某路8号", after.remove("address"));
        assertEquals(before, after);
    }

    @Test
    void changingOnesPasswordCannotChangeOnesRoleOrScope() {
        long account = Logins.accountId(client, "13800000014");
        var before = row("SELECT role, station_id, deputy_id, region_id, active FROM staff_account WHERE id = ?", account);
        Map<String, Object> body = new HashMap<>(Map.of("currentPassword", Logins.PASSWORD, "newPassword", "Mass4ssign2026"));
        body.putAll(Map.of("role", "ADMIN", "stationId", ids.station(DemoIds.SHUITOU), "regionId", ids.region("吕梁市"),
                "deputyId", ids.deputy("曹红梅"), "active", true, "tokenVersion", 0));
        var fresh = client.retrieve(HttpRequest.POST("/api/v1/me/password", body)
                .bearerAuth(Logins.token(client, "13800000014")), MAP);
        var after = row("SELECT role, station_id, deputy_id, region_id, active FROM staff_account WHERE id = ?", account);
        assertEquals(before, after);
        var me = client.retrieve(HttpRequest.GET("/api/v1/me").bearerAuth((String) fresh.get("accessToken")), MAP);
        assertEquals("DEPUTY", me.get("role"));
    }

    @Test
    void changingASeatsRoleCannotMoveItToAnotherStationOrDeputy() {
        long seat = ids.membership(DemoIds.SHUITOU, "曹红梅");
        var before = row("SELECT station_id, deputy_id FROM station_membership WHERE id = ?", seat);
        Map<String, Object> body = Map.of("role", "RESIDENT", "stationId", ids.station(DemoIds.HEPING),
                "deputyId", ids.deputy("王建华"), "regionId", ids.region("离石区"));
        int status = status(HttpRequest.PUT("/api/v1/admin/memberships/" + seat, body)
                .bearerAuth(Logins.token(client, "jiaokou-admin")));
        var after = row("SELECT station_id, deputy_id FROM station_membership WHERE id = ?", seat);
        assertEquals(200, status);
        assertEquals(before, after);
    }

    @Test
    void anAdminUpdatingALiaisonCannotGiveItARegionOrATokenVersion() {
        long account = ids.account("liaison-shuitou");
        var before = row("SELECT region_id, deputy_id, station_id, token_version FROM staff_account WHERE id = ?", account);
        Map<String, Object> body = new HashMap<>(Map.of("loginName", "liaison-shuitou", "displayName", "水头联络员 张敏",
                "role", "LIAISON", "stationId", ids.station(DemoIds.SHUITOU)));
        body.putAll(Map.of("regionId", ids.region("离石区"), "tokenVersion", 42, "passwordHash", "x", "active", false));
        int status = status(HttpRequest.PUT("/api/v1/admin/accounts/" + account, body)
                .bearerAuth(Logins.token(client, "jiaokou-admin")));
        var after = row("SELECT region_id, deputy_id, station_id, token_version FROM staff_account WHERE id = ?", account);
        assertTrue(status == 200 || (status >= 400 && status < 500), "answered " + status);
        // a liaison's scope is its station: the foreign region is dropped (or the request refused), nothing else moves
        assertEquals(before, after);
    }
}
