package org.gongshi.ledger.cases.event;

/** Who revised the decision: 行政复议, 行政诉讼, or the bureau's own correction. */
public enum RevisionBy { RECONSIDERATION, LITIGATION, SELF_CORRECTION }
