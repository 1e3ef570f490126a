package org.gongshi.ledger.disclosure;

/** Where a public record stands: public, or ended by withdrawal, expiry or credit repair. */
public enum RecordState { PUBLISHED, WITHDRAWN, EXPIRED, TERMINATED }
