package org.gongshi.ledger.cases.event;

/** Every event of the case lifecycle: immutable facts named after the legal act. */
public sealed interface CaseEvent permits CaseFiled, DecisionDeadlineExtended, CaseClockPaused, CaseClockResumed,
        PenaltyNoticeServed, StatementRecorded, HearingRequested, HearingConcluded, PenaltyDecided, NoPenaltyDecided,
        CaseTransferredToJudiciary, PenaltyExecuted, CaseClosed, DecisionRevised, DecisionDeadlineMissed, DecisionServed,
        ChallengeFiled, ChallengeEnded, CaseDismissed, TransferDeadlines, TransferReturned, HearingScheduled,
        CrimeSuspected, TransferApproved, TransferNotApproved, TransferDeadlineMissed {
    String caseId();
}
