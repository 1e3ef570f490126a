package org.gongshi.ledger.cases.event;

/** Periods that do not count towards the decision deadline (SAMR 程序规定). */
public enum PauseReason { SUSPENSION, HEARING, PUBLIC_ANNOUNCEMENT, TESTING_OR_APPRAISAL, RIGHTS_HOLDER_IDENTIFICATION }
