package org.gongshi.api.security;

import org.springframework.web.util.UriComponentsBuilder;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the audit sign-in leads: a case's audit page under /audit/, never another site, with the instant it was asked as of
 * ({@code asOf}: kept through the sign-in; a fuzz from outside, stop 78, found it dropped), written encoded. The redirect to
 * the form ({@link SecurityConfiguration}) and the form itself ({@code AuditPagesController}) both take it from here.
 */
public final class AuditNext {

    /** A case's audit page, and the instant as typed on its form (a date and time, an offset or Z), a plus sign raw or as %2B. */
    private static final Pattern NEXT = Pattern.compile("(/audit/cases/[A-Za-z0-9-]{1,64})(?:\\?asOf=((?:[0-9A-Za-z:.\\-+]|%2B){1,40}))?");

    private AuditNext() {
    }

    /** {@code next}, a page to go to, as the value of the login form's {@code next} query parameter. */
    public static String parameter(String next) {
        return org.springframework.web.util.UriUtils.encodeQueryParam(next, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** {@code next} as a page to go to, or the login form when it is none of the audit pages. */
    public static String safe(String next) {
        Matcher page = next == null ? null : NEXT.matcher(next);
        if (page == null || !page.matches()) return "/audit/login";
        if (page.group(2) == null) return page.group(1);
        return UriComponentsBuilder.fromPath(page.group(1)).queryParam("asOf", page.group(2).replace("%2B", "+"))
                .build().encode().toUriString().replace("+", "%2B");
    }
}
