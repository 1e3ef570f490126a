/**
 * Commands of the credit lists: propose, decide, sanction, repair and remove a listing (addressed by
 * {@code listingId}), and occupy or vacate a subject's place on a list (addressed by {@code slotId}).
 */
package org.gongshi.ledger.listings.command;
