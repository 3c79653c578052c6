package io.entente.local.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * Decisions for the five demo alliances, due over the next eight weeks: each alliance gets the escalation ladder from
 * its charter, DACI decisions with options, some with little time left to prepare (at risk) and one already past its
 * due date (overdue; the escalation job moves it up the ladder shortly after start). Ids are shared as
 * {@code decision:<ALLIANCE>:<n>} (n from 1) for the governance demo.
 */
public final class DecisionDemo {

    private DecisionDemo() {
    }

    record Step(String body, int days) {
    }

    record Option(String key, String title, String pros, String cons) {
    }

    /**
     * @param dueInDays relative to the seed day; negative means already overdue
     */
    record Demo(String title, String question, String context, String body, int dueInDays, int leadTimeDays,
                String driver, String approver, List<String> contributors, List<String> informed,
                String internalNotes, List<Option> options) {
    }

    record AllianceDemo(String key, List<Step> ladder, List<Demo> decisions) {
    }

    static final List<AllianceDemo> ALLIANCES = List.of(
            new AllianceDemo("ONC-HELIX",
                    List.of(new Step("JDC", 10), new Step("JSC", 15), new Step("EXECUTIVE_SPONSORS", 10)),
                    List.of(
                            new Demo("Phase 3 dose selection",
                                    "Which dose of HLX-204 in combination do we take into the phase 3 programme?",
                                    "Phase 2b read-out: the 400 mg arm shows a 9-point ORR gain with a grade 3 "
                                            + "hepatotoxicity signal in 4% of patients.",
                                    "JSC", 16, 14, "alex", "body:JSC", List.of("user:tara", "user:gwen"),
                                    List.of("user:sven"),
                                    "We can accept 400 mg if Helix funds the additional liver-safety study.",
                                    List.of(new Option("LOW", "200 mg", "Clean safety profile",
                                                    "Efficacy may miss the phase 3 primary endpoint"),
                                            new Option("HIGH", "400 mg", "Best efficacy in phase 2b",
                                                    "Hepatotoxicity monitoring adds cost and site burden"))),
                            new Demo("2027 joint development budget",
                                    "Do we approve the 2027 joint development budget of EUR 48m (60/40 split)?",
                                    "Budget grows 18% on the phase 3 start-up costs.",
                                    "JDC", 24, 10, "alex", "body:JDC", List.of("user:tara"), List.of("user:sven"),
                                    "Our ceiling is EUR 30m for our share; push the CMC scale-up into 2028.",
                                    List.of(new Option("APPROVE", "Approve as proposed", "No delay to phase 3",
                                                    "Above our planned share"),
                                            new Option("RESCOPE", "Approve with CMC scale-up moved to 2028",
                                                    "Within plan", "Supply risk for the 2029 launch"))),
                            new Demo("Japan bridging study",
                                    "Do we run a Japanese bridging study ahead of the global phase 3 read-out?",
                                    "PMDA consultation suggested a bridging cohort of 60 patients.",
                                    "JSC", 45, 21, "alex", "body:JSC", List.of("user:gwen"), List.of("user:sven"), null,
                                    List.of(new Option("GO", "Start the bridging study in Q2",
                                                    "Earlier Japanese filing", "EUR 6m unbudgeted"),
                                            new Option("WAIT", "Wait for the phase 3 read-out", "No spend now",
                                                    "Japanese filing slips by about 18 months"))),
                            new Demo("Publication plan for the phase 2b read-out",
                                    "Which congress do we target for the phase 2b primary publication?",
                                    "Abstract deadlines: ASCO in January, ESMO in May.",
                                    "JDC", -3, 5, "tara", "body:JDC", List.of("user:alex"), List.of("user:sven"), null,
                                    List.of(new Option("ASCO", "ASCO 2027", "Largest oncology audience",
                                                    "Tight timeline for the full data cut"),
                                            new Option("ESMO", "ESMO 2027", "Complete data set",
                                                    "Later visibility for investigators"))),
                            new Demo("Phase 3 CRO selection",
                                    "Which CRO runs the phase 3 programme?",
                                    "Three bids received after the RFP; scores are in the evaluation matrix.",
                                    "JDC", 10, 7, "tara", "body:JDC", List.of("user:alex"), List.of("user:sven"),
                                    "Helix prefers the incumbent; we can trade this for the budget split.",
                                    List.of(new Option("INCUMBENT", "Incumbent CRO", "Knows the sites",
                                                    "Highest bid"),
                                            new Option("CHALLENGER", "Challenger CRO", "12% cheaper",
                                                    "No oncology phase 3 with us yet"))))),
            new AllianceDemo("CMB-NORVANE",
                    List.of(new Step("JDC", 10), new Step("JSC", 20), new Step("EXECUTIVE_SPONSORS", 10)),
                    List.of(
                            new Demo("Dosing sequence for the combination trial",
                                    "Do patients receive NRV-11 before or together with our antibody?",
                                    "The preclinical synergy data favour sequential dosing; sites prefer one visit.",
                                    "JDC", 12, 7, "alex", "body:JDC", List.of("user:tara"), List.of("user:sven"), null,
                                    List.of(new Option("SEQUENTIAL", "Sequential dosing", "Stronger synergy data",
                                                    "Two infusion visits"),
                                            new Option("CONCURRENT", "Concurrent dosing", "One visit per cycle",
                                                    "Weaker rationale"))),
                            new Demo("JSC charter and membership",
                                    "Do we approve the JSC charter, its six members and the two co-chairs?",
                                    "Draft charter circulated after the kick-off meeting.",
                                    "JSC", 20, 10, "gwen", "body:EXECUTIVE_SPONSORS", List.of("user:alex"),
                                    List.of("user:sven"),
                                    null,
                                    List.of(new Option("APPROVE", "Approve the draft charter", "Governance live "
                                                    + "before first patient in", "Casting vote left open"),
                                            new Option("AMEND", "Amend the casting-vote clause first",
                                                    "Clear final say", "Two more weeks of negotiation"))),
                            new Demo("Drug supply split for the combination arm",
                                    "Who supplies and pays for the comparator drug in the combination arm?",
                                    null, "JSC", 38, 14, "alex", "body:JSC", List.of("user:tara"), List.of("user:sven"),
                                    "We open at 70/30 and can settle at 50/50.",
                                    List.of(new Option("EACH_OWN", "Each party supplies its own drug",
                                                    "Simple", "Uneven cost"),
                                            new Option("SHARED", "Shared cost 50/50", "Fair", "Joint procurement "
                                                    + "needed"))))),
            new AllianceDemo("CDX-QUANTIA",
                    List.of(new Step("JDC", 7), new Step("JSC", 14), new Step("EXECUTIVE_SPONSORS", 7)),
                    List.of(
                            new Demo("Assay cut-off for the companion diagnostic",
                                    "Which expression cut-off defines biomarker-positive patients?",
                                    "Analytical validation done at 1% and 5%; the clinical data favour 5%.",
                                    "JDC", 9, 10, "tara", "body:JDC", List.of("user:alex"), List.of(), null,
                                    List.of(new Option("ONE", "1% cut-off", "Larger eligible population",
                                                    "Smaller treatment effect"),
                                            new Option("FIVE", "5% cut-off", "Clearer benefit",
                                                    "Fewer eligible patients"))),
                            new Demo("Regulatory path for the diagnostic",
                                    "Do we file the diagnostic as a PMA alongside the drug, or via De Novo later?",
                                    null, "JSC", 30, 14, "alex", "body:JSC", List.of("user:tara"), List.of(), null,
                                    List.of(new Option("PMA", "Co-filed PMA", "Launch together",
                                                    "Longer review"),
                                            new Option("DE_NOVO", "De Novo after approval", "Faster review",
                                                    "Drug launches without the test"))),
                            new Demo("Cost share for the bridging study",
                                    "How do we split the cost of the assay bridging study?",
                                    null, "FINANCE", 52, 10, "alex", "body:FINANCE", List.of(),
                                    List.of(), "Quantia's cash position is weak: a milestone advance may close it.",
                                    List.of(new Option("SPLIT", "50/50 split", "Simple", "Above our budget line"),
                                            new Option("ADVANCE", "We pay, offset against the next milestone",
                                                    "Keeps Quantia on schedule", "Cash out earlier"))))),
            new AllianceDemo("DTX-ASTER",
                    List.of(new Step("JSC", 15), new Step("EXECUTIVE_SPONSORS", 10)),
                    List.of(
                            new Demo("Move from evaluation to due diligence",
                                    "Do we start due diligence on Aster's digital therapeutic?",
                                    "Evaluation scored 3.4/5 on capability fit, 2.8/5 on capacity.",
                                    "EXECUTIVE_SPONSORS", 21, 10, "tara", "body:EXECUTIVE_SPONSORS", List.of(),
                                    List.of(), null,
                                    List.of(new Option("PROCEED", "Start due diligence", "Keeps the option open",
                                                    "Team capacity"),
                                            new Option("PASS", "Pass for now", "Frees capacity",
                                                    "A competitor may sign Aster"))),
                            new Demo("Data-sharing terms for the pilot",
                                    "Which data-sharing model do we offer for the pilot?",
                                    null, "JSC", 35, 7, "tara", "body:JSC", List.of(), List.of(), null,
                                    List.of(new Option("AGGREGATE", "Aggregated data only", "Low privacy risk",
                                                    "Limited insight"),
                                            new Option("PSEUDONYMISED", "Pseudonymised patient-level data",
                                                    "Full insight", "DPIA and contract work"))))),
            new AllianceDemo("LIC-CORVID",
                    List.of(new Step("JSC", 10), new Step("EXECUTIVE_SPONSORS", 10)),
                    List.of(
                            new Demo("Transition plan for returned rights and data",
                                    "Do we accept Corvid's transition plan for returning rights and data?",
                                    "Wind-down started in October; 14 regulatory files to transfer.",
                                    "JSC", 18, 10, "nora", "body:JSC", List.of(), List.of(), null,
                                    List.of(new Option("ACCEPT", "Accept the plan", "Closes on time",
                                                    "Data format gaps"),
                                            new Option("REVISE", "Ask for a revised plan", "Complete data",
                                                    "Six more weeks of wind-down"))),
                            new Demo("Final royalty settlement",
                                    "Do we settle the outstanding royalties at the audited amount?",
                                    null, "FINANCE", 40, 14, "nora", "body:FINANCE", List.of(), List.of(),
                                    "We would accept a 5% discount for payment this year.",
                                    List.of(new Option("AUDITED", "Settle at the audited amount", "Clean close",
                                                    "Corvid disputes two line items"),
                                            new Option("DISCOUNT", "Settle at a 5% discount this year",
                                                    "Cash this year", "Lower amount"))))));

