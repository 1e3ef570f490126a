package org.gongshi.server.ops;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class SettingValueFailureAnalyzerTest {

    @Configuration(proxyBeanMethods = false)
    static class Settings {
        @Bean
        String heartbeat(@Value("${gongshi.test.heartbeat:15s}") Duration heartbeat) {
            return heartbeat.toString();
        }

        @Bean
        String capacity(@Value("${gongshi.test.capacity:10}") int capacity, String heartbeat) {
            return capacity + heartbeat;
        }
    }

    private static Throwable startWith(Map<String, Object> settings) {
        return catchThrowable(() -> {
            try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
                context.getBeanFactory().setConversionService(ApplicationConversionService.getSharedInstance());
                context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("given", settings));
                context.register(Settings.class);
                context.refresh();
            }
        });
    }

    @Test
    void a_setting_that_does_not_convert_is_named_with_its_value_and_the_form_it_takes() {
        FailureAnalysis analysis = new SettingValueFailureAnalyzer().analyze(startWith(Map.of("gongshi.test.heartbeat", "zz")));

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription())
                .isEqualTo("The setting gongshi.test.heartbeat has the value \"zz\", which is not a duration (like 500ms, 30s, 10m "
                        + "or PT1M) ('zz' is not a valid duration).");
        assertThat(analysis.getAction()).startsWith("Give --gongshi.test.heartbeat a duration");
    }

    @Test
    void a_bad_count_is_named_even_when_a_bean_that_needs_it_is_what_failed() {
        FailureAnalysis analysis = new SettingValueFailureAnalyzer().analyze(startWith(Map.of("gongshi.test.capacity", "-x")));

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).startsWith("The setting gongshi.test.capacity has the value \"-x\", which is not a whole number");
    }

    @Test
    void a_value_out_of_its_range_is_said_as_the_check_that_refused_it_names_it() {
        Throwable failure = new org.springframework.beans.factory.BeanCreationException("publicTraffic", "failed",
                new IllegalArgumentException("gongshi.traffic.capacity must be more than 0, was 0.0"));

        FailureAnalysis analysis = new SettingValueFailureAnalyzer().analyze(failure);

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).isEqualTo("gongshi.traffic.capacity must be more than 0, was 0.0");
        assertThat(analysis.getAction()).contains("leave it out for its default");
        assertThat(new SettingValueFailureAnalyzer().analyze(new IllegalArgumentException("no setting named here"))).isNull();
    }

    /** An operator's sweep, stop 74: a batch size of 0 and a port of 99999 stopped the start in their libraries' words. */
    @Test
    void a_whole_number_setting_out_of_its_range_is_named_before_anything_starts() {
        for (Map.Entry<String, String> given : Map.of("gongshi.processors.batch-size", "0", "server.port", "99999").entrySet()) {
            Throwable refused = catchThrowable(() -> new SettingBounds().postProcessEnvironment(
                    new org.springframework.mock.env.MockEnvironment().withProperty(given.getKey(), given.getValue()), null));
            FailureAnalysis analysis = new SettingValueFailureAnalyzer().analyze(refused);
            assertThat(analysis).as(given.getKey()).isNotNull();
            assertThat(analysis.getDescription()).startsWith("The setting " + given.getKey() + " must be a whole number from ")
                    .endsWith(", not " + given.getValue());
        }
        for (Map.Entry<String, String> given : Map.of("gongshi.processors.batch-size", "1000", "server.port", "0").entrySet()) {
            assertThat(catchThrowable(() -> new SettingBounds().postProcessEnvironment(
                    new org.springframework.mock.env.MockEnvironment().withProperty(given.getKey(), given.getValue()), null))).isNull();
        }
    }

    @Test
    void good_settings_start_and_other_failures_are_left_to_the_other_analyzers() {
        assertThat(startWith(Map.of("gongshi.test.heartbeat", "2s", "gongshi.test.capacity", "3"))).isNull();
        assertThat(new SettingValueFailureAnalyzer().analyze(new IllegalStateException("no"))).isNull();
    }
}
