package org.gongshi.ledger.cases;

/** 作出处罚决定 / 不予处罚. */
public enum DecisionKind { PENALTY, NO_PENALTY }
