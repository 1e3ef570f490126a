package org.gongshi.projections.feed;

import java.util.List;

/** The CloudEvents types of the public feed (API.md): prefix {@code org.gongshi.}, suffix {@code .v1}. */
public final class FeedTypes {

    public static final String DISCLOSURE_PUBLISHED = "org.gongshi.disclosure.published.v1";
    public static final String DISCLOSURE_CORRECTED = "org.gongshi.disclosure.corrected.v1";
    public static final String DISCLOSURE_WITHDRAWN = "org.gongshi.disclosure.withdrawn.v1";
    public static final String DISCLOSURE_EXPIRED = "org.gongshi.disclosure.expired.v1";
    /** A correction takes back the entry it corrects before the corrected record follows (an extension of API.md's list). */
    public static final String DISCLOSURE_RETRACTED = "org.gongshi.disclosure.retracted.v1";
    /** Publication ended early by credit repair (an extension of API.md's list). */
    public static final String DISCLOSURE_TERMINATED = "org.gongshi.disclosure.terminated.v1";
    public static final String LISTING_ADDED = "org.gongshi.listing.added.v1";
    public static final String LISTING_REMOVED = "org.gongshi.listing.removed.v1";
    public static final String SANCTION_IMPOSED = "org.gongshi.sanction.imposed.v1";
    public static final String SANCTION_LIFTED = "org.gongshi.sanction.lifted.v1";

    public static final List<String> ALL = List.of(DISCLOSURE_PUBLISHED, DISCLOSURE_RETRACTED, DISCLOSURE_CORRECTED, DISCLOSURE_WITHDRAWN,
            DISCLOSURE_EXPIRED, DISCLOSURE_TERMINATED, LISTING_ADDED, LISTING_REMOVED, SANCTION_IMPOSED, SANCTION_LIFTED);

    private FeedTypes() {
    }

    /** Accepts the full type or its short form ({@code disclosure.published}); null if unknown. */
    public static String resolve(String name) {
        String n = name.strip();
        for (String type : ALL) {
            if (type.equals(n) || type.equals("org.gongshi." + n + ".v1") || type.equals("org.gongshi." + n)) return type;
        }
        return null;
    }
}
