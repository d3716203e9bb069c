package cn.mashang.concern.search;

import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The terms of the search index: every pair of neighbouring letters or digits (a 2-character n-gram) of a text,
 * lower-cased. Chinese has no spaces, so "小区北门路灯坏了" gives 小区, 区北, 北门, 门路, 路灯, 灯坏, 坏了, and a query
 * 路灯 finds it by its one term. Pairs across a space or punctuation are not terms (a query word never spans
 * them either: {@link #words} splits a query there). The same function cuts stored text and queries.
 */
public final class Bigrams {
    private Bigrams() {
    }

    /** The distinct terms of the texts (nulls skipped), in first-seen order. */
    public static Set<String> of(@Nullable String... texts) {
        Set<String> out = new LinkedHashSet<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            int[] cps = text.toLowerCase(Locale.ROOT).codePoints().toArray();
            for (int i = 0; i + 1 < cps.length; i++) {
                if (Character.isLetterOrDigit(cps[i]) && Character.isLetterOrDigit(cps[i + 1])) {
                    out.add(new String(cps, i, 2));
                }
            }
        }
        return out;
    }

    /** A query's words: lower-cased runs of letters and digits (each must occur in the text, in any field). */
    public static List<String> words(String q) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        q.toLowerCase(Locale.ROOT).codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp)) {
                w.appendCodePoint(cp);
            } else if (!w.isEmpty()) {
                out.add(w.toString());
                w.setLength(0);
            }
        });
        if (!w.isEmpty()) {
            out.add(w.toString());
        }
        return out;
    }
}
