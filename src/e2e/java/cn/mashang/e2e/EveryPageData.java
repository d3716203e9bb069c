package cn.mashang.e2e;

import cn.mashang.Db;
import cn.mashang.Http;
import cn.mashang.auth.DemoIds;
import cn.mashang.auth.Logins;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.transaction.TransactionOperations;

import java.sql.Connection;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What {@link EveryPageIT} visits: one entry per page (its name in the screenshots), the role and demo login it is
 * visited as (null: a resident, anonymous), its path with real ids, the status the page answers with, and a script
 * run before the page (a resident's saved tracking links). The objects behind the ids are made once through the API:
 * a concern referred to 住建局 and answered by the deputy, a reception session, a revoked deputy code.
 */
record EveryPageData(long station, long region, String stationCode, String deputyCode, String goneCode,
                     String trackingNo, String key, long concernId, long sessionId, long suggestionId) {
    record Visit(String role, String login, String path, int status, String init) {
        static Visit resident(String path) {
            return new Visit("resident", null, path, 200, "");
        }

        static Visit staff(String role, String login, String path) {
            return new Visit(role, login, path, 200, "");
        }
    }

    static final String DEPUTY = "13800000001";
    static final String LIAISON = "liaison-qjny";
    static final String HEAD = "head-qjny";
    static final String ADMIN = "lvliang-admin";
    static final String DEPARTMENT = "dept-xiaoyi-zhujian";

    Map<String, Visit> visits() {
        Map<String, Visit> v = new LinkedHashMap<>();
        String links = "localStorage.setItem('myConcernLinks', JSON.stringify([{trackingNo:'" + trackingNo + "',key:'"
                + key + "',at:new Date().toISOString()}]));";
        v.put("home", Visit.resident("/"));
        v.put("code-station", Visit.resident("/s/" + stationCode));
        v.put("code-deputy", Visit.resident("/d/" + deputyCode));
        v.put("code-unknown", new Visit("resident", null, "/s/zzzzzzzzzz", 404, ""));
        v.put("code-gone", new Visit("resident", null, "/d/" + goneCode, 410, ""));
        v.put("concern-new", Visit.resident("/c/new?code=" + stationCode));
        v.put("track", Visit.resident("/t/" + trackingNo + "#k=" + key));
        v.put("my", new Visit("resident", null, "/my", 200, links));
        v.put("recover", Visit.resident("/recover"));
        v.put("reception-book", Visit.resident("/r/" + sessionId));
        v.put("login", new Visit("staff", null, "/login", 200, ""));
        v.put("me", Visit.staff("head", HEAD, "/me"));
        v.put("work", Visit.staff("deputy", DEPUTY, "/work"));
        v.put("work-station", Visit.staff("liaison", LIAISON, "/work/station?id=" + station));
        v.put("work-concern", Visit.staff("deputy", DEPUTY, "/work/concerns/" + concernId));
        v.put("work-archive", Visit.staff("deputy", DEPUTY, "/work/archive"));
        v.put("concern-print", Visit.staff("liaison", LIAISON, "/manage/concerns/" + concernId + "/print"));
        v.put("manage-reception", Visit.staff("liaison", LIAISON, "/manage/reception?station=" + station));
        v.put("manage-codes", Visit.staff("head", HEAD, "/manage/codes?station=" + station));
        v.put("manage-dashboard", Visit.staff("head", HEAD, "/manage/dashboard?station=" + station));
        v.put("manage-overdue", Visit.staff("admin", ADMIN, "/manage/overdue"));
        v.put("manage-region", Visit.staff("admin", ADMIN, "/manage/region?id=" + region));
        v.put("manage-departments", Visit.staff("admin", ADMIN, "/manage/departments"));
        v.put("manage-standards", Visit.staff("head", HEAD, "/manage/standards?station=" + station));
        v.put("manage-standards-review", Visit.staff("admin", ADMIN, "/manage/standards"));
        v.put("manage-standards-station", Visit.staff("admin", ADMIN, "/manage/standards?station=" + station));
        v.put("dept", Visit.staff("department", DEPARTMENT, "/dept"));
        v.put("dept-concern", Visit.staff("department", DEPARTMENT, "/dept/concerns/" + concernId));
        v.put("work-suggestions", Visit.staff("deputy", DEPUTY, "/work/suggestions"));
        v.put("work-suggestion", Visit.staff("deputy", DEPUTY, "/work/suggestions?id=" + suggestionId));
        v.put("work-suggestion-draft", Visit.staff("deputy", DEPUTY, "/work/suggestions?new=1"));
        v.put("work-visits", Visit.staff("deputy", DEPUTY, "/work/visits"));
        v.put("manage-suggestions", Visit.staff("admin", ADMIN, "/manage/suggestions"));
        v.put("manage-suggestion", Visit.staff("admin", ADMIN, "/manage/suggestions?id=" + suggestionId));
        v.put("dept-suggestions", Visit.staff("department", DEPARTMENT, "/dept/suggestions"));
        v.put("dept-suggestion", Visit.staff("department", DEPARTMENT, "/dept/suggestions?id=" + suggestionId));
        return v;
    }

    static EveryPageData create(BlockingHttpClient client, DemoIds ids, TransactionOperations<Connection> tx) {
        long station = ids.station(DemoIds.QJNY);
        Map<String, Object> detail = Http.get(client, "/api/v1/stations/" + station);
        String stationCode = (String) detail.get("code");
        String deputyCode = (String) Http.map(Http.list(detail.get("deputies")).get(0)).get("code");
        String liaison = Logins.token(client, LIAISON);
        long community = ((Number) client.retrieve(HttpRequest.GET("/api/v1/stations/" + station + "/communities"),
                Http.LIST).get(0).get("id")).longValue();
        Map<String, Object> referred = submit(client, stationCode, "小区门口的路灯坏了三盏，晚上出行不便，请尽快修复。", 1,
                Map.of("source", "BROWSER", "lat", 37.146123, "lng", 111.773456, "accuracyM", 18, "communityId", community));
        long concernId = Db.count(tx, "SELECT id FROM concern WHERE tracking_no = ?", referred.get("trackingNo"));
        act(client, liaison, concernId, "accept", Map.of());
        act(client, liaison, concernId, "refer", Map.of("departmentId", ids.department("孝义市", "孝义市住房和城乡建设局")));
        Map<String, Object> answered = submit(client, stationCode, "菜市场周边早高峰拥堵，建议增设临时停车位。", 2, null);
        long answeredId = Db.count(tx, "SELECT id FROM concern WHERE tracking_no = ?", answered.get("trackingNo"));
        act(client, Logins.token(client, DEPUTY), answeredId, "accept", Map.of());
        act(client, Logins.token(client, DEPUTY), answeredId, "reply", Map.of("text", "已与市场管理方沟通，下周起早高峰增设临时停车位。"));
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        Map<String, Object> session = client.retrieve(HttpRequest.POST("/api/v1/stations/" + station + "/sessions",
                Map.of("date", tomorrow, "startTime", "09:00", "endTime", "11:30", "place", "联络站一楼接待室", "capacity", 20))
                .bearerAuth(liaison), Http.MAP);
        long heping = ids.station(DemoIds.HEPING);
        String gone = (String) Http.map(Http.list(Http.get(client, "/api/v1/stations/" + heping).get("deputies")).get(0)).get("code");
        client.retrieve(HttpRequest.POST("/api/v1/codes/" + gone + "/revoke", Map.of("reason", "代表已调离", "reissue", true))
                .bearerAuth(Logins.token(client, "head-heping")), Http.MAP);
        long suggestion = suggestion(client, ids, answeredId);
        return new EveryPageData(station, ids.region("吕梁市"), stationCode, deputyCode, gone,
                (String) answered.get("trackingNo"), (String) answered.get("key"), concernId,
                ((Number) session.get("id")).longValue(), suggestion);
    }

    /** A suggestion of the deputy from the answered concern, registered and assigned to 住建局 (its reply is due). */
    private static long suggestion(BlockingHttpClient client, DemoIds ids, long concernId) {
        Map<String, Object> s = client.retrieve(HttpRequest.POST("/api/v1/suggestions", Map.of("title", "关于菜市场周边增设停车位的建议",
                "body", "群众反映菜市场周边早高峰拥堵，建议统筹规划临时停车位。", "sessionName", "市三届人大八次会议",
                "category", "交通运输", "concernIds", java.util.List.of(concernId))).bearerAuth(Logins.token(client, DEPUTY)), Http.MAP);
        long id = ((Number) s.get("id")).longValue();
        String admin = Logins.token(client, ADMIN);
        client.retrieve(HttpRequest.POST("/api/v1/suggestions/" + id + "/actions/register", Map.of("version", s.get("version"),
                "number", "第" + (1000 + id) + "号")).bearerAuth(admin), Http.MAP);
        client.retrieve(HttpRequest.POST("/api/v1/suggestions/" + id + "/actions/assign", Map.of("version",
                ((Number) s.get("version")).longValue() + 1, "leadDepartmentId", ids.department("孝义市", "孝义市住房和城乡建设局"),
                "coDepartmentIds", java.util.List.of(ids.department("孝义市", "孝义市交通运输局")))).bearerAuth(admin), Http.MAP);
        return id;
    }

    /** A concern submitted through the API from the resident address 10.77.1.{n}: its trackingNo and key. */
    static Map<String, Object> submit(BlockingHttpClient client, String code, String content, int n) {
        return submit(client, code, content, n, null);
    }

    private static Map<String, Object> submit(BlockingHttpClient client, String code, String content, int n,
                                              Map<String, Object> location) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "category", "生活环境", "content", content, "consent", true));
        if (location != null) {
            body.put("location", location);
        }
        return client.retrieve(HttpRequest.POST("/api/v1/concerns", body)
                .header("Idempotency-Key", UUID.randomUUID().toString()).header("X-Forwarded-For", "10.77.1." + n), Http.MAP);
    }

    /** A staff action on the concern at its current version. */
    static void act(BlockingHttpClient client, String token, long id, String action, Map<String, Object> fields) {
        long version = ((Number) Http.get(client, "/api/v1/concerns/" + id, token).get("version")).longValue();
        Map<String, Object> body = new HashMap<>(fields);
        body.put("version", version);
        client.retrieve(HttpRequest.POST("/api/v1/concerns/" + id + "/actions/" + action, body).bearerAuth(token), Http.MAP);
    }
}
