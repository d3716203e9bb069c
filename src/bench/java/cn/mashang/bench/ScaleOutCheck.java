package cn.mashang.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Correctness across replicas (run by src/bench/run.sh --scale-out with three replicas behind nginx, all on one
 * database). Each check prints {@code CHECK <name> PASS|FAIL <details>}; the exit status is the number of failures.
 * <ol>
 *   <li>submissions: N submissions through nginx, each retried with the same Idempotency-Key on another replica,
 *       and one key sent to all replicas at the same moment: every submission lands exactly once;</li>
 *   <li>revocation: a station code is warmed in every replica's lookup cache, revoked through replica 1; the time
 *       until it is dead (API inactive, QR image 404) on every replica is measured against the lookup TTL;</li>
 *   <li>logins: a token issued by one replica works on the others; a logout on one replica refuses the token on
 *       all of them within the account-state cache time (auth.state-cache-seconds);</li>
 *   <li>scheduled jobs: outbox rows enqueued directly are delivered by the three replicas' senders, each exactly
 *       once (attempts = 1, one claimant); when the life-cycle feature's escalations exist, none is doubled.</li>
 * </ol>
 * <pre>java -cp … cn.mashang.bench.ScaleOutCheck JDBC_URL USER PASSWORD http://127.0.0.1:8088 http://127.0.0.1:8081,… station-codes.txt</pre>
 */
public final class ScaleOutCheck {
    private static final Pattern TRACKING = Pattern.compile("\"trackingNo\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ACCESS = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern REFRESH = Pattern.compile("\"refreshToken\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ACTIVE = Pattern.compile("\"active\"\\s*:\\s*(true|false)");
    /** The code's own printed URL (the first scanUrl of a code view: /s/ for a station code, /d/ for a deputy's). */
    private static final Pattern SCAN_URL = Pattern.compile("\"scanUrl\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STATION_ID = Pattern.compile("\"station\"\\s*:\\s*\\{\\s*\"id\"\\s*:\\s*(\\d+)");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private final String url;
    private final String user;
    private final String password;
    private final String lb;
    private final List<String> replicas;
    private int failures;

