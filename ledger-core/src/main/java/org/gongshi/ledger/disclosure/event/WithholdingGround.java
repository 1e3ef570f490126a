package org.gongshi.ledger.disclosure.event;

import java.util.Arrays;

/**
 * The enumerated legal grounds on which a disclosable decision is withheld (SAMR Order 45 Arts 2, 5,
 * 6). A decision withheld on one of them leaves the disclosure-rate denominator; one withheld
 * without one (recorded before grounds were enumerated) does not.
 */
public enum WithholdingGround {
    /** 涉及国家秘密. */
    STATE_SECRET,
    /** 可能危及国家安全、公共安全、经济安全、社会稳定. */
    SECURITY_OR_STABILITY,
    /** 法律、行政法规另有规定. */
    OTHER_LAW;

    /** Whether {@code recorded} (the ground an event records) names one of the enumerated grounds. */
    public static boolean isEnumerated(String recorded) {
        return recorded != null && Arrays.stream(values()).anyMatch(g -> g.name().equals(recorded));
    }
}
