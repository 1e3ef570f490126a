package org.gongshi.ledger.architecture;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The web stack, Netty, the MongoDB driver and the outer modules are not even on ledger-core's classpath. */
class DomainClasspathTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "org.springframework.web.bind.annotation.RestController",
            "org.springframework.web.reactive.function.server.RouterFunction",
            "reactor.netty.http.server.HttpServer",
            "com.mongodb.client.MongoClient",
            "org.bson.Document",
            "org.gongshi.projections.cases.CaseViews"})
    void forbidden_module_is_not_on_the_domain_classpath(String className) {
        assertThatThrownBy(() -> Class.forName(className, false, getClass().getClassLoader()))
                .isInstanceOf(ClassNotFoundException.class);
    }
}
