package org.gongshi.api.input;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** A request target in raw UTF-8, as curl sends it, reads as the text that was meant. */
class RawRequestTargetsTest {

    /** The request line as Netty keeps it: each byte one character. */
    static String asNettyReadsIt(String target) {
        return new String(target.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    @Test
    void raw_utf8_and_characters_a_uri_may_not_hold_are_percent_encoded_as_a_browser_sends_them() {
        String encoded = RawRequestTargets.encoded(asNettyReadsIt("/api/v1/public/penalties?q=示例商贸&types=a|b"));
        assertThat(encoded).isEqualTo("/api/v1/public/penalties?q=%E7%A4%BA%E4%BE%8B%E5%95%86%E8%B4%B8&types=a%7Cb");
        URI uri = URI.create(encoded);
        assertThat(URLDecoder.decode(uri.getRawQuery(), StandardCharsets.UTF_8)).isEqualTo("q=示例商贸&types=a|b");
    }

    @Test
    void a_target_already_encoded_stays_as_it_was() {
        assertThat(RawRequestTargets.encoded("/api/v1/public/penalties?q=%E7%A4%BA&page=0")).isNull();
        assertThat(RawRequestTargets.encoded("/penalties/abc%2F2")).isNull();
    }

    /** The third audit from outside: {@code q=50%} and {@code %ZZ} were an empty 400; a lone percent sign is a percent sign. */
    @Test
    void a_percent_sign_that_begins_no_escape_is_a_percent_sign() {
        assertThat(RawRequestTargets.encoded("/api/v1/public/penalties?q=50%")).isEqualTo("/api/v1/public/penalties?q=50%25");
        assertThat(RawRequestTargets.encoded("/penalties?q=%ZZ&page=%2")).isEqualTo("/penalties?q=%25ZZ&page=%252");
        assertThat(URI.create(RawRequestTargets.encoded("/penalties?q=%")).getQuery()).isEqualTo("q=%");
    }
}
