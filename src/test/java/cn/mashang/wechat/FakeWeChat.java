package cn.mashang.wechat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local WeChat that answers as the official-account documentation says: /cgi-bin/token (client_credential),
 * /connect/oauth2/authorize (302 back with code and state for the user named by the X-Fake-User header),
 * /sns/oauth2/access_token (code → openid, once; 40029 otherwise), /cgi-bin/ticket/getticket (jsapi),
 * /mp/subscribemsg (302 back with openid, template_id, action, scene, reserved) and
 * /cgi-bin/message/template/subscribe (checks the access token: 40001; scripted errcodes), and a stand-in of the
 * JS-SDK script ({@link #JSSDK_PATH}: {@code wx.config} keeps its argument in {@code window.__wxConfig} and calls
 * the ready callbacks) so a browser journey can check the signature its page was given.
 */
public final class FakeWeChat {
    public static final String APP_ID = "wx1234567890abcdef";
    static final String SECRET = "fake-app-secret-0123456789";
    public static final String TEMPLATE = "TPL-one-time-0001";
    public static final String JSSDK_PATH = "/open/js/jweixin-1.6.0.js";
    private static final String JSSDK = """
            window.wx = { readyCallbacks: [],
              config(c) { window.__wxConfig = c; setTimeout(() => this.readyCallbacks.forEach((f) => f()), 0); },
              ready(f) { this.readyCallbacks.push(f); }, error(f) {} };
            """;
    public static final String TICKET = "sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg";

    public final HttpServer server;
    final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    final AtomicInteger tokensIssued = new AtomicInteger();
    final Map<String, String> codes = new ConcurrentHashMap<>();
    /** Bodies of subscription messages WeChat accepted or refused, in order. */
    public final List<String> sent = Collections.synchronizedList(new ArrayList<>());
    /** Errcodes for the next subscription sends (empty: 0). */
    final Deque<Integer> sendScript = new ConcurrentLinkedDeque<>();

    public FakeWeChat() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public Map<String, String> properties() {
        Map<String, String> p = new HashMap<>();
        p.put("wechat.app-id", APP_ID);
        p.put("wechat.secret", SECRET);
        p.put("wechat.template-id", TEMPLATE);
        p.put("wechat.api-host", base());
        p.put("wechat.open-host", base());
        p.put("wechat.mp-host", base());
        p.put("notify.sender.enabled", "false");
        p.put("notify.sender.backoff-base", "0s");
        p.put("notify.sender.max-attempts", "3");
        return p;
    }

    /** WeChat revokes every access token it issued (another client fetched a new one, say). */
    void revokeTokens() {
        validTokens.clear();
    }

    private void handle(HttpExchange x) throws IOException {
        Map<String, String> q = query(x.getRequestURI().getRawQuery());
        String path = x.getRequestURI().getPath();
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        switch (path) {
            case "/cgi-bin/token" -> {
                if (!APP_ID.equals(q.get("appid")) || !SECRET.equals(q.get("secret"))
                        || !"client_credential".equals(q.get("grant_type"))) {
                    json(x, "{\"errcode\":40125,\"errmsg\":\"invalid appsecret\"}");
                    return;
                }
                String token = "ACCESS-" + tokensIssued.incrementAndGet() + "-" + UUID.randomUUID();
                validTokens.add(token);
                json(x, "{\"access_token\":\"" + token + "\",\"expires_in\":7200}");
            }
            case "/connect/oauth2/authorize" -> {
                String code = "CODE" + UUID.randomUUID().toString().replace("-", "");
                codes.put(code, x.getRequestHeaders().getFirst("X-Fake-User"));
                redirect(x, q.get("redirect_uri") + "?code=" + code + "&state=" + q.get("state"));
            }
            case "/sns/oauth2/access_token" -> {
                String openid = APP_ID.equals(q.get("appid")) && SECRET.equals(q.get("secret"))
                        && "authorization_code".equals(q.get("grant_type")) ? codes.remove(q.get("code")) : null;
                json(x, openid == null ? "{\"errcode\":40029,\"errmsg\":\"invalid code\"}"
                        : "{\"access_token\":\"WEB-" + UUID.randomUUID() + "\",\"expires_in\":7200,\"refresh_token\":\"R\","
                        + "\"openid\":\"" + openid + "\",\"scope\":\"snsapi_base\"}");
            }
            case "/cgi-bin/ticket/getticket" -> json(x, !validTokens.contains(q.get("access_token"))
                    ? "{\"errcode\":40001,\"errmsg\":\"invalid credential\"}"
                    : "jsapi".equals(q.get("type")) ? "{\"errcode\":0,\"errmsg\":\"ok\",\"ticket\":\"" + TICKET + "\",\"expires_in\":7200}"
                    : "{\"errcode\":40097,\"errmsg\":\"invalid args\"}");
            case "/mp/subscribemsg" -> redirect(x, q.get("redirect_url") + "?openid=" + x.getRequestHeaders().getFirst("X-Fake-User")
                    + "&template_id=" + q.get("template_id") + "&action=" + x.getRequestHeaders().getFirst("X-Fake-Action")
                    + "&scene=" + q.get("scene") + "&reserved=" + q.get("reserved"));
            case "/cgi-bin/message/template/subscribe" -> {
                if (!validTokens.contains(q.get("access_token"))) {
                    json(x, "{\"errcode\":40001,\"errmsg\":\"invalid credential, access_token is invalid or not latest\"}");
                    return;
                }
                sent.add(body);
                boolean shaped = body.contains("\"touser\"") && body.contains("\"template_id\":\"" + TEMPLATE + "\"")
                        && body.contains("\"scene\"") && body.contains("\"title\"") && body.contains("\"data\":{\"content\":{\"value\"");
                Integer code = shaped ? sendScript.poll() : Integer.valueOf(47001);
                json(x, "{\"errcode\":" + (code == null ? 0 : code) + ",\"errmsg\":\"" + (code == null ? "ok" : "refused") + "\"}");
            }
            case JSSDK_PATH -> {
                byte[] b = JSSDK.getBytes(StandardCharsets.UTF_8);
                x.getResponseHeaders().add("Content-Type", "application/javascript; charset=utf-8");
                x.sendResponseHeaders(200, b.length);
                x.getResponseBody().write(b);
                x.close();
            }
            default -> {
                x.sendResponseHeaders(404, -1);
                x.close();
            }
        }
    }

    private static void json(HttpExchange x, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json; encoding=utf-8");
        x.sendResponseHeaders(200, b.length);
        x.getResponseBody().write(b);
        x.close();
    }

    private static void redirect(HttpExchange x, String location) throws IOException {
        x.getResponseHeaders().add("Location", location);
        x.sendResponseHeaders(302, -1);
        x.close();
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null) {
            return out;
        }
        for (String part : raw.split("&")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(part.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
