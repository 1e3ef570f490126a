package org.gongshi.ledger.cases.event;

/** Who approved a deadline extension: the bureau head (up to 30 CD) or a collective decision (集体讨论). */
public enum ExtensionApproval { HEAD, COLLECTIVE }
