package org.gongshi.ledger.disclosure;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.interceptors.ExceptionHandler;
import org.gongshi.ledger.calendar.Deadline;
import org.gongshi.ledger.cases.event.CaseFiled;
import org.gongshi.ledger.cases.event.DecisionRevised;
import org.gongshi.ledger.cases.event.NoPenaltyDecided;
import org.gongshi.ledger.cases.event.PenaltyDecided;
import org.gongshi.ledger.disclosure.command.CorrectDisclosure;
import org.gongshi.ledger.disclosure.command.DecideDisclosure;
import org.gongshi.ledger.disclosure.command.ExpireDisclosure;
import org.gongshi.ledger.disclosure.command.RepairCredit;
import org.gongshi.ledger.disclosure.event.DisclosureAction;
import org.gongshi.ledger.disclosure.event.DisclosureCorrected;
import org.gongshi.ledger.disclosure.event.DisclosureDecided;
import org.gongshi.ledger.disclosure.event.DisclosureDeadlineMissed;
import org.gongshi.ledger.disclosure.event.DisclosureExpired;
import org.gongshi.ledger.disclosure.event.DoublePublicityDeadlineMissed;
import org.gongshi.ledger.disclosure.event.WithdrawalDeadlineMissed;
import org.gongshi.ledger.disclosure.event.DisclosureWithdrawn;
import org.gongshi.ledger.disclosure.event.PublicRecord;
import org.gongshi.ledger.disclosure.event.PublicationTerminated;
import org.gongshi.ledger.disclosure.event.WithholdingGround;
import org.gongshi.ledger.policy.Recording;
import org.gongshi.ledger.policy.Rule;
import org.gongshi.ledger.privacy.PersonalData;
import org.gongshi.ledger.privacy.event.SubjectShredded;
import org.gongshi.ledger.policy.RuleViolation;
import org.gongshi.ledger.policy.Rulebook;
import org.gongshi.ledger.vocabulary.IpType;
import org.gongshi.ledger.vocabulary.Party;
import org.gongshi.ledger.vocabulary.Procedure;
import org.gongshi.ledger.vocabulary.RevisionKind;

import java.time.LocalDate;
import org.gongshi.ledger.vocabulary.Penalty;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.gongshi.ledger.policy.RuleViolation.check;

/**
 * 公示: the public record of a case's penalty decision, an entity of the case (SAMR Order 45). It
 * decides whether the decision is published or withheld, and later corrected, withdrawn, expired or
 * ended early by credit repair. It exists from the filing, so a command before the decision is
 * refused like any act out of order. It keeps what only the public record shows (authority,
 * division, IP type, violation, decision number, legal basis, facts) and asks its
 * {@link DisclosedCase} for the decision as it stands.
 */
public class Disclosure {

    private final DisclosedCase ofCase;

    // facts only the public record shows
    private String caseId;
    private String bureau;
    private String authorityName;
    private String division;
    private IpType ipType;
    private String violationType;
    private Procedure procedure;
    private Party party;
    /** The party's personal data was shredded, recorded in the case's stream (its key may still open the filing meanwhile). */
    private boolean partyShredded;
    private LocalDate filedOn;
    /** The day of the act, when the filing recorded it. */
    private LocalDate actOn;
    private boolean penaltyDecision;
    private String decisionNumber;
    private String legalBasis;
    private String facts;
    /**
     * The texts of every decision as the bureau wrote them, never replaced by a correction's redacted ones: a name the patterns
     * find in them is hidden in every later correction (a re-test from outside, stop 79: the second correction published in
     * clear a witness the decision's facts named after 证人).
     */
    private final List<String> decidedTexts = new ArrayList<>();

    // the record
    private DisclosureAction action;
    private RecordState recordState;
    private PublicRecord record;
    /** Every term the bureau hid from the record so far: a correction hides them again. */
    private List<String> redactions = List.of();
    private LocalDate publishedOn;
    private Deadline publicUntil;
    private boolean disclosureMissed;
    private boolean doublePublicityMissed;
    /** Which record of the decision comes next: 1, then one more after each change (Order 45 Art 11). */
    private int edition = 1;
    /** The day the decision was last changed, from which its new record is due; null when never changed. */
    private LocalDate changedOn;

