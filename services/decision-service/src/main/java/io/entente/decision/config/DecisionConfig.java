package io.entente.decision.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

@ConfigMapping(prefix = "entente.decision")
public interface DecisionConfig {

    Risk risk();

    Calendar calendar();

    Jobs jobs();

    interface Risk {
        /**
         * Days before the prep deadline from which prep work that is not in any sprint makes a decision at risk:
         * one two-week sprint is the last chance to schedule it.
         */
        @WithDefault("14")
        int approachDays();
    }

    interface Calendar {
        /**
         * The address calendar clients reach this service at (e.g. the frontend's public URL plus the decision
         * service prefix); by default the base URI of the request that created the feed.
         */
        Optional<String> publicBaseUrl();

        /** How far back overdue decisions stay in the feed. */
        @WithDefault("90")
        int pastDays();
    }

    interface Jobs {
        /** How often risk and escalation are re-evaluated (read by the @Scheduled expressions). */
        @WithDefault("1h")
        String every();
    }
}
