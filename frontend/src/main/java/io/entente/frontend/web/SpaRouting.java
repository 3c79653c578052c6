package io.entente.frontend.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.regex.Pattern;

/**
 * History-API fallback for the single-page app: a deep link such as {@code /decisions/42} is served the app's
 * index.html (the app's router then shows the screen); API, management, BFF and asset paths are left alone.
 */
@ApplicationScoped
public class SpaRouting {

    static final List<String> SERVER_PREFIXES = List.of("/api", "/q", "/bff", "/logout", "/assets", "/calendar",
            "/pulse");
    private static final Pattern FILE = Pattern.compile(".*/[^/]+\\.[A-Za-z0-9]+$");

    void init(@Observes Router router) {
        router.get("/*").handler(rc -> {
            String path = rc.normalizedPath();
            if (isAppRoute(path)) {
                rc.reroute("/");
            } else {
                rc.next();
            }
        });
    }

    public static boolean isAppRoute(String path) {
        if (path == null || path.equals("/") || path.isEmpty()) {
            return false;
        }
        for (String prefix : SERVER_PREFIXES) {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return false;
            }
        }
        return !FILE.matcher(path).matches();
    }
}
