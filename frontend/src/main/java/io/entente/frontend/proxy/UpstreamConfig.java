package io.entente.frontend.proxy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Where the five services live; env ENTENTE_UPSTREAM_BACKLOG etc. override the local defaults. */
@ConfigMapping(prefix = "entente.upstream")
public interface UpstreamConfig {

    @WithDefault("http://127.0.0.1:8081")
    String backlog();

    @WithDefault("http://127.0.0.1:8082")
    String sprint();

    @WithDefault("http://127.0.0.1:8083")
    String decision();

    @WithDefault("http://127.0.0.1:8084")
    String governance();

    @WithDefault("http://127.0.0.1:8085")
    String notification();

    /** How long to wait for a TCP connection before calling a service unreachable. */
    @WithDefault("3s")
    Duration connectTimeout();

    /** How long one forwarded call may take (packet generation and PDF rendering included). */
    @WithDefault("60s")
    Duration requestTimeout();
}
