package org.gongshi.api.web;

import org.gongshi.api.problem.InvalidRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** One page of a list, as every list answers it (API.md): {@code {"items": [...], "page", "size", "total"}}. */
public record Page(List<?> items, int page, int size, long total) {

    public static final int MAX_SIZE = 100;

    /** Page {@code request} of the whole list {@code all}, each item presented for the caller. */
    public static <T> Page slice(List<T> all, Function<? super T, ?> present, Request request) {
        int from = (int) Math.min(all.size(), (long) request.page() * request.size());
        int to = (int) Math.min(all.size(), (long) from + request.size());
        return of(all.subList(from, to), present, request.page(), request.size(), all.size());
    }

    /** The items of a view's page, each presented for the caller. */
    public static <T> Page of(List<T> items, Function<? super T, ?> present, int page, int size, long total) {
        return new Page(items.stream().map(present).toList(), page, size, total);
    }

    /** The largest page number a list takes: any page past the end is empty, however large its number. */
    public static final int MAX_PAGE = Integer.MAX_VALUE;

    /** The page and size a list request asks for. */
    public record Request(int page, int size) {}

    /**
     * The {@code page} and {@code size} query parameters (absent: 0 and 20); a bad one is a 400 naming the parameter and its own
     * bound ("size must be a whole number from 1 to 100"), never the range of the type it is read into.
     */
    public static Request request(String page, String size) {
        return request(page, size, 20);
    }

    /** The {@code page} and {@code size} query parameters, {@code absentSize} when no size is asked for. */
    public static Request request(String page, String size, int absentSize) {
        return request(page, size, absentSize, MAX_PAGE);
    }

    /** The {@code page} (at most {@code maxPage}) and {@code size} query parameters, {@code absentSize} when no size is asked for. */
    public static Request request(String page, String size, int absentSize, int maxPage) {
        List<InvalidRequest.FieldProblem> problems = new ArrayList<>();
        Integer p = whole(page, 0, 0, maxPage);
        if (p == null) problems.add(new InvalidRequest.FieldProblem("page", bound(0, maxPage)));
        Integer s = whole(size, absentSize, 1, MAX_SIZE);
        if (s == null) problems.add(new InvalidRequest.FieldProblem("size", bound(1, MAX_SIZE)));
        InvalidRequest.refuseIfAny(problems);
        return new Request(p, s);
    }

    /** What a whole-number parameter from {@code min} to {@code max} must be. */
    public static String bound(int min, int max) {
        return "must be a whole number from " + min + " to " + max;
    }

    /** {@code value} as a whole number from {@code min} to {@code max}, {@code absent} when empty, null when it is not one. */
    public static Integer whole(String value, int absent, int min, int max) {
        if (value == null || value.isBlank()) return absent;
        String v = value.strip();
        if (!v.matches("[+-]?[0-9]{1,18}")) return null;
        long n = Long.parseLong(v);
        return n < min || n > max ? null : (int) n;
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
