package cn.mashang.concern.search;

import java.util.concurrent.ThreadLocalRandom;

/** Random words of three CJK characters: a test's concerns are then exactly the rows that contain its marker. */
final class SearchMarkers {
    private SearchMarkers() {
    }

    static String random() {
        StringBuilder m = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            m.appendCodePoint(0x4E00 + ThreadLocalRandom.current().nextInt(0x5000));
        }
        return m.toString();
    }
}
