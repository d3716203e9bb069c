package cn.mashang.e2e;

import cn.mashang.portal.PageRoutes;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every page of the portal is walked by some journey: the page routes come from Micronaut's router (GET routes
 * producing HTML, see {@link PageRoutes}), the page files from public/*.html (code-gone and code-unknown are the
 * answers of /s/{code} for revoked and unknown codes), and the visits from {@link PhoneBrowser}. Runs after the
 * journeys of the same run ({@code @Order} with failsafe's class orderer); a route or page nobody visits fails it.
 */
@MicronautTest
@Order(Integer.MAX_VALUE)
class PageCoverageIT {
    @Inject
    Router router;

    @Test
    void everyPageRouteAndEveryPageFileIsVisitedBySomeJourney() throws IOException {
        var routes = PageRoutes.of(router);
        List<PageVisits.Navigation> navigations = PageVisits.navigations();
        assertFalse(navigations.isEmpty(), "no journey ran before PageCoverageIT: run it with the journeys, "
                + "e.g. -Dit.test='*IT'");
        Map<String, Set<String>> byRoute = new TreeMap<>();
        routes.keySet().forEach(t -> byRoute.put(t, new TreeSet<>()));
        for (PageVisits.Navigation n : navigations) {
            PageRoutes.templateOf(routes, n.path()).ifPresent(t -> byRoute.get(t).add(n.journey()));
        }
        Map<String, Set<String>> byPage = new TreeMap<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/public"))) {
            files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".html"))
                    .forEach(f -> byPage.put(f.substring(0, f.length() - 5), new TreeSet<>()));
        }
        for (PageVisits.Shown s : PageVisits.shown()) {
            byPage.computeIfAbsent(s.page(), k -> new TreeSet<>()).add(s.journey());
        }
        System.out.println("page routes → journeys: " + byRoute);
        System.out.println("page files → journeys: " + byPage);
        assertEquals(List.of(), unvisited(byRoute), "page routes visited by no journey");
        assertEquals(List.of(), unvisited(byPage), "pages shown by no journey");
    }

    private static List<String> unvisited(Map<String, Set<String>> visits) {
        return visits.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey)
                .collect(Collectors.toList());
    }
}
