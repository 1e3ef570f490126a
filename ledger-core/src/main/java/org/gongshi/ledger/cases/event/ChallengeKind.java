package org.gongshi.ledger.cases.event;

/** How the party challenges a decision: 行政复议 (reconsideration) or 行政诉讼 (lawsuit). */
public enum ChallengeKind { RECONSIDERATION, LITIGATION }
