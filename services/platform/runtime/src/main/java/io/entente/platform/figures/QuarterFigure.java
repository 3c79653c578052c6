package io.entente.platform.figures;

/**
 * One figure for one quarter and one alliance (and committee or team where the figure is kept per committee or
 * team). {@code value} is null when the quarter had nothing to measure ({@code sampleSize} 0); {@code target} is null
 * unless the figure has one.
 *
 * @param unit one of {@link #DAYS}, {@link #PERCENT}, {@link #COUNT}, {@link #RATIO}
 */
public record QuarterFigure(String figure, String label, String unit, String quarter, String allianceKey,
                            String committeeId, String teamId, Double value, long sampleSize, Double target) {

    public static final String DAYS = "days";
    public static final String PERCENT = "percent";
    public static final String COUNT = "count";
    public static final String RATIO = "ratio";
}
