package cn.mashang.e2e;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the journeys of this JVM visited: every main-frame navigation (its path and status) and every page shown
 * (the page's name in its shared head, {@code <meta name="mashang-page">}). Read by {@link PageCoverageIT}, which
 * runs after the journeys.
 */
final class PageVisits {
    record Navigation(String journey, String path, int status) {
    }

    record Shown(String journey, String page) {
    }

    private static final List<Navigation> NAVIGATIONS = new CopyOnWriteArrayList<>();
    private static final List<Shown> SHOWN = new CopyOnWriteArrayList<>();

    private PageVisits() {
    }

    static void navigated(String journey, String path, int status) {
        NAVIGATIONS.add(new Navigation(journey, path, status));
    }

    static void shown(String journey, String page) {
        SHOWN.add(new Shown(journey, page));
    }

    static List<Navigation> navigations() {
        return List.copyOf(NAVIGATIONS);
    }

    static List<Shown> shown() {
        return List.copyOf(SHOWN);
    }
}
