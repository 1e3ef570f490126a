package org.gongshi.api.web;

import org.gongshi.projections.transparency.Cosignatures;

import java.util.Arrays;
import java.util.List;

/**
 * The witnesses whose cosignatures the logs accept ({@code gongshi.witness.verifier-keys}: C2SP
 * cosignature/v1 verifier keys {@code <name>+<key ID>+base64(0x04 || key)}, comma-separated).
 */
public record WitnessKeys(List<Cosignatures.Witness> witnesses) {

    public static WitnessKeys parse(String commaSeparated) {
        return new WitnessKeys(Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(Cosignatures.Witness::parse).toList());
    }
}
