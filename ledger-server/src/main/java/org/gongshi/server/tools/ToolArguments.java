package org.gongshi.server.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The tools' command lines (verify, mirror, witness) read alike: {@code --name value} or {@code --name=value} (the form the
 * ledger's own options take), {@code --help} for the usage (exit 0), and a refusal that names what is wrong (an auditor's
 * sweep: {@code verify --url=http://…} and {@code verify --mirorr f} printed the bare usage, exit 2, without a reason).
 */
final class ToolArguments {

    private ToolArguments() {
    }

    /** {@code args} with each {@code --name=value} as {@code --name} and {@code value}. */
    static String[] split(String[] args) {
        List<String> split = new ArrayList<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 2) {
                split.add(arg.substring(0, equals));
                split.add(arg.substring(equals + 1));
            } else {
                split.add(arg);
            }
        }
        return split.toArray(String[]::new);
    }

    /** Whether {@code arg} asks for the usage. */
    static boolean help(String arg) {
        return arg.equals("--help") || arg.equals("-h");
    }

    /**
     * What is wrong with a {@code --state} that is no directory, or null (an auditor's sweep: a file there failed as
     * "FAIL verifier keys: stE", its name only).
     */
    static String stateProblem(String state) {
        if (state == null || !Files.exists(Path.of(state)) || Files.isDirectory(Path.of(state))) return null;
        return "--state " + state + " is a file; give a directory, where the tool keeps the keys and heads it has seen";
    }

    /**
     * The first option given twice, said as a refusal, or null (a sweep from outside, stop 76: {@code verify --state a --state b}
     * checked only {@code b}, skipping the first state and the fork it remembered).
     */
    static String repeated(String[] args) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String arg : args) {
            if (arg.startsWith("--") && !seen.add(arg)) return arg + " is given twice; give each option once";
        }
        return null;
    }

    /** What to say of {@code arg} at position {@code i}: an option without its value, or one the tool does not take. */
    static String refusal(String[] args, int i, List<String> options) {
        return options.contains(args[i]) ? args[i] + " needs a value" : "unknown option " + args[i];
    }
}
