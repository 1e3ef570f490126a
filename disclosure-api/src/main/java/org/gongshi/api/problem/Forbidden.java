package org.gongshi.api.problem;

/** The caller is authenticated but may not act on this resource: answered 403. */
public class Forbidden extends RuntimeException {
    public Forbidden(String detail) {
        super(detail);
    }
}
