package org.gongshi.server.schedule;

import com.mongodb.client.MongoDatabase;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.gongshi.server.roles.ConditionalOnRole;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The command role's deadline mechanism: the schedule in MongoDB, filled by {@link DeadlineScheduling}, fired by {@link DeadlineRunner}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole("command")
public class DeadlineConfiguration {

    @Bean
    DeadlineSchedule deadlineSchedule(MongoDatabase readModelDatabase) {
        return new DeadlineSchedule(readModelDatabase);
    }

    /**
     * The schedule is written to MongoDB only, so its processor runs without the event store's JDBC
     * transaction and stores its token after the entries (see RoleConfigurations.ProjectionsRole).
     */
    @Bean
    ConfigurerModule deadlineScheduleStoresTokenAfterItsEntries() {
        return configurer -> configurer.eventProcessing()
                .registerTransactionManager(DeadlineScheduling.PROCESSING_GROUP, c -> NoTransactionManager.instance());
    }
}
