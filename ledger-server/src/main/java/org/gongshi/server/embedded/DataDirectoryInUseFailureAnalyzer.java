package org.gongshi.server.embedded;

import org.h2.api.ErrorCode;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

import java.sql.SQLException;

/**
 * A start on a data directory another process holds (a running server, or {@code generate} run beside one) says so in
 * two lines instead of a page of bean-creation causes: H2 locks the event store's file, and the read models' store's, to
 * the process that opened it.
 */
public final class DataDirectoryInUseFailureAnalyzer implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1
                    || cause instanceof MVStoreException store && store.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
                return new FailureAnalysis(
                        "The data directory is in use by another process: " + firstLine(cause.getMessage()),
                        "Stop the server (or the generation) that holds this data directory, or give this one another "
                                + "--gongshi.data-dir. A data directory serves one process at a time.",
                        cause);
            }
            if (cause.getCause() == cause) break;
        }
        return null;
    }

    /** H2's message up to its advice, which is for another way of running it (its server mode). */
    private static String firstLine(String message) {
        if (message == null) return "its store is locked";
        int end = message.indexOf('\n');
        String line = end < 0 ? message : message.substring(0, end);
        int advice = line.indexOf(". Possible solutions");
        return advice < 0 ? line : line.substring(0, advice);
    }
}
