package cn.mashang.concern.intake;

import cn.mashang.concern.Intake;
import cn.mashang.concern.tracking.Tracking;
import cn.mashang.Db;

import cn.mashang.Http;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.mashang.Http.get;
import static cn.mashang.Http.list;
import static cn.mashang.Http.map;
import static cn.mashang.Http.problem;
import static cn.mashang.concern.Intake.DEPUTY_CODE;
import static cn.mashang.concern.Intake.REGIONAL_CODE;
import static cn.mashang.concern.Intake.STATION_CODE;
import static cn.mashang.concern.Intake.body;
import static cn.mashang.Db.count;
import static cn.mashang.concern.Intake.randomAddress;
import static cn.mashang.concern.Intake.submit;
import static cn.mashang.concern.Intake.trackUri;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class ConcernIntakeTest {
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    TransactionOperations<Connection> tx;
    BlockingHttpClient client;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
    }

    private long stationOf(String code) {
        return ((Number) get(client, "/api/v1/categories?code=" + code).get("stationId")).longValue();
    }

    @Test
    void categoriesOfAnIndustryCodeStartWithItsPresetFollowedByTheCityList() {
        var offer = get(client, "/api/v1/categories?code=" + STATION_CODE);
        var names = (List<?>) offer.get("categories");
        var preset = offer.get("preset");
        assertNotNull(preset, "the industry station's code carries a preset category");
        assertEquals(preset, names.get(0));
        assertEquals(names.size(), names.stream().distinct().count(), "the preset is not listed twice");
        assertTrue(names.containsAll(List.of("基础设施", "生活环境", "停车出行", "供暖供气", "教育医疗", "企业发展", "政策咨询", "其他")));
        assertEquals("其他", names.get(names.size() - 1));
        assertEquals("STATION", offer.get("kind"));
        assertEquals("吕梁市清洁能源基地暨孝义市新型煤化工人大代表联络站", offer.get("stationName"));
    }

    @Test
    void unknownCodeAnswers404WithTheFriendlyMessage() {
        var p = problem(client, HttpRequest.GET("/api/v1/categories?code=zzzzzzzzzz"), 404);
        assertEquals("此二维码已停用或不存在", p.get("detail"));
        problem(client, Intake.post(body("zzzzzzzzzz", "小区门口路灯坏了很久"), "k-" + UUID.randomUUID(), null,
                randomAddress()), 404);
    }

    @Test
    void revokedCodeCannotReceiveConcerns() {
        Db.sql(tx, "UPDATE contact_code SET active = FALSE WHERE code = ?", "zhan322222");
        var p = problem(client, Intake.post(body("zhan322222", "小区门口路灯坏了很久"), "k-" + UUID.randomUUID(), null,
                randomAddress()), 404);
        assertEquals("此二维码已停用或不存在", p.get("detail"));
    }

    @Test
    void submissionFromAStationCodeCreatesASubmittedConcernWithATrackingLink() {
        var res = submit(client, body(REGIONAL_CODE, "和平社区3号楼前路灯坏了两个月，晚上出行不便"), "k-" + UUID.randomUUID(), null,
                randomAddress());
        assertEquals(201, res.code());
        var a = res.body();
        String no = (String) a.get("trackingNo");
        assertTrue(no.matches("LL-\\d{8}-\\d{6}"), no);
        assertTrue(((String) a.get("trackingUrl")).endsWith("/t/" + no + "#k=" + a.get("key")));
        assertNotNull(a.get("residentToken"));
        assertEquals(false, a.get("folded"));

        var view = get(client, trackUri(a));
        assertEquals("SUBMITTED", view.get("state"));
        assertEquals("待受理", view.get("stateLabel"));
        assertEquals("离石区凤山街道和平社区人大代表联络站", view.get("stationName"));
        var timeline = list(view.get("timeline"));
        assertEquals(1, timeline.size());
        assertEquals("SUBMITTED", timeline.get(0).get("type"));
        assertEquals(1, count(tx, "SELECT COUNT(*) FROM concern_event WHERE concern_id = "
                + "(SELECT id FROM concern WHERE tracking_no = ?)", no));
        assertEquals(1, count(tx, "SELECT COUNT(*) FROM concern WHERE tracking_no = ? AND channel = 'STATION_CODE' "
                + "AND deputy_id IS NULL AND region_id IS NOT NULL", no));
    }

    @Test
    void submissionFromADeputyCodeIsRoutedToThatDeputyAndItsStation() {
        var offer = get(client, "/api/v1/categories?code=" + DEPUTY_CODE);
        var a = submit(client, body(DEPUTY_CODE, "希望园区增设一条通勤公交线路"));
        assertEquals(1, count(tx, "SELECT COUNT(*) FROM concern WHERE tracking_no = ? AND channel = 'DEPUTY_CODE' "
                        + "AND deputy_id = ? AND station_id = ? AND membership_id IS NOT NULL", a.get("trackingNo"),
                ((Number) offer.get("deputyId")).longValue(), ((Number) offer.get("stationId")).longValue()));
        assertEquals(offer.get("deputyName"), get(client, trackUri(a)).get("deputyName"));
    }

    @Test
    void trackingNumbersOfOneDayCountUpByOne() {
        var first = (String) submit(client, body(REGIONAL_CODE, "第一件：小区垃圾清运不及时")).get("trackingNo");
        var second = (String) submit(client, body(REGIONAL_CODE, "第二件：健身器材损坏需要维修")).get("trackingNo");
        assertEquals(Integer.parseInt(first.substring(12)) + 1, Integer.parseInt(second.substring(12)));
        assertEquals(first.substring(0, 12), second.substring(0, 12));
    }

    @Test
    void aRetriedPostWithTheSameKeyReturnsTheSameAnswerAndCreatesOneConcern() {
        String key = "k-" + UUID.randomUUID();
        String addr = randomAddress();
        var b = body(REGIONAL_CODE, "重复提交测试：楼道灯不亮了 " + key);
        var first = submit(client, b, key, null, addr);
        var again = submit(client, b, key, null, addr);
        assertEquals(201, again.code());
        assertEquals(first.body(), again.body());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(1, count(tx, "SELECT COUNT(*) FROM concern WHERE content = ?", b.get("content")));
    }

    @Test
    void theSameKeyWithADifferentBodyAnswers422() {
        String key = "k-" + UUID.randomUUID();
        submit(client, body(REGIONAL_CODE, "第一次的内容：路面塌陷"), key, null, randomAddress());
        var p = problem(client, Intake.post(body(REGIONAL_CODE, "换了内容：路面积水"), key, null, randomAddress()), 422);
        assertTrue(String.valueOf(p.get("detail")).contains("Idempotency-Key"));
    }

    @Test
    void concurrentDuplicatesCreateExactlyOneConcernAndNeverFail() throws Exception {
        String key = "k-" + UUID.randomUUID();
        var b = body(REGIONAL_CODE, "并发提交测试：供暖不热 " + key);
        String addr = randomAddress();
        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<Map<String, Object>>>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            futures.add(pool.submit((Callable<HttpResponse<Map<String, Object>>>) () -> {
                start.await();
                return submit(client, b, key, null, addr);
            }));
        }
        start.countDown();
        List<Object> numbers = new ArrayList<>();
        for (var f : futures) {
            var r = f.get();
            assertEquals(201, r.code());
            numbers.add(r.body().get("trackingNo"));
        }
        pool.shutdown();
        assertEquals(1, numbers.stream().distinct().count(), numbers::toString);
        assertEquals(1, count(tx, "SELECT COUNT(*) FROM concern WHERE content = ?", b.get("content")));
    }

    @Test
    void trackingWithoutOrWithAWrongSecretAnswers404() {
        var a = submit(client, body(REGIONAL_CODE, "秘密链接测试：井盖缺失"));
        String no = (String) a.get("trackingNo");
        problem(client, HttpRequest.GET("/api/v1/track/" + no), 404);
        problem(client, HttpRequest.GET("/api/v1/track/" + no + "?key=wrong-secret"), 404);
        problem(client, HttpRequest.GET("/api/v1/track/LL-20200101-000001?key=" + a.get("key")), 404);
        problem(client, HttpRequest.GET("/api/v1/track/" + no + "/photos/1?key=wrong"), 404);
        problem(client, HttpRequest.POST("/api/v1/track/" + no + "/messages", Map.of("body", "补充")), 404);
        assertEquals(no, get(client, trackUri(a)).get("trackingNo"));
        assertEquals(no, client.retrieve(HttpRequest.GET("/api/v1/track/" + no).header("X-Tracking-Key",
                (String) a.get("key")), Http.MAP).get("trackingNo"));
    }

    @Test
    void theDeviceTokenListsItsConcernsAndOpensThemWithoutTheKey() {
        var first = submit(client, body(REGIONAL_CODE, "我的反映测试一：路边停车乱"));
        String token = (String) first.get("residentToken");
        var second = submit(client, body(STATION_CODE, "我的反映测试二：园区道路破损"), "k-" + UUID.randomUUID(), token,
                randomAddress()).body();
        assertNull(second.get("residentToken"), "a device with a token gets no new one");
        var mine = list(client.retrieve(HttpRequest.GET("/api/v1/my/concerns").header("X-Resident-Token", token),
                Http.MAP).get("items"));
        assertEquals(List.of(second.get("trackingNo"), first.get("trackingNo")),
                mine.stream().map(m -> m.get("trackingNo")).toList());
        assertEquals("SUBMITTED", client.retrieve(HttpRequest.GET("/api/v1/track/" + first.get("trackingNo"))
                .header("X-Resident-Token", token), Http.MAP).get("state"));
        String other = (String) client.retrieve(HttpRequest.GET("/api/v1/my/token"), Http.MAP).get("residentToken");
        problem(client, HttpRequest.GET("/api/v1/track/" + first.get("trackingNo")).header("X-Resident-Token", other), 404);
        problem(client, HttpRequest.GET("/api/v1/my/concerns").header("X-Resident-Token", token + "x"), 401);
    }

    @Test
    void theResidentTokenIsNotAcceptedAsAStaffBearerToken() {
        String token = (String) client.retrieve(HttpRequest.GET("/api/v1/my/token"), Http.MAP).get("residentToken");
        problem(client, HttpRequest.GET("/api/v1/stations/1/queue").bearerAuth(token), 401);
    }

    @Test
    void badFieldsAnswer400NamingTheField() {
        Map<String, Object> b = body(REGIONAL_CODE, "短");
        assertEquals("content", field(b));
        b = body(REGIONAL_CODE, "x".repeat(2001));
        assertEquals("content", field(b));
        b = body(REGIONAL_CODE, "分类不在列表里的反映");
        b.put("category", "不存在的分类");
        assertEquals("category", field(b));
        b = body(REGIONAL_CODE, "手机号格式不对的反映");
        b.put("mobile", "12345");
        b.put("consent", true);
        assertEquals("mobile", field(b));
        b = body(REGIONAL_CODE, "姓名太长的反映内容");
        b.put("contactName", "名".repeat(33));
        b.put("consent", true);
        assertEquals("contactName", field(b));
        b = body(REGIONAL_CODE, "地址太长的反映内容");
        b.put("address", "址".repeat(201));
        assertEquals("address", field(b));
        b = body(REGIONAL_CODE, "留了手机号但没有同意");
        b.put("mobile", Intake.MOBILE);
        assertEquals("consent", field(b));
        b = body(REGIONAL_CODE, "图片编号不存在的反映");
        b.put("photoIds", List.of("no-such-upload"));
        assertEquals("photoIds", field(b));
        b = body(REGIONAL_CODE, "图片太多的反映内容");
        b.put("photoIds", List.of("a1", "a2", "a3", "a4", "a5"));
        assertEquals("photoIds", field(b));
    }

    private String field(Map<String, Object> b) {
        var p = problem(client, Intake.post(b, "k-" + UUID.randomUUID(), null, randomAddress()), 400);
        return (String) map(list(p.get("errors")).get(0)).get("field");
    }

    @Test
    void missingIdempotencyKeyAnswers400() {
        var p = problem(client, Intake.post(body(REGIONAL_CODE, "没有幂等键的提交"), null, null, randomAddress()), 400);
        assertEquals("Idempotency-Key", map(list(p.get("errors")).get(0)).get("field"));
    }

    @Test
    void nonJsonBodyAnswers415() {
        problem(client, HttpRequest.POST("/api/v1/concerns", "code=zhanb22222&content=hello")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).header("Idempotency-Key", "k-12345678"), 415);
        problem(client, HttpRequest.POST("/api/v1/concerns", "hello").contentType(MediaType.TEXT_PLAIN_TYPE)
                .header("Idempotency-Key", "k-12345678"), 415);
    }

    @Test
    void oversizedBodyAnswers413() {
        var b = body(REGIONAL_CODE, "很长".repeat(40_000));
        problem(client, Intake.post(b, "k-" + UUID.randomUUID(), null, randomAddress()), 413);
    }

    @Test
    void malformedJsonAnswers400() {
        problem(client, HttpRequest.POST("/api/v1/concerns", "{\"code\": ").contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("Idempotency-Key", "k-12345678"), 400);
    }

    @Test
    void nearDuplicateFromTheSameDeviceIsFoldedIntoTheFirstAsMeToo() {
        var first = submit(client, body(REGIONAL_CODE, "小区东门的路灯已经坏了两个多月了，晚上很黑"));
        String token = (String) first.get("residentToken");
        var res = submit(client, body(REGIONAL_CODE, "小区东门的路灯已经坏了两个多月了，晚上很黑！"), "k-" + UUID.randomUUID(),
                token, randomAddress());
        assertEquals(200, res.code());
        assertEquals(true, res.body().get("folded"));
        assertEquals(first.get("trackingNo"), res.body().get("trackingNo"));
        assertNull(res.body().get("key"));
        var view = get(client, trackUri(first));
        assertEquals(1, ((Number) view.get("meTooCount")).intValue());
        assertEquals("ME_TOO", list(view.get("timeline")).get(1).get("type"));
        var other = submit(client, body(REGIONAL_CODE, "完全不同的问题：菜市场噪音太大"), "k-" + UUID.randomUUID(), token,
                randomAddress());
        assertEquals(201, other.code());
    }

    /** Folding is no oracle (issue 16): another device with the same text and mobile gets a concern of its own. */
    @Test
    void theSameTextAndMobileFromAnotherDeviceLearnNothingAboutTheEarlierConcern() {
        var first = submit(client, Intake.withContact(body(REGIONAL_CODE, "同一手机号：楼下商铺油烟扰民严重")));
        var again = submit(client, Intake.withContact(body(REGIONAL_CODE, "同一手机号：楼下商铺油烟扰民严重")),
                "k-" + UUID.randomUUID(), null, randomAddress());
        assertEquals(201, again.code());
        assertEquals(false, again.body().get("folded"));
        assertNotEquals(first.get("trackingNo"), again.body().get("trackingNo"));
        assertNotNull(again.body().get("key"));
        String stranger = (String) again.body().get("residentToken");
        var third = submit(client, Intake.withContact(body(REGIONAL_CODE, "同一手机号：楼下商铺油烟扰民严重")),
                "k-" + UUID.randomUUID(), (String) first.get("residentToken"), randomAddress());
        assertEquals(true, third.body().get("folded"), "the first device's own repeat still folds");
        assertEquals(first.get("trackingNo"), third.body().get("trackingNo"));
        assertNotNull(stranger);
    }

    @Test
    void aNewConcernAppearsAtOnceInTheStationQueueWithAMaskedMobile() {
        long station = stationOf(REGIONAL_CODE);
        var a = submit(client, Intake.withContact(body(REGIONAL_CODE, "队列测试：小区水压太低")));
        String token = Intake.staffToken(client, "head-heping");
        var items = list(client.retrieve(HttpRequest.GET("/api/v1/stations/" + station + "/queue").bearerAuth(token),
                Http.MAP).get("items"));
        assertEquals(a.get("trackingNo"), items.get(0).get("trackingNo"));
        assertEquals("138****5678", items.get(0).get("mobileMasked"));
        assertFalse(items.toString().contains(Intake.MOBILE));
        String outsider = Intake.staffToken(client, "liaison-qjny");
        problem(client, HttpRequest.GET("/api/v1/stations/" + station + "/queue").bearerAuth(outsider), 404);
        problem(client, HttpRequest.GET("/api/v1/stations/" + station + "/queue"), 401);
    }

    @Test
    void aDeputyCodeConcernAppearsInThatDeputysQueue() {
        var offer = get(client, "/api/v1/categories?code=" + DEPUTY_CODE);
        long deputy = ((Number) offer.get("deputyId")).longValue();
        var a = submit(client, body(DEPUTY_CODE, "代表队列测试：企业用电报装太慢"));
        assertEquals("王建华", offer.get("deputyName"));
        String token = Intake.staffToken(client, "13800000001");
        var items = list(client.retrieve(HttpRequest.GET("/api/v1/me/queue?view=todo").bearerAuth(token),
                Http.MAP).get("items"));
        assertEquals(a.get("trackingNo"), items.get(0).get("trackingNo"));
        assertEquals(deputy, ((Number) items.get(0).get("deputyId")).longValue());
        var others = list(client.retrieve(HttpRequest.GET("/api/v1/me/queue?view=todo")
                .bearerAuth(Intake.staffToken(client, "13800000002")), Http.MAP).get("items"));
        assertFalse(others.stream().anyMatch(i -> a.get("trackingNo").equals(i.get("trackingNo"))));
    }

    @Test
    void theHandlerSeesTheFullMobileAndEachRevealIsAudited() {
        long station = stationOf(REGIONAL_CODE);
        var a = submit(client, Intake.withContact(body(REGIONAL_CODE, "回访测试：请联系我说明情况")));
        long id = count(tx, "SELECT id FROM concern WHERE tracking_no = ?", a.get("trackingNo"));
        var login = Intake.login(client, "head-heping");
        String token = (String) login.get("accessToken");
        long account = ((Number) map(login.get("account")).get("id")).longValue();
        var contact = client.retrieve(HttpRequest.GET("/api/v1/concerns/" + id + "/contact").bearerAuth(token), Http.MAP);
        assertEquals(Intake.MOBILE, contact.get("mobile"));
        assertEquals("张三", contact.get("contactName"));
        assertEquals(1, count(tx, "SELECT COUNT(*) FROM pii_access_log WHERE concern_id = ? AND account_id = ?", id, account));
        String admin = Intake.staffToken(client, "lishi-admin");
        problem(client, HttpRequest.GET("/api/v1/concerns/" + id + "/contact").bearerAuth(admin), 403);
        String outsider = Intake.staffToken(client, "liaison-qjny");
        problem(client, HttpRequest.GET("/api/v1/concerns/" + id + "/contact").bearerAuth(outsider), 404);
        assertEquals(1, count(tx, "SELECT COUNT(*) FROM pii_access_log WHERE concern_id = ?", id));
        assertFalse(count(tx, "SELECT COUNT(*) FROM concern WHERE id = ? AND mobile_enc LIKE ?", id, "%" + Intake.MOBILE + "%") > 0);
    }

    /** Every demo staff login (README): admins, heads, liaisons and deputies of several stations and regions. */
    static final List<String> STAFF = List.of("lvliang-admin", "jiaokou-admin", "lishi-admin", "head-qjny",
            "head-shuitou", "head-heping", "liaison-qjny", "liaison-shuitou", "13800000001", "13800000002",
            "13800000010", "13800000014", "13800000015", "13800000017", "13800000025");

    /**
     * Contact reveal (issue 16), generated over every staff login × the concern's phase (addressed, assigned to
     * another deputy, finished a day ago, finished a month ago): the full mobile goes to the current handlers only
     * — the station's liaisons and head, the deputy it is assigned to (unassigned: addressed to) — and only while
     * open or within 7 days of its end; every reveal is logged, and the log is readable by the admins of the
     * concern's region (and above) only.
     */
    @Test
    void onlyTheCurrentHandlersSeeTheFullMobileWhileItIsOpenAndTheRegionAdminsReadEveryReveal() {
        var a = submit(client, Intake.withContact(body(DEPUTY_CODE, "联系方式可见范围测试：请回电说明")));
        long id = count(tx, "SELECT id FROM concern WHERE tracking_no = ?", a.get("trackingNo"));
        long station = count(tx, "SELECT station_id FROM concern WHERE id = ?", id);
        long addressed = count(tx, "SELECT deputy_id FROM concern WHERE id = ?", id);
        Map<String, String> tokens = new HashMap<>();
        Map<String, Map<String, Object>> me = new HashMap<>();
        for (String login : STAFF) {
            tokens.put(login, Intake.staffToken(client, login));
            me.put(login, client.retrieve(HttpRequest.GET("/api/v1/me").bearerAuth(tokens.get(login)), Http.MAP));
        }
        String head = tokens.get("head-qjny");
        Map<String, Object> detail = client.retrieve(HttpRequest.GET("/api/v1/concerns/" + id).bearerAuth(head), Http.MAP);
        long other = list(map(detail.get("options")).get("deputies")).stream()
                .mapToLong(o -> ((Number) o.get("id")).longValue()).filter(d -> d != addressed).findFirst().orElseThrow();
        List<String> wrong = new ArrayList<>();
        int reveals = 0;
        for (String phase : List.of("addressed", "assigned", "finished 1 day ago", "finished 30 days ago")) {
            long handler = phase.equals("addressed") ? addressed : other;
            if (phase.equals("assigned")) {
                client.exchange(HttpRequest.POST("/api/v1/concerns/" + id + "/actions/assign",
                        Map.of("version", detail.get("version"), "deputyId", other)).bearerAuth(head), Http.MAP);
            }
            if (phase.startsWith("finished")) {
                int days = phase.contains("30") ? 30 : 1;
                cn.mashang.Db.sql(tx, "UPDATE concern SET state = 'CLOSED', closed_at = ? WHERE id = ?",
                        java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(days))), id);
            }
            for (String login : STAFF) {
                Map<String, Object> m = me.get(login);
                boolean ofStation = list(m.get("stations")).stream()
                        .anyMatch(st -> ((Number) st.get("id")).longValue() == station);
                Object deputy = m.get("deputy") == null ? null : map(m.get("deputy")).get("id");
                boolean handles = switch ((String) m.get("role")) {
                    case "LIAISON", "STATION_HEAD" -> ofStation;
                    case "DEPUTY" -> ofStation && deputy != null && ((Number) deputy).longValue() == handler;
                    default -> false;
                };
                boolean expected = handles && !phase.contains("30 days");
                int status;
                try {
                    status = client.exchange(HttpRequest.GET("/api/v1/concerns/" + id + "/contact")
                            .bearerAuth(tokens.get(login)), Http.MAP).code();
                } catch (io.micronaut.http.client.exceptions.HttpClientResponseException e) {
                    status = e.getStatus().getCode();
                }
                reveals += status == 200 ? 1 : 0;
                if ((status == 200) != expected) {
                    wrong.add(phase + ": " + login + " → " + status + " (expected " + (expected ? 200 : "refused") + ")");
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(reveals >= 6, "handlers did see it: " + reveals);
        assertEquals(reveals, count(tx, "SELECT COUNT(*) FROM pii_access_log WHERE concern_id = ?", id));
        var log = client.retrieve(HttpRequest.GET("/api/v1/admin/pii-access?concern=" + id)
                .bearerAuth(tokens.get("lvliang-admin")), Http.MAP);
        assertEquals(reveals, ((Number) log.get("total")).intValue(), log::toString);
        assertEquals("mobile", list(log.get("items")).get(0).get("field"));
        assertNotNull(list(log.get("items")).get(0).get("accountName"));
        for (String foreign : List.of("lishi-admin", "jiaokou-admin")) {
            var none = client.retrieve(HttpRequest.GET("/api/v1/admin/pii-access?concern=" + id)
                    .bearerAuth(tokens.get(foreign)), Http.MAP);
            assertEquals(0, ((Number) none.get("total")).intValue(), foreign + " reads another region's reveals");
        }
    }

    @Test
    void noResidentFacingAnswerContainsTheFullMobileNumber() {
        var res = submit(client, Intake.withContact(body(REGIONAL_CODE, "手机号不外泄测试：小区监控坏了")), "k-" + UUID.randomUUID(),
                null, randomAddress());
        String token = (String) res.body().get("residentToken");
        String all = res.body().toString()
                + client.retrieve(HttpRequest.GET(trackUri(res.body())), String.class)
                + client.retrieve(HttpRequest.GET("/api/v1/my/concerns").header("X-Resident-Token", token), String.class);
        assertFalse(all.contains(Intake.MOBILE), all);
        assertTrue(all.contains("138****5678"));
    }

    @Test
    void residentCanAddInformationUntilTheConcernIsClosed() {
        var a = submit(client, body(REGIONAL_CODE, "补充信息测试：道路积水"));
        var view = client.retrieve(HttpRequest.POST(trackUri(a).replace("?", "/messages?"), Map.of("body", "昨晚下雨后更严重了")),
                Http.MAP);
        var last = list(view.get("timeline")).get(1);
        assertEquals("RESIDENT_MESSAGE", last.get("type"));
        assertEquals("昨晚下雨后更严重了", last.get("body"));
        Db.sql(tx, "UPDATE concern SET state = 'CLOSED' WHERE tracking_no = ?", a.get("trackingNo"));
        problem(client, HttpRequest.POST(trackUri(a).replace("?", "/messages?"), Map.of("body", "再补充")), 409);
        problem(client, HttpRequest.POST(trackUri(a).replace("?", "/messages?"), Map.of("body", "")), 400);
    }

    private Map<String, Object> resolved(String content) {
        var a = submit(client, body(REGIONAL_CODE, content));
        Db.sql(tx, "UPDATE concern SET state = 'RESOLVED', outcome = 'SOLVED', resolved_at = updated_at "
                + "WHERE tracking_no = ?", a.get("trackingNo"));
        return a;
    }

    private HttpRequest<?> rating(Map<String, Object> a, String rating, String comment) {
        Map<String, Object> b = new HashMap<>();
        b.put("rating", rating);
        b.put("comment", comment);
        return HttpRequest.POST(trackUri(a).replace("?", "/rating?"), b);
    }

    @Test
    void ratingIsRefusedBeforeTheConcernIsResolved() {
        var a = submit(client, body(REGIONAL_CODE, "评价规则测试：尚未办结"));
        problem(client, rating(a, "SATISFIED", null), 409);
        assertEquals(false, get(client, trackUri(a)).get("canRate"));
    }

    @Test
    void satisfiedRatingClosesTheConcernAndCannotBeGivenTwice() {
        var a = resolved("评价规则测试：满意后关闭");
        assertEquals(true, get(client, trackUri(a)).get("canRate"));
        var view = client.retrieve(rating(a, "SATISFIED", "办得很快"), Http.MAP);
        assertEquals("CLOSED", view.get("state"));
        assertEquals("已评价", view.get("stateLabel"));
        assertEquals("满意", view.get("ratingLabel"));
        var rated = list(view.get("timeline")).get(1);
        assertEquals("RATED", rated.get("type"));
        assertEquals("满意：办得很快", rated.get("body"));
        problem(client, rating(a, "DISSATISFIED", "改主意了"), 409);
        assertEquals(1, count(tx, "SELECT COUNT(*) FROM concern WHERE tracking_no = ? AND closed_at IS NOT NULL",
                a.get("trackingNo")));
    }

    @Test
    void dissatisfiedRatingReopensTheConcernAndCountsIt() {
        var a = resolved("评价规则测试：不满意重新办理");
        var view = client.retrieve(rating(a, "DISSATISFIED", "问题没有解决"), Http.MAP);
        assertEquals("ACCEPTED", view.get("state"));
        assertEquals(1, ((Number) view.get("reopenCount")).intValue());
        var types = list(view.get("timeline")).stream().map(e -> e.get("type")).toList();
        assertEquals(List.of("SUBMITTED", "RATED", "REOPENED"), types);
        assertEquals(1, count(tx, "SELECT COUNT(*) FROM concern_event WHERE type = 'REOPENED' AND from_state = 'REOPENED' "
                + "AND to_state = 'ACCEPTED' AND concern_id = (SELECT id FROM concern WHERE tracking_no = ?)", a.get("trackingNo")));
    }

    @Test
    void afterTheMaximumReopeningsADissatisfiedRatingCloses() {
        var a = resolved("评价规则测试：多次不满意");
        Db.sql(tx, "UPDATE concern SET reopen_count = 2 WHERE tracking_no = ?", a.get("trackingNo"));
        var view = client.retrieve(rating(a, "DISSATISFIED", "还是不行"), Http.MAP);
        assertEquals("CLOSED", view.get("state"));
        assertEquals("DISSATISFIED", view.get("rating"));
    }

    @Test
    void anUnknownRatingValueAnswers400() {
        var a = resolved("评价规则测试：错误的评价值");
        problem(client, rating(a, "GREAT", null), 400);
    }

    @Test
    void pagesAreServedAtTheirCleanPaths() {
        for (String path : List.of("/c/new?code=" + REGIONAL_CODE, "/t/LL-20261122-000001", "/my")) {
            var res = client.exchange(HttpRequest.GET(path), String.class);
            assertEquals(200, res.code());
            String html = res.body();
            assertTrue(html.contains("<script type=\"module\" src=\"/static/js/"), path);
            assertFalse(html.contains("onclick"), path);
        }
    }
}
