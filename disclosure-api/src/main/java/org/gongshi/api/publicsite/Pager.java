package org.gongshi.api.publicsite;

import java.util.function.IntFunction;

/** The pager under a paged list on the public pages: page n of m (from 0), with links to its neighbours, the first and the last. */
public record Pager(int page, long pages, String prevUrl, String nextUrl, String firstUrl, String lastUrl) {

    /** The pager of page {@code page} of {@code size} items out of {@code total}; {@code url} links a page number. */
    static Pager of(int page, int size, long total, IntFunction<String> url) {
        long pages = (total + size - 1) / size;
        // a page past the last links the last one back, not a page further on
        return new Pager(page, pages, page > 0 ? url.apply((int) Math.min(page - 1, Math.max(0, pages - 1))) : null,
                (long) (page + 1) * size < total ? url.apply(page + 1) : null, url.apply(0),
                pages > 0 ? url.apply((int) Math.min(Integer.MAX_VALUE, pages - 1)) : null);
    }
}
