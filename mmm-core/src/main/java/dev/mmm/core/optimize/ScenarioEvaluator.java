package dev.mmm.core.optimize;

import dev.mmm.core.analysis.Interval;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates spend plans over a planning window draw by draw: the predictive distribution of the
 * target and of each channel's contribution ({@link ScenarioOutcome}), and the difference between
 * two plans with its credible interval ({@link #compare}), paired over draws. The noise of the
 * predictive target comes from a fixed seed, the same for every plan (common random numbers).
 */
public final class ScenarioEvaluator {

    private final PlanWindow window;
    private final SpendResponse evaluator;
    private final long seed;

    /**
     * Plans over a window of a national model ({@link PlanningWindow}: per channel) or of a geo
     * model ({@code GeoPlanningWindow}: per channel in each geo, named {@code channel[geo]}).
     */
    public ScenarioEvaluator(PlanWindow window, PosteriorDraws draws) {
        this(window, window.response(draws), 1L);
    }

    ScenarioEvaluator(PlanWindow window, SpendResponse evaluator, long seed) {
        this.window = window;
        this.evaluator = evaluator;
        this.seed = seed;
    }

    public PlanWindow window() {
        return window;
    }

    /** The outcome of a plan, draw by draw. */
    public ScenarioOutcome evaluate(SpendPlan plan) {
        int n = evaluator.draws();
        double[][] spend = plan.matrix();
        double[] incremental = new double[n];
        evaluator.evaluate(spend, null, incremental, null);
        Map<String, double[]> perChannel = new LinkedHashMap<>();
        List<String> channels = window.channels();
        double[][] without = new double[spend.length][];
        double[] zero = new double[window.periods()];
        for (int c = 0; c < spend.length; c++) {
            System.arraycopy(spend, 0, without, 0, spend.length);
            without[c] = zero;
            double[] rest = new double[n];
            evaluator.evaluate(without, null, rest, null);
            for (int d = 0; d < n; d++) {
                rest[d] = incremental[d] - rest[d];
            }
            perChannel.put(channels.get(c), rest);
        }
        double[] expected = new double[n];
        double[] predicted = new double[n];
        evaluator.expectedTarget(spend, expected, predicted, seed);
        return new ScenarioOutcome(plan, expected, predicted, incremental, perChannel);
    }

    /** {@code a - b} draw by draw: the expected target, the incremental target and each channel's part. */
    public ScenarioComparison compare(ScenarioOutcome a, ScenarioOutcome b) {
        double[] target = difference(a.expectedTargetDraws(), b.expectedTargetDraws());
        double[] incremental = difference(a.incrementalDraws(), b.incrementalDraws());
        int better = 0;
        for (double v : incremental) {
            if (v > 0) {
                better++;
            }
        }
        Map<String, Interval> channels = new LinkedHashMap<>();
        for (String c : a.channels()) {
            channels.put(c, Interval.of(difference(a.channelIncrementalDraws(c), b.channelIncrementalDraws(c))));
        }
        return new ScenarioComparison(Interval.of(target), Interval.of(incremental), channels,
                better / (double) incremental.length);
    }

    private static double[] difference(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int d = 0; d < a.length; d++) {
            out[d] = a[d] - b[d];
        }
        return out;
    }
}