    public static void seed(SeedClient client) {
        for (AllianceDemo alliance : ALLIANCES) {
            // The decision service learns alliances from the backlog's events: wait until this one has arrived.
            JsonNode ladder = client.awaitOk(SeedClient.DECISION, "/api/escalation-ladders/" + alliance.key(),
                    Duration.ofSeconds(90));
            ObjectNode steps = client.object();
            ArrayNode list = steps.putArray("steps");
            for (Step step : alliance.ladder()) {
                list.addObject().put("body", step.body()).put("days", step.days());
            }
            client.put(SeedClient.DECISION, "/api/escalation-ladders/" + alliance.key(), steps,
                    ladder.path("_etag").asText());

            int n = 0;
            for (Demo demo : alliance.decisions()) {
                JsonNode created = client.post(SeedClient.DECISION, "/api/decisions",
                        request(client, alliance.key(), demo));
                client.ids.put("decision:" + alliance.key() + ":" + (++n), created.path("id").asText());
            }
        }
    }

    private static ObjectNode request(SeedClient client, String alliance, Demo demo) {
        LocalDate due = client.today().plusDays(demo.dueInDays());
        ObjectNode body = client.object()
                .put("allianceId", alliance)
                .put("title", demo.title())
                .put("question", demo.question())
                .put("governanceBody", demo.body())
                .put("dueDate", due.toString())
                .put("leadTimeDays", demo.leadTimeDays())
                .put("driver", demo.driver())
                .put("approver", demo.approver());
        if (demo.context() != null) {
            body.put("context", demo.context());
        }
        if (demo.internalNotes() != null) {
            body.put("internalNotes", demo.internalNotes());
        }
        ArrayNode options = body.putArray("options");
        for (Option option : demo.options()) {
            options.addObject().put("key", option.key()).put("title", option.title()).put("pros", option.pros())
                    .put("cons", option.cons());
        }
        demo.contributors().forEach(body.putArray("contributors")::add);
        demo.informed().forEach(body.putArray("informed")::add);
        return body;
    }
}
