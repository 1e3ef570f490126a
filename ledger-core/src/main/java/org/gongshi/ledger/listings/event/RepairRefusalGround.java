package org.gongshi.ledger.listings.event;

/**
 * A repair condition that failed, named by a refusal. The conditions are those of the SAMR repair
 * rule for the serious-dishonesty list (国市监信规〔2021〕3号: obligations fulfilled, harm removed, no
 * further heavier penalty) and of SAMR Order 45 Art 14 (no repeat of the same kind of violation).
 */
public enum RepairRefusalGround {
    /** 未履行法定义务或处罚、裁决确定的义务. */
    OBLIGATIONS_NOT_FULFILLED,
    /** 未消除不良影响 / 危害后果. */
    HARM_NOT_REMOVED,
    /** 再次发生同类失信或违法行为. */
    REPEAT_VIOLATION,
    /** 列入后又受到较重行政处罚. */
    HEAVIER_PENALTY_SINCE_LISTING
}
