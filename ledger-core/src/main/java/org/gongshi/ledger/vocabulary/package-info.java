/**
 * The shared vocabulary of the ledger, below cases, disclosure, policy and listings: the kinds of
 * IP, party, penalty, procedure and revision, the party and penalty values, and the metadata keys
 * every command carries. It depends on nothing but {@link org.gongshi.ledger.identity}.
 */
package org.gongshi.ledger.vocabulary;
