package org.gongshi.ledger.listings.event;

/**
 * The credit lists an entry can be on (DOMAIN.md glossary): 严重失信主体名单, 重复侵权企业名录 and
 * 黑名单 (诚信档案). Each list allows its own categories of conduct.
 */
public enum ListType {
    /** 严重失信主体名单 (CNIPA 2022 rule): the seven CNIPA categories of dishonest conduct. */
    SEVERE_DISHONESTY,
    /** 重复侵权企业名录 (Trademark Law Art 60): repeated infringement only. */
    REPEATED_INFRINGER,
    /** 黑名单 (诚信档案): a local integrity record; DOMAIN.md restricts no category, so every one is allowed. */
    BLACKLIST;

    /** Whether an entry of {@code category} may be put on this list. */
    public boolean allows(ListingCategory category) {
        return switch (this) {
            case SEVERE_DISHONESTY -> category.isCnipaDishonesty();
            case REPEATED_INFRINGER -> category == ListingCategory.REPEATED_INFRINGEMENT;
            case BLACKLIST -> true;
        };
    }

    /** The id of subject {@code uscc}'s place on this list: one place per subject and list. */
    public String placeOf(String uscc) {
        return name() + ":" + uscc;
    }
}
