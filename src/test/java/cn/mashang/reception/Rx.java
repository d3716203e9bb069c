package cn.mashang.reception;

import cn.mashang.Http;
import cn.mashang.auth.Logins;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.transaction.TransactionOperations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Small helpers of the reception tests. */
final class Rx {
    private Rx() {
    }

    static <T> MutableHttpRequest<T> as(MutableHttpRequest<T> req, String token) {
        return Logins.bearer(req, token);
    }

    static Map<String, Object> post(BlockingHttpClient c, String token, String uri, Object body) {
        return c.retrieve(as(HttpRequest.POST(uri, body), token), Http.MAP);
    }

    static Map<String, Object> get(BlockingHttpClient c, String token, String uri) {
        return c.retrieve(as(HttpRequest.GET(uri), token), Http.MAP);
    }

    static String address() {
        var r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    /** A resident booking from a fresh address; device token optional. */
    static HttpResponse<Map<String, Object>> book(BlockingHttpClient c, long sessionId, Object body, String deviceToken) {
        var req = HttpRequest.POST("/api/v1/sessions/" + sessionId + "/bookings", body).header("X-Forwarded-For", address());
        if (deviceToken != null) {
            req.header("X-Resident-Token", deviceToken);
        }
        return c.exchange(req, Http.MAP);
    }

    static long id(Map<String, Object> m) {
        return ((Number) m.get("id")).longValue();
    }

    static int num(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).intValue();
    }

    static int sql(TransactionOperations<Connection> tx, String sql, Object... args) {
        return tx.executeWrite(status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                return ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static long count(TransactionOperations<Connection> tx, String sql, Object... args) {
        return tx.executeRead(status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static String text(TransactionOperations<Connection> tx, String sql, Object... args) {
        return tx.executeRead(status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                try (var rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
