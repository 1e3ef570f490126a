package org.gongshi.server.roles;

import org.gongshi.api.ApiConfiguration;
import org.gongshi.api.dev.DevTokenController;
import org.gongshi.api.security.SecurityConfiguration;
import org.gongshi.ledger.cases.Case;
import org.gongshi.projections.ProjectionsConfiguration;
import org.gongshi.projections.ReadModelConfiguration;
import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Switches the parts of the ledger on by role ({@code gongshi.roles}). */
public final class RoleConfigurations {

    private RoleConfigurations() {
    }

    /** Always: the read models every role reads, and token security for whatever endpoints are up. */
    @Configuration(proxyBeanMethods = false)
    @Import({ReadModelConfiguration.class, SecurityConfiguration.class})
    static class ReadModels {
    }

    /** command: the aggregates that decide, and (later) the schedulers that issue due commands. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnRole("command")
    static class CommandRole {
        @Bean
        ConfigurerModule caseAggregate() {
            return configurer -> configurer.configureAggregate(Case.class);
        }
    }

    /** projections: the event handlers that build the read models. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnRole("projections")
    @Import(ProjectionsConfiguration.class)
    static class ProjectionsRole {
    }

    /** api: the WebFlux endpoints. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnRole("api")
    @Import(ApiConfiguration.class)
    static class ApiRole {

        /** POST /dev/tokens, only where the embedded default enables it. */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnProperty(name = "gongshi.security.dev-tokens", havingValue = "true")
        @Import(DevTokenController.class)
        static class DevTokens {
        }
    }
}