    public Disclosure(DisclosedCase ofCase) {
        this.ofCase = ofCase;
    }

    @CommandHandler
    public void handle(DecideDisclosure command, Rulebook rules, Recording recording) {
        ofCase.authorise(recording);
        DecisionFacts decision = ofCase.decision();
        check(decision.decisionId() != null, Rule.DISCLOSURE_AFTER_DECISION, "the case has no decision yet; disclosure follows the decision");
        // a withheld decision was never published: say what stands and what opens it again (an auditor's sweep from outside,
        // stop 76: a publication after a withholding was told "a public record is corrected, not published twice")
        check(action == null, Rule.DISCLOSURE_AFTER_DECISION, "disclosure of this decision was already decided (" + action
                + (recordState != null ? ", record " + recordState : "") + "); " + (action == DisclosureAction.WITHHOLD
                ? "a decision's disclosure is decided once: the withholding stands until the decision is changed (a CHANGED revision), whose disclosure is decided again"
                : command.action() == DisclosureAction.WITHHOLD
                ? "a published record is not withheld afterwards: it is taken back by a revision of the decision, which withdraws it"
                : "a public record is corrected, not published twice"));
        LocalDate decidedOn = recording.onItsDay(command.decidedOn(), "the disclosure decision (publication or withholding)", rules);
        // a changed decision is published again as a new record, due from the change
        LocalDate dueFrom = dueFrom(decision);
        check(!decidedOn.isBefore(dueFrom), Rule.DISCLOSURE_AFTER_DECISION,
                "the disclosure is dated " + decidedOn + ", before the decision" + (changedOn != null ? " was changed on " : " of ") + dueFrom);
        Deadline deadline = rules.disclosureDeadline(dueFrom);
        Deadline doublePublicity = rules.doublePublicityDeadline(dueFrom);
        String recordId = new Edition(decision.decisionId(), edition).recordId();
        // a deadline that passed before this decision, which the deadline mechanism has not yet recorded missed (a move of the
        // clock under way, the minutes after midnight), is missed all the same, on this day and before it (a sweep from
        // outside, stop 74: publications racing a move of the clock recorded no miss, and the figures disagreed)
        if (!recording.historicalImport()) checkDeadlines(recording, rules);
        if (command.action() == DisclosureAction.WITHHOLD) {
            // a decision that is never disclosed (warning only, simple procedure, no penalty, a minor) needs no ground
            boolean disclosable = penaltyDecision && DisclosabilityPolicy.disclosable(procedure, decision.penalties(), party, actOn, filedOn, decision.decidedOn());
            if (disclosable && command.ground() == null) {
                throw new RuleViolation(Rule.WITHHOLDING_GROUND, "ground", "a disclosable decision is withheld only on an enumerated"
                        + " ground, one of " + Arrays.toString(WithholdingGround.values()) + " (free text goes in the explanation)");
            }
            apply(new DisclosureDecided(caseId, decision.decisionId(), recordId, DisclosureAction.WITHHOLD,
                    decidedOn, command.ground() == null ? null : command.ground().name(), deadline, recording.onTime(deadline),
                    doublePublicity, recording.onTime(doublePublicity), null, null, rules.version(), List.of(), command.explanation()));
            return;
        }
        check(penaltyDecision, Rule.DISCLOSURE_SCOPE, "a no-penalty decision is not disclosed as a penalty");
        check(decision.lastRevision() == null || decision.lastRevision() == RevisionKind.CHANGED, Rule.DISCLOSURE_AFTER_DECISION,
                "the decision was " + decision.lastRevision() + " on " + decision.lastRevisionEffectiveOn()
                        + "; only a changed decision is published again");
        check(!naturalPersonShredded(), Rule.PERSONAL_DATA_SHREDDED, "the party's personal data was shredded; the decision can no longer be published");
        // the terms an earlier record of the case hid, shredded with the key, can no longer be hidden from a new record (a
        // re-test from outside, stop 76: a changed decision's new record published an organisation's hidden term in clear)
        check(!termsShredded(), Rule.PERSONAL_DATA_SHREDDED, "the terms this case's earlier records hid were"
                + " shredded with its data subject's key and can no longer be hidden: a new record would publish them; withhold the"
                + " decision on the ground OTHER_LAW (个人信息保护法) instead");
        check(!newTermsAfterShredding(command.redactions()), Rule.PERSONAL_DATA_SHREDDED, "the case's data subject was shredded: no"
                + " term is stored for it again, so none can be hidden; send no redactions, or withhold the decision on the ground OTHER_LAW");
        DisclosabilityPolicy.requirePublishable(procedure, decision.penalties(), party, actOn, filedOn, decision.decidedOn());
        // a new record of a changed decision hides every term its earlier records hid, and the new ones
        List<String> hidden = new ArrayList<>(redactions);
        if (command.redactions() != null) hidden.addAll(command.redactions());
        hidden = RedactionPolicy.hiddenTerms(hidden);
        if (hidden.size() > RedactionPolicy.MOST_TERMS) {
            throw new RuleViolation(Rule.REDACTION_TERMS, "redactions", "the record would hide " + hidden.size() + " terms with the "
                    + RedactionPolicy.hiddenTerms(redactions).size() + " hidden before; at most " + RedactionPolicy.MOST_TERMS + " in all");
        }
        Deadline until = rules.publicUntil(decidedOn, decision.penalties(), party.kind());
        PublicRecord published = RedactionPolicy.publicRecord(recordId, party, decisionNumber, violationType, facts,
                legalBasis, decision.penalties(), decision.decidedOn(), until.dueOn(), authorityName, bureau, ipType, division,
                hidden);
        apply(new DisclosureDecided(caseId, decision.decisionId(), recordId, DisclosureAction.PUBLISH,
                decidedOn, null, deadline, recording.onTime(deadline), doublePublicity,
                recording.onTime(doublePublicity), until, published, rules.version(), hidden, null));
    }

