package cn.mashang.common;

import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;

/** Validates page/size query parameters: page 0..100000, size 1..100. */
public final class Paging {
    public static final int MAX_SIZE = 100;
    public static final int MAX_PAGE = 100_000;

    private Paging() {
    }

    public static Pageable of(Integer page, Integer size, Sort sort) {
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        if (p < 0 || p > MAX_PAGE) {
            throw ApiException.badField("page", "应在 0 到 " + MAX_PAGE + " 之间");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw ApiException.badField("size", "应在 1 到 " + MAX_SIZE + " 之间");
        }
        return Pageable.from(p, s, sort);
    }
}
