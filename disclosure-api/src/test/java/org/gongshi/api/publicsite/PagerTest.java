package org.gongshi.api.publicsite;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The pager of the public pages links only to pages that exist. */
class PagerTest {

    @Test
    void the_first_page_links_forward_only_the_last_back_only() {
        Pager first = Pager.of(0, 20, 45, n -> "/penalties?page=" + n);
        assertThat(first).isEqualTo(new Pager(0, 3, null, "/penalties?page=1", "/penalties?page=0", "/penalties?page=2"));
        Pager last = Pager.of(2, 20, 45, n -> "/penalties?page=" + n);
        assertThat(last).isEqualTo(new Pager(2, 3, "/penalties?page=1", null, "/penalties?page=0", "/penalties?page=2"));
    }

    @Test
    void a_page_past_the_last_links_back_to_the_last_and_to_the_first() {
        assertThat(Pager.of(5, 10, 12, n -> "/penalties?page=" + n)).isEqualTo(new Pager(5, 2, "/penalties?page=1", null, "/penalties?page=0", "/penalties?page=1"));
    }

    @Test
    void a_list_that_fits_on_one_page_has_no_links() {
        assertThat(Pager.of(0, 20, 20, n -> "/lists/BLACKLIST?page=" + n)).isEqualTo(new Pager(0, 1, null, null, "/lists/BLACKLIST?page=0", "/lists/BLACKLIST?page=0"));
        assertThat(Pager.of(0, 20, 0, n -> "/lists/BLACKLIST?page=" + n)).isEqualTo(new Pager(0, 0, null, null, "/lists/BLACKLIST?page=0", null));
    }

    /** What the public typed is a value, never a URI template (a fuzz from outside, stop 78: q={x} answered 500). */
    @Test
    void a_page_s_links_carry_what_was_typed_encoded() {
        assertThat(PublicPagesController.listUrl(org.gongshi.ledger.listings.event.ListType.BLACKLIST,
                new PublicQueries.ListFilter(null, "南宁{x}&a=b", null), 20, 1)).isEqualTo("/lists/BLACKLIST?q=%E5%8D%97%E5%AE%81%7Bx%7D%26a%3Db&page=1");
        assertThat(PublicPagesController.pageUrl(new java.util.LinkedHashMap<>(java.util.Map.of("q", "{x}")), 2)).isEqualTo("/penalties?q=%7Bx%7D&page=2");
        // a plus sign is written %2B: a query reads + as a space (a second fuzz: the next page searched for "A B")
        assertThat(PublicPagesController.pageUrl(new java.util.LinkedHashMap<>(java.util.Map.of("q", "A+B C")), 1)).isEqualTo("/penalties?q=A%2BB%20C&page=1");
        assertThat(PublicPagesController.listUrl(org.gongshi.ledger.listings.event.ListType.BLACKLIST,
                new PublicQueries.ListFilter(null, "+", null), 20, 0)).isEqualTo("/lists/BLACKLIST?q=%2B&page=0");
    }
}
