package org.gongshi.server;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Boot reads a {@code .properties} file as ISO-8859-1: a bureau's name written there in UTF-8 became
 * {@code åäº¬å¸…} in every public record and signed feed entry that named it. Every file the server's
 * configuration reads holds only ASCII outside its comments (names as backslash-u escapes), and the names read as
 * registered.
 */
class PropertiesFilesTest {

    private static final List<Path> READ_BY_SPRING = List.of(Path.of("src/main/resources/application.properties"),
            Path.of("src/main/resources/application-embedded.properties"),
            Path.of("src/main/resources/application-distributed.properties"),
            Path.of("..", "deploy", "bureaus.properties"));

    @Test
    void every_properties_file_the_server_reads_is_ascii_outside_its_comments() throws IOException {
        for (Path file : READ_BY_SPRING) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            assertThat(lines).as(file.toString()).isNotEmpty().allSatisfy(line -> {
                if (!line.stripLeading().startsWith("#")) {
                    assertThat(line.chars().allMatch(c -> c < 128)).as(file + ": " + line).isTrue();
                }
            });
        }
    }

    @Test
    void a_bureaus_registered_name_reads_as_written_in_the_embedded_default_and_the_distributed_registration() throws IOException {
        assertThat(read("src/main/resources/application-embedded.properties", "gongshi.bureaus.registered.111101050000000191"))
                .isEqualTo("北京市朝阳区市场监督管理局（演示）");
        assertThat(read("src/main/resources/application-embedded.properties", "gongshi.bureaus.unregistered-name"))
                .isEqualTo("未登记机关（开发用，{bureau}）");
        assertThat(read("../deploy/bureaus.properties", "gongshi.bureaus.registered.11310115000000027Q"))
                .isEqualTo("上海市浦东新区知识产权局");
    }

    private static Object read(String file, String key) throws IOException {
        List<PropertySource<?>> sources = new PropertiesPropertySourceLoader().load(file, new FileSystemResource(file));
        return sources.get(0).getProperty(key);
    }
}
