package org.gongshi.server.ops;

import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.InjectionPoint;
import org.springframework.beans.factory.UnsatisfiedDependencyException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

import java.time.Duration;

/**
 * A setting read with {@code @Value} whose value does not convert (a duration "zz", a count "abc") is named at the start,
 * with the value and the form it takes, where Spring's own report names only the type and the chain of beans that needed
 * it; a value that converts but is out of its range is refused where it is read, by a message that names the setting, which
 * is said in the same short form (a re-test, stop 73: a stack trace of 119 lines). (Settings bound to
 * {@code @ConfigurationProperties}, Axon's among them, are named by Spring Boot's own analyzer.)
 */
public final class SettingValueFailureAnalyzer implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        String setting = null;
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof UnsatisfiedDependencyException unsatisfied) {
                String named = setting(unsatisfied.getInjectionPoint());
                if (named != null) setting = named;
            }
            // a value that converts but is out of its range, refused where it is read with a message that names the setting
            if ((cause instanceof IllegalArgumentException || cause instanceof IllegalStateException) && cause.getMessage() != null
                    && SETTING.matcher(cause.getMessage()).find()) {
                return new FailureAnalysis(cause.getMessage(), "Correct the setting it names, or leave it out for its default (README).",
                        cause);
            }
            if (cause instanceof TypeMismatchException mismatch && setting != null) {
                Class<?> type = mismatch.getRequiredType();
                return new FailureAnalysis(
                        "The setting " + setting + " has the value \"" + mismatch.getValue() + "\", which is not " + form(type)
                                + innermost(mismatch),
                        "Give --" + setting + " " + form(type) + ", or leave it out for its default.", mismatch);
            }
        }
        return null;
    }

    /**
     * A message that names one of the ledger's settings (gongshi.traffic.capacity must be …), the server's port, or the
     * profiles ({@link SettingValues}: one this jar does not have).
     */
    private static final java.util.regex.Pattern SETTING = java.util.regex.Pattern.compile(
            "(?<![\\w.])(?:gongshi\\.[a-z][a-z.-]*[a-z]|server\\.port|spring\\.profiles\\.active)\\b");

    /** The setting an {@code @Value("${name:default}")} injection point reads, or null if it reads none. */
    static String setting(InjectionPoint point) {
        if (point == null) return null;
        Value value = point.getAnnotation(Value.class);
        if (value == null) return null;
        String expression = value.value();
        int start = expression.indexOf("${");
        if (start < 0) return null;
        int end = start + 2;
        while (end < expression.length() && expression.charAt(end) != ':' && expression.charAt(end) != '}') end++;
        return expression.substring(start + 2, end);
    }

    private static String form(Class<?> type) {
        if (type == null) return "of the form it takes";
        if (type == Duration.class) return "a duration (like 500ms, 30s, 10m or PT1M)";
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) return "a whole number";
        if (type == boolean.class || type == Boolean.class) return "true or false";
        if (type == double.class || type == Double.class) return "a number";
        return "a " + type.getSimpleName();
    }

    private static String innermost(Throwable mismatch) {
        Throwable root = mismatch;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root == mismatch || root.getMessage() == null ? "." : " (" + root.getMessage() + ").";
    }
}
