package cn.mashang.common;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The resident's address for rate limits: the peer address, or — only when the peer is a trusted proxy
 * ({@code net.trusted-proxies}, CIDRs, default none: set TRUSTED_PROXIES behind a proxy) — the right-most X-Forwarded-For
 * entry that is not itself a trusted proxy. The one resolver of client addresses: login throttling (auth) and
 * resident rate limits (intake) both use it, so a spoofed X-Forwarded-For from an untrusted peer never changes
 * anyone's rate-limit identity. (Micronaut's HttpClientAddressResolver trusts forwarded headers from anyone.)
 */
@Singleton
public class ClientAddress {
    private final List<Cidr> trusted = new ArrayList<>();

    ClientAddress(@Value("${net.trusted-proxies:}") List<String> trustedProxies) {
        for (String c : trustedProxies) {
            if (!c.isBlank()) {
                trusted.add(Cidr.parse(c.trim()));
            }
        }
    }

    public String of(HttpRequest<?> request) {
        InetAddress peer = request.getRemoteAddress().getAddress();
        String peerText = peer == null ? "unknown" : peer.getHostAddress();
        if (peer == null || !isTrusted(peer)) {
            return peerText;
        }
        String xff = request.getHeaders().get("X-Forwarded-For");
        if (xff == null || xff.isBlank()) {
            return peerText;
        }
        String[] hops = xff.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            InetAddress a = literal(hop);
            if (a == null) {
                return peerText;
            }
            if (!isTrusted(a) || i == 0) {
                return a.getHostAddress();
            }
        }
        return peerText;
    }

    private boolean isTrusted(InetAddress a) {
        return trusted.stream().anyMatch(c -> c.contains(a));
    }

    /** Parses an IP literal only (never a DNS lookup). */
    static InetAddress literal(String text) {
        if (text.isEmpty() || text.length() > 45 || !text.matches("[0-9a-fA-F:.]+")) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    record Cidr(byte[] network, int prefix) {
        static Cidr parse(String text) {
            String[] p = text.split("/");
            InetAddress a = literal(p[0]);
            if (a == null) {
                throw new IllegalStateException("net.trusted-proxies: not an IP address: " + text);
            }
            int bits = p.length > 1 ? Integer.parseInt(p[1]) : a.getAddress().length * 8;
            return new Cidr(a.getAddress(), bits);
        }

        boolean contains(InetAddress a) {
            byte[] b = a.getAddress();
            if (b.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (b[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (b[full] & mask) == (network[full] & mask);
        }
    }
}
