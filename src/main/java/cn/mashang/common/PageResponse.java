package cn.mashang.common;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A page of results: items, zero-based page number, page size and the total count. */
@Serdeable
public record PageResponse<T>(List<T> items, int page, int size, long total) {
}
