package io.entente.bench;

/** The data set and the amount of measuring: full (the target figures) or quick (a smoke run in a few minutes). */
record Scale(String name, int alliances, int items, int boardSmall, int boardLarge, int decisions, int meetings,
             int apiBoardItems, int seqCreates, int concCreates, int concUsers, int boardReads, int pageReads,
             int packetReps, int eventRate, int eventSeconds, int eventRuns, int kafkaSeconds, int pgbenchScale,
             int pgbenchSeconds, int pgbenchRuns) {

    static Scale of(String name) {
        return switch (name) {
            case "full" -> new Scale("full", 50, 100_000, 1000, 2000, 500, 40, 200, 600, 960, 16, 40, 200, 5,
                    200, 10, 3, 10, 16, 10, 3);
            case "quick" -> new Scale("quick", 5, 5_000, 100, 200, 25, 5, 50, 100, 320, 16, 10, 50, 2,
                    200, 5, 1, 5, 16, 5, 1);
            default -> throw new IllegalArgumentException("scale is full or quick, not " + name);
        };
    }
}
