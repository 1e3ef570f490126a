package org.gongshi.server;

import org.axonframework.messaging.timeout.TaskTimeoutSettings;
import org.axonframework.springboot.TimeoutProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.io.FileSystemResource;

import java.io.IOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A processor's batch is not interrupted for being slow. Axon interrupts an event processor's unit of work after 60 s by
 * default; a batch of 1,000 events took 10-25 s while every processor caught up on 2 cores (100,000 cases) and passed
 * 60 s with audit readers beside them (20,000 cases, stop 47): Axon interrupted it, the batch was rolled back and begun
 * again as slowly. The server's own settings, bound as Axon's auto-configuration binds them (a misspelt key would leave
 * the default), interrupt only a batch that hangs.
 */
class ProcessorBatchTimeoutTest {

    @Test
    void a_processors_batch_is_interrupted_only_after_ten_minutes_with_a_warning_each_minute_from_the_second() throws IOException {
        MutablePropertySources sources = new MutablePropertySources();
        String file = "src/main/resources/application.properties";
        new PropertiesPropertySourceLoader().load(file, new FileSystemResource(file)).forEach(sources::addLast);
        TimeoutProperties timeouts = new Binder(ConfigurationPropertySources.from(sources))
                .bind("axon.timeout", TimeoutProperties.class).orElseGet(TimeoutProperties::new);

        assertThat(timeouts.isEnabled()).as("Axon's timeouts stay on: a handler that hangs is still interrupted").isTrue();
        TaskTimeoutSettings processors = timeouts.getTransaction().getEventProcessors();
        assertThat(Duration.ofMillis(processors.getTimeoutMs())).as("a batch's time before Axon interrupts it")
                .isEqualTo(Duration.ofMinutes(10));
        assertThat(Duration.ofMillis(processors.getWarningThresholdMs())).as("its first warning").isEqualTo(Duration.ofMinutes(2));
        assertThat(Duration.ofMillis(processors.getWarningIntervalMs())).as("between warnings").isEqualTo(Duration.ofMinutes(1));
    }
}
