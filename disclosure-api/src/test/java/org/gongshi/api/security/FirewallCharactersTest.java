package org.gongshi.api.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The firewall's characters, tested a character at a time, answer as Spring Security's own predicates for every code point. */
class FirewallCharactersTest {

    @Test
    void every_code_point_is_allowed_or_refused_as_the_firewall_itself_decides() {
        int checked = 0;
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            String alone = new String(Character.toChars(c));
            String within = "a" + alone + "b";
            same(FirewallCharacters.NAMES, StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES, alone, within);
            same(FirewallCharacters.NAMES, StrictServerWebExchangeFirewall.ALLOWED_PARAMETER_NAMES, alone, within);
            same(FirewallCharacters.HEADER_VALUES, StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES, alone, within);
            checked++;
        }
        assertThat(checked).isEqualTo(Character.MAX_CODE_POINT + 1);
    }

    @Test
    void headers_as_clients_send_them_and_the_characters_that_are_refused() {
        for (String text : List.of("", "Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.x", "text/html; q=0.9", "a\tb", "a\r\nb", "a\u0000",
                "a\u007f", "a\u0085", "中文名称", "\ud83d\ude00", "\ud800", "a\udc00b", "\u2028", "\ufffe", "\u0378")) {
            same(FirewallCharacters.NAMES, StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES, text, text + text);
            same(FirewallCharacters.HEADER_VALUES, StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES, text, text + text);
        }
        // a header asked for and absent (getFirst answers null, and the firewall tests it)
        same(FirewallCharacters.NAMES, StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES, (String) null);
        same(FirewallCharacters.HEADER_VALUES, StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES, (String) null);
        assertThat(FirewallCharacters.HEADER_VALUES.test("a\tb")).isTrue();
        assertThat(FirewallCharacters.NAMES.test("a\tb")).isFalse();
        assertThat(FirewallCharacters.HEADER_VALUES.test("a\nb")).isFalse();
        assertThat(FirewallCharacters.HEADER_VALUES.test("\u0378")).isFalse(); // unassigned
    }

    private static void same(Predicate<String> ours, Predicate<String> firewalls, String... texts) {
        for (String text : texts) {
            if (ours.test(text) != firewalls.test(text)) {
                throw new AssertionError("differs from the firewall's own predicate for " + (text == null ? null : text.codePoints()
                        .mapToObj(Integer::toHexString).toList()) + ": ours " + ours.test(text));
            }
        }
    }
}
