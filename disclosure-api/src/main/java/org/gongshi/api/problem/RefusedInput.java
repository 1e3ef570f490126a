package org.gongshi.api.problem;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A request body value refused by the strict reading of JSON (dates only as ISO strings, text only
 * as visible strings): its message says what to send, and {@link Problems} shows it as that
 * field's error.
 */
public final class RefusedInput extends MismatchedInputException {

    public RefusedInput(JsonParser p, String message, Class<?> target) {
        super(p, message, target);
    }
}
