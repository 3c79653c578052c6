package io.entente.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "entente.notification")
public interface NotificationConfig {

    /** Where the web app is, for the links in mails. */
    @WithDefault("http://localhost:8080")
    String appUrl();

    Mail mail();

    Digest digest();

    interface Digest {
        /** When the daily digests go out (a Quartz-style cron in the server's zone, UTC in our deployments). */
        @WithDefault("0 0 7 * * ?")
        String cron();
    }

    interface Mail {
        /** The sender address of every mail. */
        @WithDefault("Entente <notifications@entente.test>")
        String from();

        /** How often the relay looks for due mails (read by its schedule). */
        @WithDefault("2s")
        Duration every();

        /** How many due mails one relay pass sends. */
        @WithDefault("100")
        int batchSize();
    }
}
