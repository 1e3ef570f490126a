package org.gongshi.api.problem;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.util.DisconnectedClientHelper;

/** Every controller failure goes through {@link Problems}. */
@RestControllerAdvice
public class ProblemAdvice {

    /**
     * The problem for {@code error}; a client that went away (closed the connection while its answer was being written,
     * e.g. a feed reader that had read enough) is not answered: its error goes on to WebFlux, which notes a lost client,
     * where a problem could only fail on the answer already begun and be logged as an unexpected failure.
     */
    @ExceptionHandler(Throwable.class)
    ResponseEntity<ProblemDetail> handle(Throwable error) throws Throwable {
        if (DisconnectedClientHelper.isClientDisconnectedException(error)) throw error;
        return Problems.toResponse(error);
    }
}
