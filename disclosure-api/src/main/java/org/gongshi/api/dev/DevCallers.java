package org.gongshi.api.dev;

import org.gongshi.api.problem.Forbidden;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Who may call a door of the embedded default ({@code /dev/tokens}, {@code /dev/clock}): a process on this machine that
 * addresses it by a loopback name. The caller's address alone is not enough: a web page the developer opens can have its
 * name rebound to 127.0.0.1 (DNS rebinding), and the browser then calls from loopback, as the page's own origin, and reads
 * the answer, a token with any role or a clock moved on (a security sweep from outside, stop 75: {@code Host:
 * attacker.example} was answered 200). So the request must also be addressed to {@code localhost}, a 127.x.x.x address or
 * {@code [::1]}, and come from no web page of another origin.
 */
final class DevCallers {

    private static final Pattern LOOPBACK_V4 = Pattern.compile("127(?:\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    private DevCallers() {
    }

    static void require(ServerHttpRequest request, String door) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null || remote.getAddress() == null || !remote.getAddress().isLoopbackAddress()) {
            throw new Forbidden(door + " answers loopback callers only");
        }
        String host = request.getHeaders().getFirst(HttpHeaders.HOST);
        if (host == null || !loopbackName(hostOf(host))) {
            throw new Forbidden(door + " answers requests addressed to localhost, 127.0.0.1 or [::1] only (the Host header names"
                    + " another name: a web page whose name was rebound to this machine could call it)");
        }
        // a page of this server's own origin only: another loopback port is another origin, any local dev server's page (a
        // security sweep from outside, stop 79: Origin http://127.0.0.1:3000 minted a token)
        String origin = request.getHeaders().getFirst(HttpHeaders.ORIGIN);
        if (origin != null && !thisOrigin(origin, host)) {
            throw new Forbidden(door + " answers no request a web page of another origin makes (its Origin header names no loopback"
                    + " name, or another port than the request is addressed to)");
        }
    }

    /**
     * Whether a browser's {@code Origin} is a page of this server: a loopback name (localhost and 127.0.0.1 are one machine;
     * no page can be rebound to either) and the port the request is addressed to ({@code Host}).
     */
    private static boolean thisOrigin(String origin, String hostHeader) {
        try {
            URI from = URI.create(origin.strip());
            if (from.getHost() == null || !"http".equalsIgnoreCase(from.getScheme()) && !"https".equalsIgnoreCase(from.getScheme())) return false;
            int fromPort = from.getPort() >= 0 ? from.getPort() : "https".equalsIgnoreCase(from.getScheme()) ? 443 : 80;
            String h = hostHeader.strip();
            int portAt = h.lastIndexOf(':');
            int toPort = portAt > h.lastIndexOf(']') && portAt >= 0 ? Integer.parseInt(h.substring(portAt + 1)) : fromPort == 443 ? 443 : 80;
            return loopbackName(originHost(origin)) && fromPort == toPort;
        } catch (IllegalArgumentException notAnOrigin) { // NumberFormatException too
            return false;
        }
    }

    /** The name of a Host header, without its port ({@code [::1]:8080} → {@code ::1}). */
    private static String hostOf(String hostHeader) {
        String h = hostHeader.strip();
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? "" : h.substring(1, end);
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    private static String originHost(String origin) {
        try {
            String host = URI.create(origin.strip()).getHost();
            if (host == null) return "";
            return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        } catch (IllegalArgumentException notAnOrigin) {
            return "";
        }
    }

    static boolean loopbackName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".")) n = n.substring(0, n.length() - 1);
        return n.equals("localhost") || LOOPBACK_V4.matcher(n).matches() || n.equals("::1") || n.equals("0:0:0:0:0:0:0:1");
    }
}
