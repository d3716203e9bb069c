package cn.mashang.security;

import cn.mashang.common.ClientAddress;
import io.micronaut.context.env.ActiveEnvironment;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.PropertySourcePropertyResolver;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;
import io.micronaut.core.io.scan.ClassPathResourceLoader;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.simple.SimpleHttpRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the {@code prod} environment ships with when the operator sets nothing (read from the real configuration
 * files, without starting the application): no trusted proxy — so a local process's X-Forwarded-For is ignored for
 * rate limits — and health details shown to nobody.
 */
class ProductionDefaultsTest {
    static PropertySourcePropertyResolver prod;

    /**
     * application.yml and application-prod.yml exactly as shipped, resolved without the test JVM's own environments
     * (MICRONAUT_ENVIRONMENTS=test would add application-test.yml) and without environment variables: the defaults.
     */
    @BeforeAll
    static void readProductionConfiguration() {
        var resources = ClassPathResourceLoader.defaultLoader(ProductionDefaultsTest.class.getClassLoader());
        var yaml = new YamlPropertySourceLoader();
        PropertySource base = yaml.load("application", resources).orElseThrow();
        Map<String, Object> prodValues = yaml.loadEnv("application", resources, ActiveEnvironment.of("prod", 0))
                .map(ps -> {
                    Map<String, Object> m = new java.util.HashMap<>();
                    ps.forEach(k -> m.put(k, ps.get(k)));
                    return m;
                }).orElseThrow();
        prod = new PropertySourcePropertyResolver(base, PropertySource.of("prod", prodValues, 100));
    }

    @Test
    void theProductionFileIsRead() {
        assertEquals(Boolean.FALSE, prod.getProperty("demo.enabled", Boolean.class).orElse(null));
    }

    @Test
    void productionTrustsNoProxyUnlessConfiguredSoALocalProcessCannotPickItsAddress() {
        List<String> trusted = prod.getProperty("net.trusted-proxies", List.class).orElse(List.of());
        assertEquals(List.of(), trusted.stream().filter(s -> !s.isBlank()).toList());
        var address = new ClientAddressProbe(trusted);
        assertEquals("127.0.0.1", address.of("127.0.0.1", "203.0.113.7"), "a local caller's forwarded-for is ignored");
    }

    @Test
    void productionHealthShowsNoDetailsToAnyone() {
        assertEquals("NEVER", prod.getProperty("endpoints.health.details-visible", String.class).orElse(null));
    }

    /** Drives {@link ClientAddress} with a peer and a forwarded-for header. */
    record ClientAddressProbe(List<String> trusted) {
        String of(String peer, String xff) {
            var r = new SimpleHttpRequest<>(HttpMethod.GET, "/", null) {
                @Override
                public InetSocketAddress getRemoteAddress() {
                    return new InetSocketAddress(peer, 5555);
                }
            };
            r.header("X-Forwarded-For", xff);
            return cn.mashang.common.ClientAddressAccess.create(trusted).of(r);
        }
    }
}
