package io.entente.platform.figures;

import java.util.List;

/**
 * The answer of every {@code /api/governance-health}: the list shape of the platform, with {@code next} always null
 * because the quarters and alliances asked for bound the set.
 */
public record FigureList(List<QuarterFigure> items, String next) {

    public FigureList {
        items = List.copyOf(items);
    }

    public static FigureList of(List<QuarterFigure> items) {
        return new FigureList(items, null);
    }
}
