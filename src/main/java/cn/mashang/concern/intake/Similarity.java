package cn.mashang.concern.intake;

import java.util.HashSet;
import java.util.Set;

/** Near-duplicate text: Jaccard similarity of character bigrams after normalisation. */
public final class Similarity {
    private Similarity() {
    }

    /** Lower case, letters and digits only (Chinese characters are letters); punctuation and spaces dropped. */
    static String normalise(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.toLowerCase().codePoints().filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    static double jaccard(String a, String b) {
        String x = normalise(a);
        String y = normalise(b);
        if (x.equals(y)) {
            return 1.0;
        }
        Set<String> p = bigrams(x);
        Set<String> q = bigrams(y);
        if (p.isEmpty() || q.isEmpty()) {
            return 0.0;
        }
        Set<String> inter = new HashSet<>(p);
        inter.retainAll(q);
        return (double) inter.size() / (p.size() + q.size() - inter.size());
    }

    private static Set<String> bigrams(String s) {
        Set<String> out = new HashSet<>();
        int[] cps = s.codePoints().toArray();
        if (cps.length == 1) {
            out.add(new String(cps, 0, 1));
        }
        for (int i = 0; i + 1 < cps.length; i++) {
            out.add(new String(cps, i, 2));
        }
        return out;
    }
}
