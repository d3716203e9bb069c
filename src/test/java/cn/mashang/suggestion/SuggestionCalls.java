package cn.mashang.suggestion;

import cn.mashang.Http;
import cn.mashang.auth.Logins;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;

import java.util.HashMap;
import java.util.Map;

/** A suggestion's action over HTTP as a demo login, with the version it reads first (tests and journeys). */
public final class SuggestionCalls {
    private SuggestionCalls() {
    }

    /** POST /api/v1/suggestions/{id}/actions/{action} with the fields {@code kv} (name, value, …); answers the view. */
    public static Map<String, Object> act(BlockingHttpClient client, String login, Object id, String action, Object... kv) {
        String token = Logins.token(client, login);
        Map<String, Object> body = new HashMap<>();
        body.put("version", Http.get(client, "/api/v1/suggestions/" + id, token).get("version"));
        for (int i = 0; i + 1 < kv.length; i += 2) {
            body.put((String) kv[i], kv[i + 1]);
        }
        return client.retrieve(HttpRequest.POST("/api/v1/suggestions/" + id + "/actions/" + action, body).bearerAuth(token),
                Http.MAP);
    }
}
