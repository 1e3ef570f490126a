package org.gongshi.api;

import com.mongodb.client.MongoDatabase;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.gongshi.api.cases.CaseCommandController;
import org.gongshi.api.cases.CaseQueryController;
import org.gongshi.api.cases.LedgerGateway;
import org.gongshi.api.idempotency.IdempotentCommands;
import org.gongshi.api.problem.ProblemAdvice;
import org.gongshi.api.security.SecurityConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/** The API role: bureau commands, reads, problems and security. */
@Configuration(proxyBeanMethods = false)
@Import({SecurityConfiguration.class, ProblemAdvice.class, CaseCommandController.class, CaseQueryController.class})
public class ApiConfiguration {

    @Bean
    LedgerGateway ledgerGateway(CommandGateway commandGateway) {
        return new LedgerGateway(commandGateway);
    }

    @Bean
    IdempotentCommands idempotentCommands(MongoDatabase readModelDatabase, JsonMapper jsonMapper) {
        return new IdempotentCommands(readModelDatabase, jsonMapper);
    }
}
