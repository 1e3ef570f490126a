package org.gongshi.api;

import com.mongodb.client.MongoDatabase;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.gongshi.api.cases.CaseCommandController;
import org.gongshi.api.cases.CaseQueryController;
import org.gongshi.api.cases.LedgerGateway;
import org.gongshi.api.idempotency.IdempotentCommands;
import org.gongshi.api.problem.ProblemAdvice;
import org.gongshi.api.publicsite.PublicApiController;
import org.gongshi.api.publicsite.PublicPagesController;
import org.gongshi.api.publicsite.PublicQueries;
import org.gongshi.projections.publicrecords.PublicRecords;
import org.gongshi.api.security.SecurityConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/** The API role: bureau commands, reads, problems and security. */
@Configuration(proxyBeanMethods = false)
@Import({SecurityConfiguration.class, ProblemAdvice.class, CaseCommandController.class, CaseQueryController.class,
        PublicApiController.class, PublicPagesController.class})
public class ApiConfiguration {

    @Bean
    LedgerGateway ledgerGateway(CommandGateway commandGateway) {
        return new LedgerGateway(commandGateway);
    }

    @Bean
    PublicQueries publicQueries(PublicRecords publicRecords) {
        return new PublicQueries(publicRecords);
    }

    @Bean
    IdempotentCommands idempotentCommands(MongoDatabase readModelDatabase, JsonMapper jsonMapper) {
        return new IdempotentCommands(readModelDatabase, jsonMapper);
    }
}
