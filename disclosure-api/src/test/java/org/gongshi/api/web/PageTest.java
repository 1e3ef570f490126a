package org.gongshi.api.web;

import org.gongshi.api.problem.InvalidRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A list's {@code page} and {@code size}: a bad one is refused naming the parameter's own bound (audit: it named int's range). */
class PageTest {

    @Test
    void absent_page_and_size_are_the_first_page_of_twenty() {
        assertThat(Page.request(null, null)).isEqualTo(new Page.Request(0, 20));
        assertThat(Page.request("", " ")).isEqualTo(new Page.Request(0, 20));
        assertThat(Page.request(" 3 ", "100")).isEqualTo(new Page.Request(3, 100));
        assertThat(Page.request(String.valueOf(Integer.MAX_VALUE), "1")).isEqualTo(new Page.Request(Integer.MAX_VALUE, 1));
    }

    @Test
    void a_bad_page_or_size_names_its_own_bound() {
        for (String size : new String[]{"abc", "0", "101", "-1", "1.5", "99999999999", "999999999999999999999"}) {
            InvalidRequest refused = catchThrowableOfType(InvalidRequest.class, () -> Page.request(null, size));
            assertThat(refused.errors()).as(size).containsExactly(new InvalidRequest.FieldProblem("size", "must be a whole number from 1 to 100"));
        }
        for (String page : new String[]{"abc", "-1", "99999999999", "2147483648", "0x10"}) {
            InvalidRequest refused = catchThrowableOfType(InvalidRequest.class, () -> Page.request(page, null));
            assertThat(refused.errors()).as(page)
                    .containsExactly(new InvalidRequest.FieldProblem("page", "must be a whole number from 0 to 2147483647"));
        }
        assertThat(catchThrowableOfType(InvalidRequest.class, () -> Page.request("x", "y")).errors()).extracting(InvalidRequest.FieldProblem::field)
                .containsExactly("page", "size");
    }
}
