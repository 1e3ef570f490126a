package org.gongshi.api.problem;

import java.util.Map;

/**
 * The security headers every answer carries: those Spring Security's writers add, and those written before they run (a
 * firewall's refusal, a request line or headers too long for the codec). Here, beside the problems those answers are,
 * so that the request guards and the security configuration both take them from one place.
 */
public final class SecurityHeaders {

    /** Pages load only their own stylesheet and images; no script, no frames, forms post to this site. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static final Map<String, String> ALL = Map.of("Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options", "nosniff", "X-Frame-Options", "DENY", "Referrer-Policy", "no-referrer");

    private SecurityHeaders() {
    }
}
