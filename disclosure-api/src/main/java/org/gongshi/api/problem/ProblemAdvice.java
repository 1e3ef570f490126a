package org.gongshi.api.problem;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every controller failure goes through {@link Problems}. */
@RestControllerAdvice
public class ProblemAdvice {

    @ExceptionHandler(Throwable.class)
    ResponseEntity<ProblemDetail> handle(Throwable error) {
        return Problems.toResponse(error);
    }
}