    private ScaleOutCheck(String url, String user, String password, String lb, List<String> replicas) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.lb = lb;
        this.replicas = replicas;
    }

    public static void main(String[] args) throws Exception {
        ScaleOutCheck c = new ScaleOutCheck(args[0], args[1], args[2], args[3], List.of(args[4].split(",")));
        List<String> codes = Files.readAllLines(Path.of(args[5])).stream().filter(s -> !s.isBlank()).toList();
        c.submissions(codes.get(0), 150);
        c.revocation(codes.get(codes.size() / 2));
        c.logins();
        c.outbox(300);
        c.escalations();
        System.exit(c.failures);
    }

    private void check(String name, boolean ok, String details) {
        if (!ok) {
            failures++;
        }
        System.out.printf("CHECK %-22s %s  %s%n", name, ok ? "PASS" : "FAIL", details);
    }

    // ---- 1. submissions ---------------------------------------------------------------------------------------
    private void submissions(String code, int n) throws Exception {
        String run = "so" + Long.toString(System.currentTimeMillis(), 36);
        int same = 0;
        Map<String, Integer> byUpstream = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String key = run + "-" + i;
            String body = submission(code, run + " 第" + i + "件");
            HttpResponse<String> first = post(lb + "/api/v1/concerns", body, key, null);
            byUpstream.merge(first.headers().firstValue("X-Upstream").orElse("direct"), 1, Integer::sum);
            HttpResponse<String> retry = post(replicas.get((i + 1) % replicas.size()) + "/api/v1/concerns", body, key, null);
            if (first.statusCode() == 201 && retry.statusCode() == 201 && tracking(first).equals(tracking(retry))
                    && retry.headers().firstValue("Idempotent-Replayed").isPresent()) {
                same++;
            }
        }
        long rows = count("SELECT COUNT(*) FROM concern WHERE content LIKE ?", run + " 第%");
        check("submit.exactly-once", same == n && rows == n, n + " submissions through nginx " + byUpstream
                + ", each retried on another replica: " + same + " identical replays, " + rows + " rows");

        // one key, all replicas at the same instant
        String key = run + "-race";
        String body = submission(code, run + " 同时提交");
        List<CompletableFuture<HttpResponse<String>>> race = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (String r : replicas) {
                race.add(http.sendAsync(request(r + "/api/v1/concerns", body, key, null), HttpResponse.BodyHandlers.ofString()));
            }
        }
        Map<Integer, Integer> statuses = new HashMap<>();
        Set<String> numbers = new HashSet<>();
        for (var f : race) {
            HttpResponse<String> r = f.get();
            statuses.merge(r.statusCode(), 1, Integer::sum);
            if (r.statusCode() == 201) {
                numbers.add(tracking(r));
            }
        }
        long raced = count("SELECT COUNT(*) FROM concern WHERE content = ?", run + " 同时提交，小区路灯不亮，晚上出行不安全。");
        check("submit.concurrent-key", raced == 1 && numbers.size() == 1 && statuses.keySet().stream().allMatch(s -> s == 201 || s == 409),
                "9 simultaneous requests with one key on 3 replicas: statuses " + statuses + ", " + raced + " row, "
                        + numbers.size() + " tracking number");
    }

    private static String submission(String code, String marker) {
        return "{\"code\":\"" + code + "\",\"category\":\"生活环境\",\"content\":\"" + marker
                + "，小区路灯不亮，晚上出行不安全。\",\"consent\":true}";
    }

    // ---- 2. revocation ----------------------------------------------------------------------------------------
    private void revocation(String code) throws Exception {
        HttpResponse<String> view = get(lb + "/api/v1/codes/" + code, null);
        Matcher m = STATION_ID.matcher(view.body());
        if (view.statusCode() != 200 || !m.find()) {
            check("code.revocation", false, "code " + code + " answers " + view.statusCode());
            return;
        }
        String head = "head" + m.group(1);
        // the printed page of this code's kind: a deputy code's page is /d/{code}; /s/{code} is a station page and
        // answers 404 for a deputy code, revoked or not (the check used to ask /s/ whatever the kind)
        String page = URI.create(match(SCAN_URL, view.body())).getRawPath();
        String token = login(lb, head);
        for (String r : replicas) {        // warm every replica's lookup and image caches
            get(r + "/api/v1/codes/" + code, null);
            get(r + "/api/v1/codes/" + code + "/qr.png?size=256", null);
        }
        long t0 = System.nanoTime();
        HttpResponse<String> revoked = http.send(HttpRequest.newBuilder(URI.create(replicas.get(0) + "/api/v1/codes/" + code + "/revoke"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"压测：海报污损\",\"reissue\":true}")).build(),
                HttpResponse.BodyHandlers.ofString());
        long committed = System.nanoTime();
        if (revoked.statusCode() != 200) {
            check("code.revocation", false, "revoke answered " + revoked.statusCode() + " " + revoked.body());
            return;
        }
        Map<String, Double> deadAfter = new HashMap<>();
        while (deadAfter.size() < replicas.size() && System.nanoTime() - committed < 15_000_000_000L) {
            for (String r : replicas) {
                if (deadAfter.containsKey(r)) {
                    continue;
                }
                HttpResponse<String> api = get(r + "/api/v1/codes/" + code, null);
                Matcher a = ACTIVE.matcher(api.body());
                boolean apiDead = api.statusCode() != 200 || (a.find() && a.group(1).equals("false"));
                boolean imageDead = get(r + "/api/v1/codes/" + code + "/qr.png?size=256", null).statusCode() == 404;
                if (apiDead && imageDead) {
                    deadAfter.put(r, (System.nanoTime() - committed) / 1e9);
                }
            }
            Thread.sleep(50);
        }
        double worst = deadAfter.values().stream().mapToDouble(Double::doubleValue).max().orElse(99);
        boolean pageGone = replicas.stream().allMatch(r -> {
            try {
                return get(r + page, null).statusCode() == 410;
            } catch (Exception e) {
                return false;
            }
        });
        check("code.revocation", deadAfter.size() == replicas.size() && worst <= 2.0 && pageGone,
                String.format("revoked via %s in %.0f ms; dead (API inactive + QR 404) after %s s; worst %.2f s "
                        + "(bound: revocation poll 1 s); %s answers 410 on all: %s", replicas.get(0),
                        (committed - t0) / 1e6, fmt(deadAfter), worst, page, pageGone));
    }

    // ---- 3. logins ---------------------------------------------------------------------------------------------
    private void logins() throws Exception {
        HttpResponse<String> r = post(replicas.get(0) + "/api/v1/auth/login",
                "{\"login\":\"admin1\",\"password\":\"" + BenchCity.PASSWORD + "\"}", null, null);
        String token = match(ACCESS, r.body());
        String refresh = match(REFRESH, r.body());
        int ok = 0;
        for (String rep : replicas) {
            ok += get(rep + "/api/v1/me", token).statusCode() == 200 ? 1 : 0;
        }
        HttpResponse<String> refreshed = post(replicas.get(1) + "/api/v1/auth/refresh",
                "{\"refreshToken\":\"" + refresh + "\"}", null, null);
        String token2 = match(ACCESS, refreshed.body());
        boolean refreshOk = get(replicas.get(2) + "/api/v1/me", token2).statusCode() == 200;
        check("login.stateless", ok == replicas.size() && refreshOk, "token from " + replicas.get(0) + " accepted by "
                + ok + "/" + replicas.size() + " replicas; refreshed on " + replicas.get(1) + ", used on " + replicas.get(2) + ": " + refreshOk);

        HttpResponse<String> out = post(replicas.get(2) + "/api/v1/auth/logout", "{}", null, token2);
        long t0 = System.nanoTime();
        Map<String, Double> refusedAfter = new HashMap<>();
        while (refusedAfter.size() < replicas.size() && System.nanoTime() - t0 < 30_000_000_000L) {
            for (String rep : replicas) {
                if (!refusedAfter.containsKey(rep) && get(rep + "/api/v1/me", token).statusCode() == 401) {
                    refusedAfter.put(rep, (System.nanoTime() - t0) / 1e9);
                }
            }
            Thread.sleep(100);
        }
        double worst = refusedAfter.values().stream().mapToDouble(Double::doubleValue).max().orElse(99);
        check("login.logout-everywhere", out.statusCode() == 204 && refusedAfter.size() == replicas.size() && worst <= 10.5,
                String.format("logout on %s (%d); old token refused after %s s, worst %.2f s (bound: auth.state-cache-seconds 10 s)",
                        replicas.get(2), out.statusCode(), fmt(refusedAfter), worst));
    }

    // ---- 4. scheduled jobs ------------------------------------------------------------------------------------
    private void outbox(int n) throws Exception {
        String run = "so" + Long.toString(System.currentTimeMillis(), 36);
        try (Connection c = DriverManager.getConnection(url, user, password);
             PreparedStatement ps = c.prepareStatement("INSERT INTO notification_outbox (channel, target, kind, payload, status,"
                     + " attempts, next_attempt_at, dedupe_key, created_at) VALUES ('LOG', 'default', 'bench.scale-out', ?, 'PENDING', 0, ?, ?, ?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            for (int i = 0; i < n; i++) {
                ps.setString(1, "{\"title\":\"压测通知 " + i + "\",\"markdown\":\"scale-out check\"}");
                ps.setTimestamp(2, now);
                ps.setString(3, run + "-" + i);
                ps.setTimestamp(4, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        long t0 = System.nanoTime();
        long sent = 0;
        while (System.nanoTime() - t0 < 60_000_000_000L) {
            sent = count("SELECT COUNT(*) FROM notification_outbox WHERE dedupe_key LIKE ? AND status = 'SENT'", run + "-%");
            if (sent == n) {
                break;
            }
            Thread.sleep(250);
        }
        double took = (System.nanoTime() - t0) / 1e9;
        long multi = count("SELECT COUNT(*) FROM notification_outbox WHERE dedupe_key LIKE ? AND attempts <> 1", run + "-%");
        Map<String, Long> byInstance = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url, user, password);
             PreparedStatement ps = c.prepareStatement("SELECT SUBSTRING_INDEX(claimed_by, '-', 1), COUNT(*) FROM notification_outbox"
                     + " WHERE dedupe_key LIKE ? GROUP BY SUBSTRING_INDEX(claimed_by, '-', 1)")) {
            ps.setString(1, run + "-%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byInstance.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        check("jobs.outbox-once", sent == n && multi == 0, String.format("%d rows: %d SENT in %.1f s, %d claimed more than once;"
                + " rows per sender instance %s", n, sent, took, multi, byInstance));
    }

    /**
     * Escalations of the overdue job (SLA feature: {@code sla_escalation}, one row per concern, clock segment, level and
     * deadline) and the escalation notifications it enqueues: with three replicas running the job, none is doubled.
     */
    private void escalations() throws Exception {
        String table = count("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?",
                "sla_escalation") == 1 ? "sla_escalation" : null;
        if (table == null) {
            check("jobs.no-double-escalation", true, "no overdue job in this build (no sla_escalation table)");
            return;
        }
        long rows = count("SELECT COUNT(*) FROM sla_escalation WHERE ? = ?", "x");
        long dupRows = count("SELECT COUNT(*) FROM (SELECT concern_id, segment, level FROM sla_escalation WHERE ? = ?"
                + " GROUP BY concern_id, segment, level, deadline HAVING COUNT(*) > 1) d", "x");
        long dupNotices = count("SELECT COUNT(*) FROM (SELECT dedupe_key FROM notification_outbox WHERE kind LIKE ?"
                + " AND dedupe_key IS NOT NULL GROUP BY dedupe_key HAVING COUNT(*) > 1) d", "%escalat%");
        long notices = count("SELECT COUNT(*) FROM notification_outbox WHERE kind LIKE ?", "%escalat%");
        check("jobs.no-double-escalation", dupRows == 0 && dupNotices == 0, rows + " escalations, " + dupRows
                + " doubled; " + notices + " escalation notifications, " + dupNotices + " doubled");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------
    private String login(String base, String login) throws Exception {
        return match(ACCESS, post(base + "/api/v1/auth/login", "{\"login\":\"" + login + "\",\"password\":\""
                + BenchCity.PASSWORD + "\"}", null, null).body());
    }

    private HttpRequest request(String uri, String body, String key, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b.build();
    }

    private HttpResponse<String> post(String uri, String body, String key, String token) throws Exception {
        return http.send(request(uri, body, key, token), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String uri, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long count(String sql, String arg) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            if (ps.getParameterMetaData().getParameterCount() > 1) {
                ps.setString(2, arg);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String tracking(HttpResponse<String> r) {
        return match(TRACKING, r.body());
    }

    private static String match(Pattern p, String text) {
        Matcher m = p.matcher(text == null ? "" : text);
        return m.find() ? m.group(1) : "";
    }

    private static String fmt(Map<String, Double> m) {
        StringBuilder b = new StringBuilder("{");
        m.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                b.append(b.length() > 1 ? ", " : "").append(e.getKey().replaceAll(".*:", ":")).append('=')
                        .append(String.format("%.2f", e.getValue())));
        return b.append('}').toString();
    }
}
