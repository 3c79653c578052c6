package io.entente.frontend.security;

import java.net.URI;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Double-submit CSRF protection: the BFF sets a random token in an HttpOnly cookie and hands the same value to the
 * app in {@code /bff/session}; every state-changing call must echo it in {@code X-CSRF-Token}. A page on another
 * origin can make the browser send the cookie but can read neither the cookie nor the session answer, so it cannot
 * produce the header. A present Origin header must also be ours.
 */
public final class CsrfGuard {

    public static final String COOKIE = "entente-csrf";
    public static final String HEADER = "X-CSRF-Token";
    static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private static final SecureRandom RANDOM = new SecureRandom();

    private CsrfGuard() {
    }

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * @param host the Host header the request came with (host[:port])
     * @return why the call is refused, or empty when it may go on
     */
    public static Optional<String> check(String method, String cookieToken, String headerToken, String origin,
            String host) {
        if (SAFE_METHODS.contains(method.toUpperCase(Locale.ROOT))) {
            return Optional.empty();
        }
        if (origin != null && !origin.isBlank() && !"null".equals(origin) && host != null
                && !sameHost(origin, host)) {
            return Optional.of("the request came from another site (" + origin + ")");
        }
        if (cookieToken == null || cookieToken.isBlank()) {
            return Optional.of("the CSRF cookie is missing; reload the page");
        }
        if (headerToken == null || headerToken.isBlank()) {
            return Optional.of("the " + HEADER + " header is missing");
        }
        if (!MessageDigest.isEqual(cookieToken.getBytes(StandardCharsets.UTF_8),
                headerToken.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of("the " + HEADER + " header does not match this session; reload the page");
        }
        return Optional.empty();
    }

    static boolean sameHost(String origin, String host) {
        try {
            URI uri = URI.create(origin);
            String authority = uri.getRawAuthority();
            if (authority == null) {
                return false;
            }
            if (authority.equalsIgnoreCase(host)) {
                return true;
            }
            // Default ports are left out of one and not the other.
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            return (uri.getHost() + ":" + port).equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