    @CommandHandler
    public void handle(CorrectDisclosure command, Rulebook rules, Recording recording) {
        ofCase.authorise(recording);
        recording.requireLegalDate(command.correctedOn(), "the correction", rules);
        check(recordState == RecordState.PUBLISHED, Rule.CORRECTION_OF_RECORD,
                recordState == null ? "the decision has no public record to correct" : "the record is " + recordState + " and no longer public");
        check(!command.correctedOn().isBefore(publishedOn), Rule.CORRECTION_OF_RECORD,
                "the correction is dated " + command.correctedOn() + ", before publication on " + publishedOn);
        check(command.reason() != null && !command.reason().isBlank(), Rule.CORRECTION_OF_RECORD, "a correction states its reason");
        check(command.legalRepresentative() == null || record.subjectKind() != org.gongshi.ledger.vocabulary.PartyKind.NATURAL_PERSON,
                Rule.CORRECTION_OF_RECORD, "a natural person's record names no legal representative; correct the facts instead");
        // a natural person's record names the person: written again after the erasure, it would store the name anew (a sweep
        // from outside, stop 76, found a correction after the key's deletion accepted, where a publication is refused)
        check(!naturalPersonShredded(), Rule.PERSONAL_DATA_SHREDDED,
                "the party's personal data was shredded; its record is not written again, which would store its name anew");
        check(!termsShredded(), Rule.PERSONAL_DATA_SHREDDED,
                "the case's personal data was shredded, so the terms hidden before can no longer be hidden again; withdraw the record instead");
        check(!newTermsAfterShredding(command.redactions()), Rule.PERSONAL_DATA_SHREDDED,
                "the case's data subject was shredded: no term is stored for it again, so none can be hidden; send no redactions");
        // redactions accumulate: a correction hides every term hidden before it, and its own
        List<String> hidden = new ArrayList<>(redactions);
        if (command.redactions() != null) hidden.addAll(command.redactions());
        hidden = RedactionPolicy.hiddenTerms(hidden);
        if (hidden.size() > RedactionPolicy.MOST_TERMS) {
            throw new RuleViolation(Rule.REDACTION_TERMS, "redactions", "the record would hide " + hidden.size() + " terms with the "
                    + RedactionPolicy.hiddenTerms(redactions).size() + " hidden before; at most " + RedactionPolicy.MOST_TERMS + " in all");
        }
        PublicRecord corrected = RedactionPolicy.corrected(record, party.idNumber(), command.legalRepresentative(), command.violationType(),
                command.facts(), command.legalBasis(), hidden, recordTexts());
        // a correction fixes what the record shows (Order 45 Art 12), or adds terms to hide in it and in any record that follows
        // it: one that does neither would only send credit platforms a retraction and the same record again (a sweep from
        // outside, stop 78: a repeat, and one with only another reason, were each recorded and fed)
        check(!corrected.equals(record) || RedactionPolicy.addsTerms(redactions, hidden), Rule.CORRECTION_OF_RECORD,
                "the correction changes nothing the record shows and hides no new term: its violationType, facts, legalBasis and"
                        + " legalRepresentative, with the terms hidden, read as they do now");
        apply(new DisclosureCorrected(caseId, record.recordId(), command.correctedOn(),
                RedactionPolicy.reason(command.reason(), hidden, publicNames(), recordTexts(command.facts(), command.legalBasis())), corrected,
                hidden, publishedOn));
    }

