package io.entente.local.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo portfolio in the backlog service: the five alliances of DOMAIN.md, a ranked backlog across the
 * disciplines (created in rank order, so the first item of each alliance is its most important), playbooks applied
 * (JSC preparation for next week's Helix JSC, launch for Norvane, health check for Quantia, due diligence for Aster,
 * wind-down for Corvid), risk registers with some risks over threshold (each raises a follow-up item) and
 * obligations, some already inside their preparation window (their items exist at once) and one missed.
 *
 * <p>Around them, a portfolio big enough to ask "how many alliances can one person manage?": more tier-1 and tier-2
 * alliances in execution for {@code alex}, so that he is over capacity, a few for {@code tara}, and a tier-3 licence
 * run on the side by {@code nora} that no specialist team covers ({@link #UNCOVERED}). These are registered only:
 * their load comes from their tier and phase, not from backlog items.
 *
 * <p>Shares ids for later steps: {@code item:<ALLIANCE>:<n>} (n from 1, hand-written items in rank order),
 * {@code item:<ALLIANCE>:playbook:<n>} (playbook items), {@code items} (every item id above, comma-separated),
 * {@code risk:<ALLIANCE>:<n>} and {@code obligation:<ALLIANCE>:<n>}.
 */
public final class BacklogDemo {

    private BacklogDemo() {
    }

    record Alliance(String key, String name, String partner, String type, int tier, String phase, int valueScore,
                    int complexityScore, String allianceManager, LocalDate startDate) {
    }

    /** @param dueInDays relative to the seed day; null for no due date */
    record Item(String title, String description, String discipline, String type, int estimate, String beneficiary,
                int stakeholderValue, Integer dueInDays) {
    }

    record Risk(String title, String category, int likelihood, int impact, String owner, String mitigation,
                int reviewInDays) {
    }

    record Obligation(String title, String clauseRef, String kind, String owedBy, int dueInDays, String recurrence,
                      int leadTimeDays) {
    }

    record Playbook(String key, int anchorInDays) {
    }

    record AllianceDemo(Alliance alliance, List<Item> items, Playbook playbook, List<Risk> risks,
                        List<Obligation> obligations) {
    }

    /** The portfolio alliances no team covers: its required services go undelivered (an "unmanaged" alliance). */
    public static final List<String> UNCOVERED = List.of("LIC-KESTREL");

    /** Registered only: the workload page reads tier, phase, complexity and manager. */
    static List<Alliance> portfolio(LocalDate today) {
        return List.of(
                new Alliance("ONC-VERIDIA", "Veridia bispecific co-development", "Veridia Therapeutics",
                        "CO_DEVELOPMENT", 1, "EXECUTION", 5, 4, "alex", LocalDate.of(2023, 11, 6)),
                new Alliance("RES-LUMEN", "Lumen target-discovery collaboration", "Lumen Genomics",
                        "RESEARCH_COLLABORATION", 2, "EXECUTION", 4, 3, "alex", LocalDate.of(2025, 2, 3)),
                new Alliance("ONC-TALARIS", "Talaris ADC co-development", "Talaris Oncology", "CO_DEVELOPMENT", 1,
                        "EXECUTION", 5, 5, "alex", LocalDate.of(2024, 7, 22)),
                new Alliance("IMM-BRACKEN", "Bracken cell-therapy combination", "Bracken Immunotherapeutics",
                        "CLINICAL_COMBINATION_TRIAL", 1, "EXECUTION", 4, 4, "alex", LocalDate.of(2025, 1, 13)),
                new Alliance("COM-SOLSTICE", "Solstice co-promotion in Europe", "Solstice Pharma",
                        "CO_COMMERCIALISATION", 2, "EXECUTION", 4, 4, "alex", LocalDate.of(2025, 6, 30)),
                new Alliance("CDX-ORBIS", "Orbis liquid-biopsy companion diagnostic", "Orbis Labs",
                        "CO_DEVELOPMENT", 2, "EXECUTION", 3, 3, "tara", LocalDate.of(2025, 5, 12)),
                new Alliance("DTX-MERIDIAN", "Meridian remote-monitoring pilot", "Meridian Health Apps",
                        "DIGITAL_HEALTH", 3, "EXECUTION", 2, 2, "tara", LocalDate.of(2025, 9, 1)),
                new Alliance("LIC-KESTREL", "Kestrel antibody platform licence", "Kestrel Bio", "LICENSING", 3,
                        "EXECUTION", 2, 3, "nora", LocalDate.of(2022, 4, 19)));
    }

    static List<AllianceDemo> demo(LocalDate today) {
        return List.of(
                new AllianceDemo(
                        new Alliance("ONC-HELIX", "Helix oncology co-development", "Helix Biotherapeutics",
                                "CO_DEVELOPMENT", 1, "EXECUTION", 5, 4, "alex", LocalDate.of(2024, 3, 1)),
                        List.of(
                                new Item("Dose-selection decision paper for the JSC",
                                        "Options, phase 2b data and the liver-safety study costing.", "GOVERNANCE",
                                        "TASK", 5, "JSC co-chairs", 9, 5),
                                new Item("Reconcile Q4 cost-sharing statement with Helix finance", null, "FINANCE",
                                        "TASK", 3, "Helix and our finance leads", 8, 12),
                                new Item("Update the CMC supply risk mitigation plan", null, "PROJECT_MANAGEMENT",
                                        "TASK", 5, "JDC", 7, 14),
                                new Item("Pulse survey after the last JDC",
                                        "Four questions, both sides: trust, communication, decision speed, value.",
                                        "ALLIANCE_HEALTH", "TASK", 2, "Alliance manager", 6, 10),
                                new Item("Review the co-promotion option clause before the Q1 notice date", null,
                                        "LEGAL", "TASK", 3, "Business development", 7, 30),
                                new Item("Refresh the publication plan with Helix medical affairs", null,
                                        "CONTRACTS", "TASK", 2, "Medical affairs", 4, null)),
                        new Playbook("jsc-preparation", 7),
                        List.of(
                                new Risk("Single CMO for the HLX-204 drug substance", "SUPPLY", 4, 4, "tara",
                                        "Qualify a second CMO by Q3; build six months of safety stock.", 14),
                                new Risk("Hepatotoxicity signal at 400 mg", "SCIENTIFIC", 3, 5, "alex",
                                        "Independent liver-safety review before the dose decision.", 7),
                                new Risk("Helix leadership change slows JSC decisions", "RELATIONSHIP", 2, 3, "alex",
                                        "Early one-to-one with the new Helix co-chair.", 30)),
                        List.of(
                                new Obligation("Quarterly development report to Helix", "§8.2", "REPORT", "US", 10,
                                        "QUARTERLY", 21),
                                new Obligation("Phase 3 first-patient-in milestone payment", "§11.4(b)", "PAYMENT",
                                        "US", 45, "NONE", 30),
                                new Obligation("Minimum two JSC meetings per year", "§4.3", "MINIMUM_MEETING",
                                        "JOINT", 40, "SEMI_ANNUAL", 30))),
                new AllianceDemo(
                        new Alliance("CMB-NORVANE", "Norvane combination trial", "Norvane Pharma",
                                "CLINICAL_COMBINATION_TRIAL", 2, "LAUNCH", 4, 4, "alex", today.minusDays(40)),
                        List.of(
                                new Item("Agree the joint protocol synopsis with Norvane", null,
                                        "PROJECT_MANAGEMENT", "TASK", 8, "Joint development team", 9, 9),
                                new Item("Drug supply agreement for the combination arm", null, "CONTRACTS", "TASK",
                                        5, "Clinical operations", 8, 20),
                                new Item("Data-sharing and publication terms", null, "LEGAL", "TASK", 3,
                                        "Both medical affairs teams", 6, 25)),
                        new Playbook("alliance-launch", -20),
                        List.of(
                                new Risk("Combination toxicity unknown before the safety run-in", "SCIENTIFIC", 3, 4,
                                        "alex", "Staggered dosing cohort and a joint safety committee.", 10),
                                new Risk("Regulator asks for a monotherapy arm", "REGULATORY", 2, 4, "alex",
                                        "Scientific advice meeting booked for next quarter.", 21)),
                        List.of(
                                new Obligation("Governance charter signed by both parties", "§3.1", "MILESTONE",
                                        "JOINT", 12, "NONE", 14),
                                new Obligation("Norvane supplies comparator drug for the run-in", "§6.2", "DILIGENCE",
                                        "PARTNER", 35, "NONE", 21))),
                new AllianceDemo(
                        new Alliance("CDX-QUANTIA", "Quantia companion diagnostic", "Quantia Diagnostics",
                                "CO_DEVELOPMENT", 2, "EXECUTION", 4, 3, "alex", LocalDate.of(2024, 9, 16)),
                        List.of(
                                new Item("Align the assay lock date with the phase 3 timeline", null,
                                        "PROJECT_MANAGEMENT", "TASK", 5, "Clinical and diagnostic teams", 8, 15),
                                new Item("Invoice the Q4 development milestone", null, "FINANCE", "TASK", 2,
                                        "Finance", 7, 8),
                                new Item("JDC minutes approval follow-up", null, "GOVERNANCE", "TASK", 1, "JDC", 5,
                                        4)),
                        new Playbook("annual-health-check", 21),
                        List.of(
                                new Risk("Assay sensitivity below the 95% target", "SCIENTIFIC", 3, 4, "tara",
                                        "Second reagent lot and an external validation lab.", 12),
                                new Risk("Quantia funding runway under 12 months", "COMMERCIAL", 2, 5, "alex",
                                        "Milestone pre-payment option in the amendment.", 30)),
                        List.of(
                                new Obligation("Semi-annual diagnostic development report", "§9.1", "REPORT",
                                        "PARTNER", 6, "SEMI_ANNUAL", 14),
                                new Obligation("Assay validation milestone payment", "§12.2", "PAYMENT", "US", 60,
                                        "NONE", 30))),
                new AllianceDemo(
                        new Alliance("DTX-ASTER", "Aster digital therapeutic", "Aster Digital Health",
                                "DIGITAL_HEALTH", 3, "EVALUATION", 2, 2, "admin", today.plusDays(30)),
                        List.of(
                                new Item("Data-privacy assessment of the Aster app", null, "LEGAL", "TASK", 5,
                                        "Data protection officer", 7, 18),
                                new Item("Business case for the digital adherence programme", null, "FINANCE",
                                        "TASK", 5, "Executive sponsors", 6, 25)),
                        new Playbook("due-diligence", 3),
                        List.of(
                                new Risk("Reimbursement pathway for digital therapeutics unclear", "COMMERCIAL", 3, 3,
                                        "alex", "Payer advisory board before the term sheet.", 28)),
                        List.of()),
                new AllianceDemo(
                        new Alliance("LIC-CORVID", "Corvid biologics licence", "Corvid Biologics", "LICENSING", 3,
                                "WIND_DOWN", 2, 3, "admin", LocalDate.of(2021, 6, 1)),
                        List.of(
                                new Item("Inventory of Corvid data and materials to return", null, "CONTRACTS",
                                        "TASK", 5, "Corvid", 8, 10),
                                new Item("Final royalty statement", null, "FINANCE", "TASK", 3, "Both finance teams",
                                        8, 20)),
                        new Playbook("wind-down", 45),
                        List.of(
                                new Risk("Dispute over the final royalty true-up", "RELATIONSHIP", 3, 4, "nora",
                                        "Agree the calculation method in writing before the statement.", 10)),
                        List.of(
                                new Obligation("Return of licensed know-how", "§15.3", "DILIGENCE", "US", 30, "NONE",
                                        45),
                                new Obligation("Q3 royalty report", "§10.1", "REPORT", "US", -3, "NONE", 14))));
    }

    public static void seed(SeedClient client) {
        LocalDate today = client.today();
        List<String> allItems = new ArrayList<>();
        for (AllianceDemo demo : demo(today)) {
            String key = demo.alliance().key();
            ensureAlliance(client, demo.alliance());

            int n = 0;
            for (Item item : demo.items()) {
                ObjectNode body = client.object()
                        .put("allianceId", key)
                        .put("title", item.title())
                        .put("description", item.description())
                        .put("discipline", item.discipline())
                        .put("type", item.type())
                        .put("estimate", item.estimate())
                        .put("beneficiary", item.beneficiary())
                        .put("stakeholderValue", item.stakeholderValue());
                if (item.dueInDays() != null) {
                    body.put("dueDate", today.plusDays(item.dueInDays()).toString());
                }
                String id = client.post(SeedClient.BACKLOG, "/api/backlog-items", body).path("id").asText();
                client.ids.put("item:" + key + ":" + (++n), id);
                allItems.add(id);
            }

            JsonNode applied = client.post(SeedClient.BACKLOG, "/api/alliances/" + key + "/playbook-applications",
                    client.object().put("playbook", demo.playbook().key())
                            .put("anchorDate", today.plusDays(demo.playbook().anchorInDays()).toString()));
            int p = 0;
            for (JsonNode item : applied.path("items")) {
                client.ids.put("item:" + key + ":playbook:" + (++p), item.path("id").asText());
                allItems.add(item.path("id").asText());
            }

            int r = 0;
            for (Risk risk : demo.risks()) {
                JsonNode created = client.post(SeedClient.BACKLOG, "/api/risks", client.object()
                        .put("allianceId", key)
                        .put("title", risk.title())
                        .put("category", risk.category())
                        .put("likelihood", risk.likelihood())
                        .put("impact", risk.impact())
                        .put("owner", risk.owner())
                        .put("mitigation", risk.mitigation())
                        .put("nextReviewDate", today.plusDays(risk.reviewInDays()).toString()));
                client.ids.put("risk:" + key + ":" + (++r), created.path("id").asText());
            }

            int o = 0;
            for (Obligation obligation : demo.obligations()) {
                JsonNode created = client.post(SeedClient.BACKLOG, "/api/obligations", client.object()
                        .put("allianceId", key)
                        .put("title", obligation.title())
                        .put("clauseRef", obligation.clauseRef())
                        .put("kind", obligation.kind())
                        .put("owedBy", obligation.owedBy())
                        .put("dueDate", today.plusDays(obligation.dueInDays()).toString())
                        .put("recurrence", obligation.recurrence())
                        .put("leadTimeDays", obligation.leadTimeDays()));
                client.ids.put("obligation:" + key + ":" + (++o), created.path("id").asText());
            }
        }
        client.ids.put("items", String.join(",", allItems));
        for (Alliance alliance : portfolio(today)) {
            ensureAlliance(client, alliance);
        }
    }

    /** The launcher may already have registered the alliances; an existing one is kept as it is. */
    private static void ensureAlliance(SeedClient client, Alliance a) {
        try {
            client.get(SeedClient.BACKLOG, "/api/alliances/" + a.key());
            return;
        } catch (SeedClient.SeedFailure notThere) {
            // register it below
        }
        client.post(SeedClient.BACKLOG, "/api/alliances", client.object()
                .put("key", a.key())
                .put("name", a.name())
                .put("partner", a.partner())
                .put("type", a.type())
                .put("tier", a.tier())
                .put("phase", a.phase())
                .put("valueScore", a.valueScore())
                .put("complexityScore", a.complexityScore())
                .put("allianceManager", a.allianceManager())
                .put("startDate", a.startDate().toString()));
    }
}
