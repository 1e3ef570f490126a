package org.gongshi.projections;

import org.gongshi.projections.cases.CaseViewProjection;
import org.gongshi.projections.cases.CaseViews;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The projections role: the event handlers that build the read models. */
@Configuration(proxyBeanMethods = false)
public class ProjectionsConfiguration {

    @Bean
    CaseViewProjection caseViewProjection(CaseViews caseViews) {
        return new CaseViewProjection(caseViews);
    }
}