    /** Expiry takes the recording day; only the deadline mechanism expires a record, and a repeat changes nothing. */
    @CommandHandler
    public void handle(ExpireDisclosure command, Recording recording) {
        ofCase.authorise(recording, Recording.DEADLINES);
        if (recordState != RecordState.PUBLISHED) return; // already ended: the deadline may fire again
        LocalDate today = recording.today();
        check(today.isAfter(publicUntil.dueOn()), Rule.PUBLICITY_PERIOD,
                "the record is public until " + publicUntil.dueOn() + "; it expires after that day, not on " + today);
        apply(new DisclosureExpired(caseId, record.recordId(), publicUntil.dueOn(), today));
    }

    @CommandHandler
    public void handle(RepairCredit command, Rulebook rules, CreditStanding standing, Recording recording) {
        ofCase.authorise(recording);
        recording.requireLegalDate(command.decidedOn(), "the credit repair decision", rules);
        check(recordState == RecordState.PUBLISHED, Rule.CREDIT_REPAIR,
                recordState == null ? "the decision has no public record" : "the record is " + recordState + " and no longer public");
        // what is never ended early is said first, before any day from which it might be (a legal officer's sweep, stop 75:
        // a restriction's record asked early was told a day from which repair would work, and it never would)
        DecisionFacts decision = ofCase.decision();
        decision.penalties().stream().filter(p -> p.type().barsEarlyEnd()).findFirst().ifPresent(p -> {
            throw new RuleViolation(Rule.CREDIT_REPAIR, "a record with " + p.type() + " (" + p.type().label()
                    + ") is never ended early; it stays public for its full period");
        });
        LocalDate earliest = rules.earliestRepair(publishedOn);
        check(!publicUntil.dueOn().isBefore(earliest), Rule.CREDIT_REPAIR, "a record public for 3 months (a warning, circulated"
                + " criticism or a lower-amount fine) is never ended early; it is public until " + publicUntil.dueOn());
        check(!command.decidedOn().isBefore(earliest), Rule.CREDIT_REPAIR,
                "publication can end early from " + earliest + ", the day after the 6-month anniversary of publication on " + publishedOn);
        boolean monetary = decision.penalties().stream().anyMatch(p -> p.type().isMonetary());
        check(!monetary || decision.executed(), Rule.CREDIT_REPAIR, "obligations not fulfilled: no execution of the penalty is recorded");
        check(command.harmRemoved(), Rule.CREDIT_REPAIR, "the harm has not been removed");
        var again = standing.penalisedAfter(party, decision.decidedOn(), caseId);
        // counted, never named: a later case may be another bureau's, which this bureau does not read (outside audit)
        check(again.isEmpty(), Rule.CREDIT_REPAIR, "the party was penalised again after this decision (" + again.size()
                + (again.size() == 1 ? " later penalty decision" : " later penalty decisions") + " in the ledger)");
        if (party.uscc() != null) {
            var lists = standing.listsHolding(party.uscc());
            check(lists.isEmpty(), Rule.CREDIT_REPAIR, "the party is on the credit list " + lists + " now");
        }
        apply(new PublicationTerminated(caseId, record.recordId(), command.decidedOn(), "CREDIT_REPAIR", rules.version()));
    }

