package org.gongshi.server.ops;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

import java.util.Map;

/**
 * The whole-number settings whose libraries refuse a value out of range in their own words, checked before anything starts,
 * with the setting named (an operator's sweep, stop 74: {@code gongshi.processors.batch-size=0} stopped the start with
 * Axon's "Batch size must be greater or equal to 1" under five beans' names, {@code server.port=99999} with Netty's "port
 * out of range:99999"). A value that is no whole number is left to {@link SettingValueFailureAnalyzer}, which names it.
 */
public final class SettingBounds implements EnvironmentPostProcessor {

    /** Each setting's least and greatest value. */
    static final Map<String, long[]> BOUNDS = Map.of(
            "gongshi.processors.batch-size", new long[] {1, 100_000},
            "server.port", new long[] {0, 65_535});

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        BOUNDS.forEach((setting, bounds) -> {
            String value = environment.getProperty(setting);
            if (value == null) return;
            long number;
            try {
                number = Long.parseLong(value.strip());
            } catch (NumberFormatException notAWholeNumber) {
                return;
            }
            if (number < bounds[0] || number > bounds[1]) {
                throw new IllegalArgumentException("The setting " + setting + " must be a whole number from " + bounds[0] + " to "
                        + bounds[1] + ", not " + value.strip());
            }
        });
    }
}
