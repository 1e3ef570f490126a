package org.gongshi.ledger.vocabulary;

/** The kind of intellectual property a case concerns. */
public enum IpType { PATENT, TRADEMARK, COPYRIGHT, GEOGRAPHICAL_INDICATION, TRADE_SECRET, PLANT_VARIETY, IC_LAYOUT, OTHER }
