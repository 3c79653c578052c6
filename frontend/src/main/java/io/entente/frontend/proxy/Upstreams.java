package io.entente.frontend.proxy;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The services the BFF forwards to, by the name used in {@code /api/<service>/...}. */
public final class Upstreams {

    private final Map<String, URI> bases;

    public Upstreams(Map<String, String> baseUrls) {
        Map<String, URI> map = new LinkedHashMap<>();
        baseUrls.forEach((name, url) -> map.put(name, URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url)));
        this.bases = Map.copyOf(map);
    }

    public static Upstreams of(UpstreamConfig config) {
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("backlog", config.backlog());
        urls.put("sprint", config.sprint());
        urls.put("decision", config.decision());
        urls.put("governance", config.governance());
        urls.put("notification", config.notification());
        return new Upstreams(urls);
    }

    public Optional<URI> base(String service) {
        return Optional.ofNullable(bases.get(service));
    }

    /**
     * The upstream URI for {@code /api/<service>/<path>?<query>}: the services keep their resources under
     * {@code /api}, so {@code /api/backlog/backlog-items} becomes {@code <backlog>/api/backlog-items}.
     */
    public Optional<URI> target(String service, String path, String rawQuery) {
        return base(service).map(base -> {
            String clean = path == null ? "" : path.startsWith("/") ? path.substring(1) : path;
            String uri = base + "/api/" + clean + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery);
            return URI.create(uri);
        });
    }

    /** The upstream URI for a path outside the services' {@code /api} (e.g. the public calendar feed). */
    public Optional<URI> rootTarget(String service, String absolutePath, String rawQuery) {
        return base(service).map(base -> URI.create(base + (absolutePath.startsWith("/") ? "" : "/") + absolutePath
                + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery)));
    }

    /**
     * Maps a Location the service answered with (absolute or not) back into the BFF's {@code /api/<service>} space,
     * so the browser never sees a service's own address.
     */
    public String rewriteLocation(String service, String location) {
        if (location == null || location.isBlank()) {
            return location;
        }
        URI uri = URI.create(location);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (uri.isAbsolute()) {
            URI base = bases.get(service);
            boolean sameService = base != null && base.getHost() != null
                    && base.getHost().equalsIgnoreCase(uri.getHost()) && port(base) == port(uri);
            boolean loopback = uri.getHost() != null
                    && (uri.getHost().equals("localhost") || uri.getHost().startsWith("127."));
            if (!sameService && !loopback) {
                return location; // somewhere else entirely (never expected from our services): leave it alone
            }
        }
        String rest = path.startsWith("/api/") ? path.substring("/api".length()) : path.startsWith("/") ? path : "/" + path;
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return "/api/" + service + rest + query;
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