    /** The record's texts as the bureau wrote them, and a correction's new ones: a name found in them is hidden in a reason too. */
    private List<String> recordTexts(String... corrections) {
        List<Penalty> penalties = ofCase.decision().penalties();
        List<String> texts = new ArrayList<>(Arrays.asList(decisionNumber, violationType, facts, legalBasis,
                penalties == null ? null : RedactionPolicy.penaltyContent(penalties)));
        texts.addAll(decidedTexts);
        texts.addAll(Arrays.asList(corrections));
        return texts;
    }

    /** The names the record publishes: the party's own and an organisation's legal representative's (nulls where there is none). */
    private List<String> publicNames() {
        return party == null ? List.of() : Arrays.asList(party.name(),
                party.kind() == org.gongshi.ledger.vocabulary.PartyKind.NATURAL_PERSON ? null : party.legalRepresentative());
    }

    /**
     * What this case's public record hid: the terms its bureau listed (and the shredded marker if they were shredded with the
     * key, so a text resting on the case is withheld, {@link RedactionPolicy#reason}), and the texts as written that the
     * patterns read.
     */
    public RecordRedactions recordRedactions() {
        List<String> terms = new ArrayList<>(RedactionPolicy.hiddenTerms(redactions));
        if (termsShredded()) terms.add(PersonalData.SHREDDED);
        return new RecordRedactions(terms, ofCase.decision().decisionId() == null ? List.of()
                : recordTexts().stream().filter(java.util.Objects::nonNull).toList());
    }

    /**
     * Art 48 / Order 45 Art 11: a revised decision's public record is withdrawn, with the reason, in
     * the command that revised it, on the day that command is recorded. Nothing to withdraw when no record is public; but a
     * record whose publicity period ended after the revision took effect and after the withdrawal was due stayed public,
     * revised, past its deadline: the miss is recorded, as for a record withdrawn late (a sweep from outside, stop 84: such
     * a revision left the withdrawal figure and recorded no miss, where one recorded before the period's end did both).
     */
    public void withdrawAfterRevision(RevisionKind kind, LocalDate effectiveOn, String reason, Recording recording, Rulebook rules) {
        if (recordState == RecordState.EXPIRED) {
            missedWhilePublicUntilItsEnd(effectiveOn, recording, rules);
            return;
        }
        if (recordState != RecordState.PUBLISHED) return;
        Deadline deadline = rules.withdrawalDeadline(effectiveOn);
        // an imported revision withdraws the record as of its own effect, not on the import's day (a sweep from outside, stop 76:
        // a record replaced in 2022 read as public until the import's day in 2026, in the feed and on its page)
        LocalDate today = recording.historicalImport() ? (effectiveOn.isBefore(publishedOn) ? publishedOn : effectiveOn) : recording.today();
        apply(new DisclosureWithdrawn(caseId, record.recordId(), today, RedactionPolicy.reason(reason, redactions, publicNames(), recordTexts()),
                kind, deadline, recording.onTime(deadline), rules.version()));
        if (!recording.historicalImport() && today.isAfter(deadline.dueOn())) {
            // the record stayed public past the deadline before the revision reached the ledger
            apply(new WithdrawalDeadlineMissed(caseId, record.recordId(), deadline, today, rules.version()));
        }
    }

