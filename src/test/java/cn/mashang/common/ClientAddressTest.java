package cn.mashang.common;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.simple.SimpleHttpRequest;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClientAddressTest {
    private static SimpleHttpRequest<Object> from(String peer, String xff) {
        var r = new SimpleHttpRequest<>(HttpMethod.GET, "/", null) {
            @Override
            public InetSocketAddress getRemoteAddress() {
                return new InetSocketAddress(peer, 5555);
            }
        };
        if (xff != null) {
            r.header("X-Forwarded-For", xff);
        }
        return r;
    }

    @Test
    void forwardedForIsIgnoredWhenThePeerIsNotATrustedProxy() {
        var a = new ClientAddress(List.of("10.0.0.0/8"));
        assertEquals("192.168.1.9", a.of(from("192.168.1.9", "1.2.3.4")));
    }

    @Test
    void aTrustedProxyPassesTheRightMostUntrustedHop() {
        var a = new ClientAddress(List.of("10.0.0.0/8", "127.0.0.1/32"));
        assertEquals("1.2.3.4", a.of(from("127.0.0.1", "9.9.9.9, 1.2.3.4, 10.1.2.3")));
    }

    @Test
    void garbageInForwardedForFallsBackToThePeer() {
        var a = new ClientAddress(List.of("127.0.0.1/32"));
        assertEquals("127.0.0.1", a.of(from("127.0.0.1", "evil.example.com")));
    }
}
