/**
 * Events of the credit lists (a listing's {@link org.gongshi.ledger.listings.event.ListingEvent}s and
 * the internal place-on-a-list events), and the value types the listing messages carry: list type,
 * category, subject, sanction measures, removal reasons and repair refusal grounds.
 */
package org.gongshi.ledger.listings.event;