    /**
     * A revision recorded after the record's publicity period ended: the record was public, revised, from {@code effectiveOn}
     * to its last day; past the withdrawal deadline too, that is a withdrawal missed (an import's, judged by its own dates,
     * records none). A record whose period ended by the deadline stayed public no longer than a withdrawal in time would have
     * let it: nothing is due.
     */
    private void missedWhilePublicUntilItsEnd(LocalDate effectiveOn, Recording recording, Rulebook rules) {
        if (publicUntil == null) return;
        Deadline deadline = rules.withdrawalDeadline(effectiveOn);
        LocalDate lastPublicDay = publicUntil.dueOn();
        if (!recording.historicalImport() && !effectiveOn.isAfter(lastPublicDay) && lastPublicDay.isAfter(deadline.dueOn())) {
            apply(new WithdrawalDeadlineMissed(caseId, record.recordId(), deadline, recording.today(), rules.version()));
        }
    }

    /**
     * The deadline mechanism's check of the public record: a disclosable penalty decision with no
     * disclosure decided by the recording day misses its 7 WD and 20 WD deadlines (each recorded once);
     * a public record whose publicity period is over expires on the recording day. Also run by the
     * command that records a decision, its change or the decision on its disclosure: one recorded after its deadline has
     * passed has missed it on that day (left to the deadline mechanism's next sweep, a move of the clock before it
     * recorded the miss on a later day; audit).
     */
    public void checkDeadlines(Recording recording, Rulebook rules) {
        LocalDate today = recording.today();
        DecisionFacts decision = ofCase.decision();
        boolean standing = decision.lastRevision() == null || decision.lastRevision() == RevisionKind.CHANGED;
        if (decision.decisionId() != null && penaltyDecision && action == null && standing && disclosable(decision)) {
            Deadline strict = rules.doublePublicityDeadline(dueFrom(decision));
            if (!doublePublicityMissed && today.isAfter(strict.dueOn())) {
                apply(new DoublePublicityDeadlineMissed(caseId, decision.decisionId(), strict, today, rules.version()));
            }
            Deadline deadline = rules.disclosureDeadline(dueFrom(decision));
            if (!disclosureMissed && today.isAfter(deadline.dueOn())) {
                apply(new DisclosureDeadlineMissed(caseId, decision.decisionId(), deadline, today, rules.version()));
            }
        }
        if (recordState == RecordState.PUBLISHED && today.isAfter(publicUntil.dueOn())) {
            apply(new DisclosureExpired(caseId, record.recordId(), publicUntil.dueOn(), today));
        }
    }

    /** The day the disclosure deadlines run from: the decision's, or its last change's (Order 45 Art 11). */
    private LocalDate dueFrom(DecisionFacts decision) {
        return changedOn != null ? changedOn : decision.decidedOn();
    }

    /** Whether the decision must be disclosed at all (never warnings-only, simple procedure or minors). */
    private boolean disclosable(DecisionFacts decision) {
        try {
            DisclosabilityPolicy.requirePublishable(procedure, decision.penalties(), party, actOn, filedOn, decision.decidedOn());
            return true;
        } catch (RuleViolation notDisclosed) {
            return false;
        }
    }

    /** Domain refusals cross the command bus, local or remote, with their rule as details. */
    @ExceptionHandler(resultType = RuleViolation.class)
    public void refuse(RuleViolation violation) {
        throw violation.acrossTheBus();
    }

    // ---- state from events

    @EventSourcingHandler
    void on(SubjectShredded event) {
        partyShredded = true;
    }

    /**
     * Whether the party is a natural person whose personal data was shredded: its key deleted (the filing reads shredded) or
     * the shredding recorded in the case's stream (the key may still open the filing meanwhile). An organisation's name is
     * no personal data; its record's hidden terms, sealed, are checked where they are written again.
     */
    private boolean naturalPersonShredded() {
        return party.shredded() || partyShredded && party.kind() == org.gongshi.ledger.vocabulary.PartyKind.NATURAL_PERSON;
    }

