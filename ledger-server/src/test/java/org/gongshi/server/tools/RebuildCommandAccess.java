package org.gongshi.server.tools;

/** Runs {@link RebuildCommand} in the test JVM (its {@code main} exits the JVM). */
public final class RebuildCommandAccess {

    private RebuildCommandAccess() {
    }

    public static int run(String view, String url) throws Exception {
        return RebuildCommand.reporting(view, url, null);
    }
}
