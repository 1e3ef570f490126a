package org.gongshi.ledger.policy;

/**
 * The legal rules the ledger enforces, each with the source it comes from. A refused command
 * names its rule, so a caller reads which law it ran into and what to fix.
 */
public enum Rule {
    OWN_CASES_ONLY(Kind.FORBIDDEN, "A bureau acts only on its own cases and listings", "API.md; 行政处罚法 Art 22 (jurisdiction)"),
    IDENTITY_REQUIRED(Kind.FORBIDDEN, "Every command carries who caused it: an officer's subject and bureau from the token, or a named system identity acting under the rule that lets it act", "DESIGN.md, Conventions (Identity)"),
    NOT_AFTER_RECORDING_DAY(Kind.CONFLICT, "No legal date lies after the day the ledger records it (Asia/Shanghai)", "DESIGN.md, Conventions (Time)"),
    BACKDATING_TOLERANCE(Kind.CONFLICT, "A legal date before the day it is recorded is accepted only within the policy's tolerance (project default 30 CD) or through the historical import, whose acts never count as on time", "project default; DESIGN.md, Conventions (Time)"),
    RECORDED_ON_ITS_DAY(Kind.CONFLICT, "Publication, withdrawal and expiry take the day the ledger records them", "SAMR Order 45 Arts 9, 11, 13; DESIGN.md, Conventions (Time)"),
    DATE_WITHIN_LEDGER_YEARS(Kind.CONFLICT, "Legal dates lie between the policy's earliest year (project default 1996, when the Administrative Penalty Law took effect) and the day they are recorded; birth dates lie in the past", "行政处罚法 (1996); GB 11643"),
    CLOCK_MOVES_FORWARD(Kind.CONFLICT, "The ledger's clock moves forward only; a fresh ledger may start it at any instant, never before its last recorded event", "DESIGN.md, Conventions (Time); API.md (/dev/clock)"),
    VALID_IDENTIFIER(Kind.INVALID, "Parties are identified by a valid code", "GB 32100-2015, GB 11643-1999"),
    AUTHORITY_NAMED(Kind.INVALID, "A case names its authority (处罚机关), which every public record shows", "SAMR Order 45 Art 4; 双公示 data standard"),
    CASE_EXISTS_ONCE(Kind.CONFLICT, "A case is filed once", "SAMR 程序规定 (立案)"),
    NAMED_PART_EXISTS(Kind.NOT_FOUND, "A challenge or sanction a path names exists on its case or listing", "API.md"),
    DATE_NOT_BEFORE_FILING(Kind.CONFLICT, "No act of a case is dated before its filing", "SAMR 程序规定 (立案)"),
    ACTS_IN_ORDER(Kind.CONFLICT, "Acts of a case follow the legal order and are not dated before the previous act", "行政处罚法 Ch. V"),
    CASE_CLOSED(Kind.CONFLICT, "A closed case takes no further acts except a revision of its decision", "SAMR 程序规定 (结案)"),
    DECISION_EXTENSION(Kind.CONFLICT, "The decision deadline may be extended by the head up to 30 CD; beyond that, and only after the head's extension, a collective decision naming the new date", "SAMR 程序规定; 行政处罚法 Art 60"),
    CLOCK_PAUSE(Kind.CONFLICT, "The clock pauses only while the case is open and resumes only after a pause", "SAMR 程序规定 (期间不计入)"),
    NOTICE_BEFORE_DECISION(Kind.CONFLICT, "No penalty decision without a served notice", "行政处罚法 Arts 44, 62"),
    STATEMENT_WINDOW(Kind.CONFLICT, "No decision before the party's 5 WD to state and defend have run, unless the party has stated its case or waived in writing", "行政处罚法 Arts 44-45; SAMR 程序规定 (告知)"),
    HEARING_RIGHT(Kind.CONFLICT, "The notice grants a hearing for a large fine or confiscation, a downgrade, a revocation, an order to suspend or close, or a practice restriction; the hearing notice goes out 7 WD before the hearing", "行政处罚法 Arts 63, 64"),
    HEARING_REQUEST_WINDOW(Kind.CONFLICT, "A hearing is requested within the window after the notice, and the decision waits for the window or the hearing", "行政处罚法 Art 64"),
    NO_HEAVIER_AFTER_DEFENCE(Kind.CONFLICT, "The decision may not add penalty types, raise amounts, or lengthen a suspension or restriction beyond the notice", "行政处罚法 Art 45"),
    TERM_OF_PENALTY(Kind.CONFLICT, "A suspension or restriction names the last day of its term, after the act that imposes it and within the longest term the policy bounds", "行政处罚法 Art 9; SAMR Order 45 Art 13"),
    SIMPLE_PROCEDURE_LIMITS(Kind.CONFLICT, "Simple procedure allows only a warning, or a fine up to ¥200 (natural person) / ¥3,000 (organisation)", "行政处罚法 Art 51"),
    DECISION_NUMBER_UNIQUE(Kind.CONFLICT, "A bureau gives each decision its own decision number (文书号)", "SAMR 程序规定 (文书编号); 行政处罚法 Art 59"),
    DECIDED_ONCE(Kind.CONFLICT, "A case has one disposition: a decision, a no-penalty decision, a transfer or a dismissal", "行政处罚法 Arts 57, 60"),
    DISMISSAL(Kind.CONFLICT, "A case filed in error is dismissed (撤销立案) before any other disposition, for a named reason", "SAMR 程序规定 (撤销立案)"),
    TRANSFER_NOT_REPLACED(Kind.CONFLICT, "A case is transferred to the judiciary once; a penalty never replaces a due transfer", "Decree 310 Arts 3, 5, 11"),
    TRANSFER_RETURN(Kind.CONFLICT, "Only a transferred case returns when the judiciary declines to file it; then the bureau may decide it", "Decree 310 Arts 8-9, 11"),
    EXECUTION_AFTER_PENALTY(Kind.CONFLICT, "Execution is recorded once, for an effective penalty decision", "行政处罚法 Arts 66-73"),
    PAYMENT_DUE(Kind.CONFLICT, "An execution records the fine and the illegal gains confiscated paid in full, and at most what is due on its day with the late-payment penalty accrued by then (a share of the fine a day after the payment deadline, capped at the fine; an enforcement agreement may reduce or waive it)", "行政处罚法 Arts 67, 72, 73; 行政强制法 Arts 42, 45"),
    CLOSURE_AFTER_DISPOSITION(Kind.CONFLICT, "A case is closed after its disposition and, for a penalty, its execution", "SAMR 程序规定 (结案)"),
    SERVICE_OF_DECISION(Kind.CONFLICT, "Every decision records the day the party received it, once, not before it was made, and before the case closes; periods from receipt start the next day", "行政处罚法 Art 61"),
    CHALLENGE_OF_DECISION(Kind.CONFLICT, "A reconsideration or lawsuit is filed against a decision, one at a time, and ends once; while pending the late-payment penalty does not accrue", "行政处罚法 Art 73; 行政强制法 Art 45"),
    REVISION_OF_DECISION(Kind.CONFLICT, "Only an effective decision can be changed, revoked, or confirmed illegal or invalid", "行政处罚法 Art 48; 行政复议法; 行政诉讼法"),

