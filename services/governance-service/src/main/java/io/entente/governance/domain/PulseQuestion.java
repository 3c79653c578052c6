package io.entente.governance.domain;

/** The questions of the partner-experience pulse, each answered on a scale of 1 (poor) to 5 (excellent). */
public enum PulseQuestion {
    PREPARATION("preparation", "How well prepared was the meeting (pre-read, agenda, time to read it)?"),
    DECISION_QUALITY("decisionQuality", "How good were the decisions taken, and how they were reached?"),
    ONE_TEAM("oneTeam", "How much did the meeting feel like one team rather than two companies?"),
    RECOMMEND("recommend", "How likely would you recommend working in this alliance to a colleague?");

    private final String key;
    private final String text;

    PulseQuestion(String key, String text) {
        this.key = key;
        this.text = text;
    }

    /** The field name of the question in requests and views. */
    public String key() {
        return key;
    }

    public String text() {
        return text;
    }
}
