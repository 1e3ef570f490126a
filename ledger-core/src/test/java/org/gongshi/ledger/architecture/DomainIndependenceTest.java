package org.gongshi.ledger.architecture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The domain never imports Spring Web, Reactor Netty or the MongoDB driver (DESIGN.md, "Modules"):
 * dependencies point one way, disclosure-api → projections → ledger-core.
 */
class DomainIndependenceTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern FORBIDDEN_IMPORT = Pattern.compile(
            "^import\\s+(static\\s+)?(org\\.springframework|reactor\\.|io\\.netty|com\\.mongodb|org\\.bson|org\\.gongshi\\.(projections|api|server))\\b.*",
            Pattern.MULTILINE);

    @Test
    void domain_sources_import_no_web_netty_mongo_or_outer_module() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(sources).as("ledger-core sources found").hasSizeGreaterThan(10);
        for (Path source : sources) {
            String text = Files.readString(source);
            assertThat(FORBIDDEN_IMPORT.matcher(text).find())
                    .as("%s imports a forbidden package: %s", source,
                            FORBIDDEN_IMPORT.matcher(text).results().map(r -> r.group()).toList())
                    .isFalse();
        }
    }

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