    // ---- disclosure (SAMR Order 45)
    DISCLOSURE_SCOPE(Kind.CONFLICT, "Only ordinary-procedure penalty decisions are disclosed; warning-only and simple-procedure decisions, minors and state secrets never are", "SAMR Order 45 Arts 2, 5"),
    DISCLOSURE_AFTER_DECISION(Kind.CONFLICT, "Disclosure is decided for an effective penalty decision, once", "SAMR Order 45 Arts 2, 9"),
    // INVALID: API.md, "ground (required for WITHHOLD)": a missing ground is a field to fix, answered 400 naming it (two sweeps
    // from outside, stops 74 and 76, read the 409 as "a legal rule was broken")
    WITHHOLDING_GROUND(Kind.INVALID, "A withheld decision records its legal ground", "SAMR Order 45 Art 5"),
    // INVALID: the terms a record hides are the bureau's input, bounded as every input is (a re-test from outside, stop 77: each
    // correction stored every term again, and 3,001 long terms made a correction time out); answered 400 naming redactions
    REDACTION_TERMS(Kind.INVALID, "A record hides at most " + org.gongshi.ledger.disclosure.RedactionPolicy.MOST_TERMS
            + " terms of the bureau's, each a name, a number or a place", "SAMR Order 45 Art 6"),
    PERSONAL_DATA_SHREDDED(Kind.CONFLICT, "Once a data subject's personal data is shredded, no record or text that would hold it is published or written again", "个人信息保护法 Art 47; SAMR Order 45 Art 6"),
    CORRECTION_OF_RECORD(Kind.CONFLICT, "Only a public record can be corrected; it keeps its id and history", "SAMR Order 45 Art 12"),
    PUBLICITY_PERIOD(Kind.CONFLICT, "A record stops being public when its publicity period ends, not before", "SAMR Order 45 Art 13"),
    CREDIT_REPAIR(Kind.CONFLICT, "Publication ends early only after the minimum period, with obligations fulfilled, harm removed, no repeat and no listing; never for suspension, restriction, downgrade or revocation", "SAMR Order 45 Art 14; NDRC Order 58; 国市监信规〔2021〕3号"),

