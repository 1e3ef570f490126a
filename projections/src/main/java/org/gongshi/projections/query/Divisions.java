package org.gongshi.projections.query;

import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;
import org.gongshi.ledger.identity.Division;

/** The one Mongo filter for "in this division or under it", used by every view, the statistics and the feed. */
public final class Divisions {

    private Divisions() {
    }

    /**
     * Documents whose {@code field} holds a division code under {@code division}: an anchored,
     * case-sensitive literal prefix (the code is validated digits), which MongoDB answers from an
     * index on the field.
     */
    public static Bson filter(String field, Division division) {
        return Filters.regex(field, "^" + division.code());
    }
}