    /**
     * Whether terms an earlier record hid were shredded with the key: they read shredded, or the shredding is recorded in the
     * case's stream while the key still opens them (it is deleted just after: a sweep from outside, stop 76, raced an
     * organisation's correction and republication against the erasure, which then passed, or failed as a 500 when the key
     * went before its event was stored).
     */
    private boolean termsShredded() {
        return redactions.contains(PersonalData.SHREDDED) || partyShredded && !RedactionPolicy.hiddenTerms(redactions).isEmpty();
    }

    /** Whether a command brings terms to hide (sealed with the key) after the case's data subject was shredded. */
    private boolean newTermsAfterShredding(List<String> terms) {
        return partyShredded && terms != null && !RedactionPolicy.hiddenTerms(terms).isEmpty();
    }

    @EventSourcingHandler
    void on(CaseFiled event) {
        caseId = event.caseId();
        bureau = event.bureau();
        authorityName = event.authorityName();
        division = event.division();
        ipType = event.ipType();
        violationType = event.violationType();
        procedure = event.procedure();
        party = event.party();
        filedOn = event.filedOn();
        actOn = event.actOn();
    }

    @EventSourcingHandler
    void on(PenaltyDecided event) {
        penaltyDecision = true;
        decisionNumber = event.decisionNumber();
        legalBasis = event.legalBasis();
        facts = event.facts();
        decidedTexts.addAll(Arrays.asList(violationType, legalBasis, facts));
    }

    @EventSourcingHandler
    void on(NoPenaltyDecided event) {
        penaltyDecision = false;
        decisionNumber = event.decisionNumber();
    }

    @EventSourcingHandler
    void on(DisclosureDecided event) {
        action = event.action();
        if (event.action() == DisclosureAction.PUBLISH) {
            recordState = RecordState.PUBLISHED;
            record = event.record();
            publishedOn = event.decidedOn();
            publicUntil = event.publicUntil();
            redactions = event.redactions() == null ? List.of() : event.redactions();
        }
    }

    /** A changed decision is disclosed again, as its next record; the record now public is withdrawn by the same command. */
    @EventSourcingHandler
    void on(DecisionRevised event) {
        if (event.kind() != RevisionKind.CHANGED) return;
        action = null;
        edition++;
        changedOn = event.effectiveOn();
        // the new record has its own deadlines
        disclosureMissed = false;
        doublePublicityMissed = false;
    }

    @EventSourcingHandler
    void on(DisclosureDeadlineMissed event) {
        disclosureMissed = true;
    }

    @EventSourcingHandler
    void on(DoublePublicityDeadlineMissed event) {
        doublePublicityMissed = true;
    }

    @EventSourcingHandler
    void on(DisclosureCorrected event) {
        record = event.record();
        if (event.redactions() != null) redactions = event.redactions();
        // what a correction made right stays right: a changed decision's next record is written from the corrected texts, not
        // from the decision's first ones (an auditor's sweep: facts corrected from 50件 to 55件 were published again as 50件 in
        // the record <decisionId>/2). The corrected texts passed the redaction policy already, and pass it again then.
        violationType = record.violationType();
        facts = record.facts();
        legalBasis = record.legalBasis();
        if (party != null && party.kind() != org.gongshi.ledger.vocabulary.PartyKind.NATURAL_PERSON && record.legalRepresentative() != null) {
            party = new Party(party.kind(), party.name(), party.uscc(), party.idNumber(), record.legalRepresentative());
        }
    }

    @EventSourcingHandler
    void on(DisclosureWithdrawn event) {
        recordState = RecordState.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(DisclosureExpired event) {
        recordState = RecordState.EXPIRED;
    }

    @EventSourcingHandler
    void on(PublicationTerminated event) {
        recordState = RecordState.TERMINATED;
    }
}