    // ---- credit lists and sanctions (CNIPA 2022 rule, Trademark Law Art 60)
    LISTING_CATEGORY(Kind.CONFLICT, "A listing names a category the list allows and its basis", "CNIPA 2022 rule Art 3"),
    LISTING_BASIS(Kind.CONFLICT, "A listing rests on existing, standing penalty decisions against its subject that the proposing bureau may rely on", "CNIPA 2022 rule Arts 3, 5; Trademark Law Art 60"),
    LISTING_PROCEDURE(Kind.CONFLICT, "Notice with reasons, then the statement window, then the decision; each later act of the entry dated on or after the one before", "行政处罚法 Art 44 pattern; CNIPA 2022 rule"),
    ONE_ACTIVE_ENTRY_PER_LIST(Kind.CONFLICT, "A subject holds at most one active entry on the same list", "CNIPA 2022 rule"),
    LISTING_REMOVAL(Kind.CONFLICT, "An entry is removed once, for a named reason: term expired, repair granted, basis revoked or listed in error", "CNIPA 2022 rule"),
    LISTING_REPAIR(Kind.CONFLICT, "Repair may be applied for after the minimum wait, at most once a year, and is granted only with the obligations of the penalties the entry rests on fulfilled (their execution recorded in the ledger)", "CNIPA 2022 rule; 国市监信规〔2021〕3号 Art 6"),
    SANCTION_MEASURES(Kind.CONFLICT, "Sanctions are the CNIPA measures, each with a scope and a term, imposed on an active entry, a measure at most once while it is in force", "CNIPA 2022 rule Art 6"),
    LISTING_TERM(Kind.CONFLICT, "An entry runs from listing for at most the policy term (default 1 year) and takes no further acts once its term has ended, except its removal", "CNIPA 2022 rule via local mirror (1-year management period)");

    public enum Kind { INVALID, FORBIDDEN, NOT_FOUND, CONFLICT }

    private final Kind kind;
    private final String title;
    private final String source;

    Rule(Kind kind, String title, String source) {
        this.kind = kind;
        this.title = title;
        this.source = source;
    }

    public Kind kind() { return kind; }

    public String title() { return title; }

    public String source() { return source; }

    /** Stable code used in problem responses, e.g. {@code notice-before-decision}. */
    public String code() { return name().toLowerCase().replace('_', '-'); }
}
