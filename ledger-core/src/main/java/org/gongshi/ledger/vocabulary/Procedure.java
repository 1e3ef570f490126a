package org.gongshi.ledger.vocabulary;

/** 普通程序 / 简易程序 (行政处罚法 Arts 51, 54). */
public enum Procedure { ORDINARY, SIMPLE }
