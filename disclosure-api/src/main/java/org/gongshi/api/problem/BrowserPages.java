package org.gongshi.api.problem;

import org.gongshi.api.limits.Bounds;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The zh-CN pages a member of the public gets where no page template answers (a wrong link, a refused path, too many
 * requests): in the site's frame (its header, navigation, skip link and footer, as the templates' {@code fragments.html}),
 * never the API's English problem (README, "Access, tokens and input"; a sweep from outside, stop 73: a rate-limited
 * citizen and a refused path got English JSON, and the 404 page had no frame).
 */
public final class BrowserPages {

    private BrowserPages() {
    }

    static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

    private static final String WAYS_ON = "<p>请检查链接，或前往<a href=\"/\">首页</a>、<a href=\"/penalties\">查询行政处罚信息</a>、"
            + "<a href=\"/lists\">信用名单</a>。</p>";

    /** A page of the site with {@code title} and {@code body} (HTML) in its frame. */
    static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%1$s - 知识产权行政处罚信息公示</title><link rel="stylesheet" href="/css/gongshi.css"></head>
                <body><header class="site-header"><a class="skip" href="#main">跳到主要内容</a><div class="wrap">
                <a class="brand" href="/">知识产权行政处罚信息公示</a><nav aria-label="主导航"><a href="/">首页</a>
                <a href="/penalties">处罚信息查询</a><a href="/lists">信用名单</a><a href="/stats">公示统计</a></nav></div></header>
                <main id="main" class="wrap"><h1>%1$s</h1>
                %2$s
                </main><footer class="site-footer"><div class="wrap"><p>依据《市场监督管理行政处罚信息公示规定》公示。公示信息经依法处理，自然人身份证号码等个人信息不予公开。</p></div></footer></body></html>
                """.formatted(title, body);
    }

    /** A page for a member of the public who followed a wrong link (the zh-CN pages' own 404s name what was not found). */
    static final String NOT_FOUND = page("页面不存在", "<p>没有这个页面。</p>" + WAYS_ON);

    /** A page for a browser that sent a form or a method a page does not take (every page is read with GET). */
    static final String NOT_ALLOWED = page("不支持该操作", "<p>公示页面只供查阅，不接受提交。请直接打开链接。</p>" + WAYS_ON);

    /** A query or path refused before any page read it (control characters, a value too long). */
    static final String BAD_QUERY = page("查询条件有误", "<div class=\"error\" role=\"alert\"><strong>查询条件有误：</strong><span>"
            + "链接中的路径和查询参数不得含控制字符，且每项最多 " + Bounds.QUERY_VALUE + " 个字符。</span></div>" + WAYS_ON);

    /** A query that gives a parameter more than once (?page=0&page=1), on a page without a form to say it beside its field. */
    static final String REPEATED_QUERY = page("查询条件有误", "<div class=\"error\" role=\"alert\"><strong>查询条件有误：</strong><span>"
            + "链接中的同一查询参数只能出现一次（如 page、size），请删去重复的一项。</span></div>" + WAYS_ON);

    /** A path the firewall refuses (an encoded / or . segment, a //, a bad escape, a NUL …): every reason it has, said at once. */
    static final String BAD_PATH = page("链接有误", "<div class=\"error\" role=\"alert\"><strong>链接有误：</strong><span>"
            + "链接的路径中不得含控制字符、不完整的百分号编码（如 %ZZ），或编码的“/”“\\”“.”路径段。</span></div>" + WAYS_ON);

    /** Too many requests from one address; {@code seconds} until the next is taken. */
    static String tooMany(long seconds) {
        return page("访问过于频繁", "<div class=\"error\" role=\"alert\"><strong>访问过于频繁：</strong><span>本地址短时间内发出的请求过多，请 "
                + seconds + " 秒后再试。</span></div>"
                + "<p>需要大量数据的，请使用<a href=\"/api/v1/public/penalties\">数据接口</a>或信用平台数据推送。</p>");
    }

    /** A browser asking for a page: HTML accepted ahead of JSON, outside the API's and the feed's paths. */
    public static boolean browsing(String path, List<MediaType> accept) {
        if (path.startsWith("/api/") || path.startsWith("/feed/") || path.startsWith("/actuator") || path.startsWith("/.well-known/")) return false;
        List<MediaType> accepted = new ArrayList<>(accept);
        org.springframework.util.MimeTypeUtils.sortBySpecificity(accepted);
        for (MediaType type : accepted) {
            if (type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType()) return true;
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) return false;
        }
        return false;
    }

    /** Whether {@code exchange} is a browser asking for a page ({@link #browsing(String, List)}). */
    public static boolean browsing(ServerWebExchange exchange) {
        return browsing(exchange.getRequest().getPath().pathWithinApplication().value(), exchange.getRequest().getHeaders().getAccept());
    }

    /** Writes {@code html} with {@code status} from a filter. */
    static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String html) {
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(HTML);
        response.getHeaders().setContentLanguage(Locale.SIMPLIFIED_CHINESE);
        DataBuffer buffer = response.bufferFactory().wrap(html.getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }

    /** The 400 page of a refused query ({@code QueryGuard}). */
    public static Mono<Void> writeBadQuery(ServerWebExchange exchange) {
        return write(exchange, HttpStatus.BAD_REQUEST, BAD_QUERY);
    }

    /** The 400 page of a query that gives a parameter more than once (a re-test from outside, stop 75: it was told of control characters). */
    public static Mono<Void> writeRepeatedQuery(ServerWebExchange exchange) {
        return write(exchange, HttpStatus.BAD_REQUEST, REPEATED_QUERY);
    }

    /** The 400 page of a path the firewall refused. */
    public static Mono<Void> writeBadPath(ServerWebExchange exchange) {
        return write(exchange, HttpStatus.BAD_REQUEST, BAD_PATH);
    }

    /** The 429 page. */
    public static Mono<Void> writeTooMany(ServerWebExchange exchange, long seconds) {
        return write(exchange, HttpStatus.TOO_MANY_REQUESTS, tooMany(seconds));
    }
}
