package io.entente.backlog.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Tunables of the backlog service. */
@ConfigMapping(prefix = "entente.backlog")
public interface BacklogConfig {

    /** The risk threshold of an alliance registered without one (likelihood x impact). */
    @WithDefault("12")
    int defaultRiskThreshold();

    /** The playbook an opened decision's preparation items come from. */
    @WithDefault("decision-preparation")
    String decisionPlaybook();

    /** The most rows one CSV export returns; the answer says when it was cut. */
    @WithDefault("10000")
    int exportMaxRows();

    /** Days a risk follow-up item gets when the risk names no review date. */
    @WithDefault("14")
    int riskFollowUpDays();

    /** How often obligations are swept (read by ObligationJob's @Scheduled as well). */
    @WithDefault("15m")
    String obligationSweepEvery();

    /** How often service-level items are generated (read by ServiceLevelJob's @Scheduled as well). */
    @WithDefault("1h")
    String serviceLevelEvery();
}
