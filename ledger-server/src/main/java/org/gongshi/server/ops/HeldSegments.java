package org.gongshi.server.ops;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Every segment of one processor claimed in this node's name while its processor is stopped here, so that no other
 * node's processor of that name (the distributed profile runs each on every node, one of them holding a segment)
 * handles the processor's events meanwhile: a rebuild's switch replaces the live view's documents, and a write another
 * node made during it would be overwritten by the rebuild's older document and never made again.
 *
 * <p>Claims run out after the token store's claim timeout unless written: {@link #keep} extends them (the store writes
 * an extension at most once per third of the timeout, and its keeper extends claims heard from recently between two
 * calls). {@link #close} releases what is still held.
 */
final class HeldSegments implements AutoCloseable {

    private final TokenStore tokens;
    private final String processor;
    private final List<Integer> held = new ArrayList<>();

    private HeldSegments(TokenStore tokens, String processor) {
        this.tokens = tokens;
        this.processor = processor;
    }

    /**
     * Claims every segment of {@code processor}; if another node holds one, releases those it claimed and refuses,
     * naming the segment and, from {@code ownerOf}, the node that holds it (and releases them too if the store fails).
     */
    static HeldSegments claim(TokenStore tokens, String processor, IntFunction<String> ownerOf) {
        HeldSegments hold = new HeldSegments(tokens, processor);
        try {
            for (int segment : tokens.fetchSegments(processor)) {
                try {
                    tokens.fetchToken(processor, segment);
                } catch (UnableToClaimTokenException taken) {
                    throw new IllegalStateException(heldElsewhere(processor, segment, ownerOf.apply(segment)), taken);
                }
                hold.held.add(segment);
            }
            return hold;
        } catch (RuntimeException failed) {
            try {
                hold.close();
            } catch (RuntimeException alsoFailed) {
                failed.addSuppressed(alsoFailed);
            }
            throw failed;
        }
    }

    /** Why a processor's work cannot be done here: another node holds its segment. */
    static String heldElsewhere(String processor, int segment, String owner) {
        return "segment " + segment + " of processor " + processor + " is held by another node"
                + (owner == null ? "" : " ('" + owner + "')") + ": run it on that node, or stop the processor there"
                + " (each segment's owner is in the processors' health, GET /actuator/health as admin; a node that stopped"
                + " without letting go of its claim loses it after the token store's claim timeout)";
    }

    /** Extends every claim held (written at most once per third of the claim timeout); refuses if one was lost. */
    void keep() {
        for (int segment : held) tokens.extendClaim(processor, segment);
    }

    /**
     * Every held segment's token set to {@code token}; with none (an empty ledger), the segments removed, so that the
     * processor starts them again from the first event (a token store cannot hold none).
     */
    void resumeFrom(TrackingToken token) {
        if (token == null) {
            for (int segment : held) tokens.deleteToken(processor, segment);
            held.clear();
        } else {
            for (int segment : held) tokens.storeToken(token, processor, segment);
        }
    }

    /** Releases every claim still held. */
    @Override
    public void close() {
        for (int segment : held) tokens.releaseClaim(processor, segment);
        held.clear();
    }
}
