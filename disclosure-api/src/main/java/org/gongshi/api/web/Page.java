package org.gongshi.api.web;

import org.gongshi.api.problem.InvalidRequest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** One page of a list, as every list answers it (API.md): {@code {"items": [...], "page", "size", "total"}}. */
public record Page(List<?> items, int page, int size, long total) {

    public static final int MAX_SIZE = 100;

    /** The items of a view's page, each presented for the caller. */
    public static <T> Page of(List<T> items, Function<? super T, ?> present, int page, int size, long total) {
        return new Page(items.stream().map(present).toList(), page, size, total);
    }

    /** A page request's numbers; a bad one is a 400 naming the parameter. */
    public static void check(int page, int size) {
        if (page < 0) throw InvalidRequest.of("page", "must be 0 or more");
        if (size < 1 || size > MAX_SIZE) throw InvalidRequest.of("size", "must be between 1 and " + MAX_SIZE);
    }

    /** The page's body with one more field, for a list that explains itself. */
    public Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("page", page);
        body.put("size", size);
        body.put("total", total);
        body.put(field, value);
        return body;
    }
}
