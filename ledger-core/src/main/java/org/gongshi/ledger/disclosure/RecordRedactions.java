package org.gongshi.ledger.disclosure;

import java.util.List;

/**
 * What a case's public record hid: the terms its bureau listed ({@code terms}), and its texts as the bureau wrote them
 * ({@code texts}), from which the redaction patterns hid third parties' names. A credit listing resting on the case hides
 * the same in its own public texts ({@link RedactionPolicy#reason}). Private: never published, never in a read model.
 */
public record RecordRedactions(List<String> terms, List<String> texts) {

    public static final RecordRedactions NONE = new RecordRedactions(List.of(), List.of());
}
