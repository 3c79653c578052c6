package io.entente.decision;

import io.entente.platform.testing.ListParameters;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;

import java.util.List;

import static io.entente.decision.DecisionFixtures.body;
import static io.entente.decision.DecisionFixtures.create;
import static io.entente.decision.DecisionFixtures.manager;
import static io.entente.decision.DecisionFixtures.today;

/** Every list of the decision service and each of its typed filters, read strictly. */
@QuarkusTest
class ListParametersTest extends ListParameters {

    static final String ALLIANCE = "T-LIST-PARAMS";
    static final String TOKEN = manager(ALLIANCE);
    static final ListEndpoint DECISIONS = new ListEndpoint("/api/decisions", TOKEN);
    /** One page by design (the quarters bound it), so only its own filters are swept. */
    static final ListEndpoint HEALTH = new ListEndpoint("/api/governance-health", TOKEN);
    /** Not a page (it groups by week), but its filters are read like every list's. */
    static final ListEndpoint UPCOMING = new ListEndpoint("/api/decisions/upcoming", TOKEN);

    /** Two decisions, so that a page of one has a next cursor to tamper with. */
    @BeforeAll
    void twoDecisions() {
        served();
        DecisionFixtures.registerAlliance(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), ALLIANCE);
        create(TOKEN, body(ALLIANCE, "Listed first", today().plusWeeks(3), 5)).statusCode(201);
        create(TOKEN, body(ALLIANCE, "Listed second", today().plusWeeks(4), 5)).statusCode(201);
    }

    @Override
    protected List<ListEndpoint> lists() {
        served();
        return List.of(DECISIONS);
    }

    /**
     * Points REST Assured at the running service: the data above and the base class's cursor probes call it while
     * test arguments are built, before Quarkus sets the port for a test method.
     */
    private static void served() {
        ConfigProvider.getConfig().getOptionalValue("quarkus.http.test-port", Integer.class)
                .filter(port -> port > 0).ifPresent(port -> RestAssured.port = port);
    }

    @Override
    protected List<BadParameter> badFilters() {
        return List.of(
                new BadParameter(HEALTH, "from", "2026-Q5"),
                new BadParameter(HEALTH, "to", "Q1"),
                new BadParameter(HEALTH, "committee", "BOARD"),
                new BadParameter(HEALTH, "alliance", "not a key"),
                new BadParameter(DECISIONS, "status", "NOPE"),
                new BadParameter(DECISIONS, "body", "BOARD"),
                new BadParameter(DECISIONS, "risk", "RED"),
                new BadParameter(DECISIONS, "dueFrom", "2026-13-01"),
                new BadParameter(DECISIONS, "dueTo", "next week"),
                new BadParameter(DECISIONS, "sort", "title"),
                new BadParameter(UPCOMING, "body", "BOARD"),
                new BadParameter(UPCOMING, "risk", "RED"),
                new BadParameter(UPCOMING, "weeks", "0"));
    }
}
