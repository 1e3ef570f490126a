package org.gongshi.api.problem;

/** An unknown resource (or one the caller may not know of): answered 404. */
public class NotFound extends RuntimeException {
    public NotFound(String detail) {
        super(detail);
    }
}
