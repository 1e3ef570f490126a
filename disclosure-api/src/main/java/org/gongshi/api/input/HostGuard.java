package org.gongshi.api.input;

import org.gongshi.api.problem.InvalidRequest;
import org.gongshi.api.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * RFC 9112 §3.2: a request sends {@code Host} once, and an HTTP/1.1 request sends it: none or two is a 400 naming it, on every
 * path, pages too, before anything else reads the request (a token's 401 came first: a re-test from outside, stop 85). Two
 * were read as the first (a sweep from outside, stop 84: {@code /dev/tokens} minted a token for one order and refused the
 * other); none was answered. Runs before Spring Security, so the refusal carries the security headers itself. With it, the
 * rest of what the request line and Host must say (a Host that is no host, a target in absolute form naming another host, a
 * version other than HTTP/1.1 or 1.0: 505), and, as the outermost filter, the web layer's failed answer to a request the
 * connection has answered itself.
 */
public class HostGuard implements WebFilter, Ordered {

    /** Before Spring Security's filter chain (-100). */
    @Override
    public int getOrder() {
        return -101;
    }

    /** A Host value as RFC 3986 §3.2.2 writes a host (a name, an IPv4 address or a bracketed IP literal) and its port; empty is one. */
    private static final java.util.regex.Pattern HOST_VALUE = java.util.regex.Pattern.compile(
            "(?:\\[[0-9A-Fa-f:.vV]+]|[A-Za-z0-9._~!$&'()*+,;=%-]*)(?::([0-9]*))?");
    /** The largest port number (a TCP port is 16 bits). */
    private static final int LAST_PORT = 65_535;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        org.springframework.http.HttpStatus refused = org.springframework.http.HttpStatus.BAD_REQUEST;
        String field = HttpHeaders.HOST;
        List<String> hosts = exchange.getRequest().getHeaders().get(HttpHeaders.HOST);
        String problem = hosts != null && hosts.size() > 1 ? "must be sent once (it was sent " + hosts.size() + " times)"
                : (hosts == null || hosts.isEmpty()) && http11(exchange)
                ? "is required in an HTTP/1.1 request (RFC 9112 §3.2): send the server's name and port as you reached it"
                : hosts != null && !hosts.isEmpty() ? noHost(hosts.get(0)) : null;
        // a target in absolute form names the host the request is for (RFC 9112 §3.2.2), which the server's own checks read from
        // Host: one naming another host than Host was taken as addressed to Host's (a re-test from outside, stop 86: POST
        // http://evil.example/dev/tokens with a loopback Host minted a token)
        String target = target(exchange);
        if (problem == null && hosts != null && !hosts.isEmpty() && target != null && target.contains("://")) {
            String authority;
            try {
                authority = java.net.URI.create(target).getRawAuthority();
            } catch (IllegalArgumentException noUri) {
                authority = null;
            }
            if (authority == null || !authority.equalsIgnoreCase(hosts.get(0))) {
                problem = "names \"" + printable(hosts.get(0)) + "\" where the request target names \"" + printable(String.valueOf(authority))
                        + "\": they must name the same host (RFC 9112 §3.2.2), or send the path alone";
            }
        }
        // a request line in another version than HTTP/1.0 or 1.1 (HTTP/3.0, HTTP/1.2) was answered as if it were one (a sweep of
        // the transport from outside, stop 86); RFC 9110 §15.6.6
        String version = version(exchange);
        if (problem == null && version != null && !version.equals("HTTP/1.1") && !version.equals("HTTP/1.0")) {
            refused = org.springframework.http.HttpStatus.HTTP_VERSION_NOT_SUPPORTED;
            problem = versionNotSupported(version);
        }
        if (problem == null) return chain.filter(exchange).onErrorResume(failure -> answeredByTheConnection(exchange, failure), failure -> Mono.empty());
        org.gongshi.api.problem.SecurityHeaders.ALL.forEach(exchange.getResponse().getHeaders()::set);
        return refused == org.springframework.http.HttpStatus.BAD_REQUEST ? Problems.write(exchange, InvalidRequest.of(field, problem))
                : Problems.write(exchange, refused, VERSION_NOT_SUPPORTED, problem);
    }

    /** The title of a 505. */
    static final String VERSION_NOT_SUPPORTED = "HTTP version not supported";

    /**
     * The detail of the 505 to a request line in {@code version}, another than HTTP/1.1 or 1.0: also for the connection's own
     * refusal of one it cannot read ({@code OversizedRequests}: HTTP/2.0 got the generic 400, a re-test from outside, stop 87).
     */
    static String versionNotSupported(String version) {
        return "The HTTP version of the request line, " + printable(version) + ", is none this server speaks: send HTTP/1.1 (or HTTP/1.0)";
    }

    /**
     * Whether the connection has answered the request itself (Reactor Netty's 400 to a body whose chunks are malformed, sent
     * while the web layer was still at work): the web layer's own answer then fails, "Status and headers already sent", and was
     * logged as a 500 Server Error with its stack trace, one for every such request anybody sent (a sweep of the transport
     * from outside, stop 86). The client has its 400; nothing is left to answer or to log.
     */
    private static boolean answeredByTheConnection(ServerWebExchange exchange, Throwable failure) {
        Object response = org.springframework.http.server.reactive.ServerHttpResponseDecorator.getNativeResponse(exchange.getResponse());
        return failure instanceof IllegalStateException && "Status and headers already sent".equals(failure.getMessage())
                && response instanceof reactor.netty.http.server.HttpServerResponse netty && netty.hasSentHeaders();
    }

    /**
     * What is wrong with {@code host}, a Host header's value, when it is no host and port (RFC 9112 §3.2); null when it is one.
     * Also for the connection's own refusal of a Host whose port is no number ({@code OversizedRequests}).
     */
    static String noHost(String host) {
        java.util.regex.Matcher value = HOST_VALUE.matcher(host);
        // a port with no host before it (":8080") names no host (a sweep from outside, stop 88: answered); an empty Host stays
        // allowed, as RFC 9112 §3.2 has a client with no authority send it
        if (!value.matches() || host.startsWith(":")) {
            return "must be a host name or address and its port, as you reached the server (RFC 9112 §3.2); \"" + printable(asSent(host)) + "\" is none";
        }
        // a port past 65535 was answered, and an empty one (RFC 3986 allows it; the connection refuses it) got the generic 400
        // (a re-test of the transport from outside, stop 87)
        String port = value.group(1);
        return port == null || !port.isEmpty() && port.length() <= 5 && Integer.parseInt(port) <= LAST_PORT ? null
                : "names the port \"" + printable(port) + "\" in \"" + printable(host) + "\": a port is a number from 0 to " + LAST_PORT
                + " (RFC 3986 §3.2.3); send the port you reached the server on, or the host alone";
    }

    /** The request line's target as the server read it (a path, or a whole URI in absolute form), or null when it does not say. */
    private static String target(ServerWebExchange exchange) {
        reactor.netty.http.server.HttpServerRequest request = nativeRequest(exchange);
        return request == null ? null : request.uri();
    }

    /** The request line's version as the server read it (HTTP/1.1), or null when the server does not say. */
    private static String version(ServerWebExchange exchange) {
        reactor.netty.http.server.HttpServerRequest request = nativeRequest(exchange);
        return request == null ? null : request.version().text();
    }

    private static reactor.netty.http.server.HttpServerRequest nativeRequest(ServerWebExchange exchange) {
        Object request = org.springframework.http.server.reactive.ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
        return request instanceof reactor.netty.http.server.HttpServerRequest netty ? netty : null;
    }

    /**
     * A header's value as the client wrote it: the connection reads a header's bytes one to a character (ISO-8859-1), so UTF-8
     * sent there (１８８８３) was echoed as mojibake (a sweep from outside, stop 88); bytes that are no UTF-8 stay as read.
     */
    private static String asSent(String header) {
        if (header.chars().allMatch(c -> c < 0x80) || header.chars().anyMatch(c -> c > 0xFF)) return header;
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(
                    header.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))).toString();
        } catch (java.nio.charset.CharacterCodingException notUtf8) {
            return header;
        }
    }

    /** A client's value as it may stand in an answer: at most 100 characters, control characters shown as \\u escapes. */
    private static String printable(String value) {
        StringBuilder shown = new StringBuilder();
        value.codePoints().limit(100).forEach(c -> shown.append(Character.isISOControl(c) ? String.format("\\u%04x", c) : Character.toString(c)));
        return shown.toString();
    }

    /** Whether the request came over HTTP/1.1 (as the server read it; false when the server does not say). */
    static boolean http11(ServerWebExchange exchange) {
        return "HTTP/1.1".equals(version(exchange));
    }
}
