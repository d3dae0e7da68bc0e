package dev.mmm.core.optimize;

import java.util.List;

/**
 * A posterior's answer to spend over a planning window: for every draw, the incremental target
 * of a plan (what the window's spend adds over the window and its carry-over periods, in the
 * target's units) and its exact gradient in the plan, and the expected target over the window.
 * {@link PlanEvaluator} is the national model's; a geo model's decision units are its geo x
 * channel pairs. What {@link BudgetOptimizer} needs of a model, and no more.
 *
 * <p>One instance serves one thread; {@link #evaluate} allocates nothing.
 */
public interface SpendResponse {

    /** The decision units (channels, or channels in geos), in the order of every array. */
    List<String> units();

    /** The window's length. */
    int periods();

    /** Number of posterior draws. */
    int draws();

    /**
     * {@code values[d]} = incremental target of draw d for window spend {@code spend[u][t]} (data
     * units). If {@code gradient} is not null, also {@code gradient[d][u] = sum_t dI_d / d spend[u][t]
     * * direction[u][t]}.
     */
    void evaluate(double[][] spend, double[][] direction, double[] values, double[][] gradient);

    /** {@code out[d]} = draw d's expected (noise-free) target summed over the window's periods. */
    default void expectedTarget(double[][] spend, double[] out) {
        expectedTarget(spend, out, null, 0L);
    }

    /**
     * As {@link #expectedTarget(double[][], double[])}, and if {@code predicted} is not null a
     * posterior predictive draw of it ({@code predicted[d]}: one observation-noise draw per period
     * and posterior draw, from one stream seeded by {@code seed} and read in draw order, so two plans
     * evaluated with the same seed share their noise).
     */
    void expectedTarget(double[][] spend, double[] expected, double[] predicted, long seed);

    /**
     * {@code sum_t rowGradient[offset + t] * direction[t]} over the window's {@code periods}: a
     * row-by-row gradient contracted with a unit's flighting (its derivative in the unit's total).
     */
    static double alongDirection(double[] rowGradient, int offset, double[] direction, int periods) {
        double sum = 0.0;
        for (int t = 0; t < periods; t++) {
            sum += rowGradient[offset + t] * direction[t];
        }
        return sum;
    }
}
