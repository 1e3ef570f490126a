package org.gongshi.ledger.disclosure.event;

/** 公示决定: publish the decision, or withhold it on a legal ground. */
public enum DisclosureAction { PUBLISH, WITHHOLD }
