package org.gongshi.api.web;

import org.gongshi.api.problem.InvalidRequest;
import org.gongshi.ledger.identity.Division;

/** Request parameters every feature reads the same way; a bad one is a 400 naming the parameter. */
public final class RequestParams {

    public static final int MAX_PAGE_SIZE = 100;

    private RequestParams() {
    }

    /** The division (code or prefix) a request names, or null when it names none. */
    public static Division division(String division) {
        if (division == null || division.isBlank()) return null;
        String code = division.strip();
        Division.problem(code).ifPresent(problem -> {
            throw InvalidRequest.of("division", problem);
        });
        return new Division(code);
    }

    public static void checkPage(int page, int size) {
        if (page < 0) throw InvalidRequest.of("page", "must be 0 or more");
        if (size < 1 || size > MAX_PAGE_SIZE) throw InvalidRequest.of("size", "must be between 1 and " + MAX_PAGE_SIZE);
    }
}
