package dev.mmm.core.optimize;

import dev.mmm.core.analysis.Interval;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the posterior says of one spend plan over a planning window, in the target's units
 * summed over the window's periods: the expected target (noise-free mean), the posterior
 * predictive target (with observation noise), the incremental target of the window's spend
 * (carry-over after the window included), and each channel's share of it (what removing that
 * channel's window spend alone would lose; with synergy these need not add up to the total).
 */
public final class ScenarioOutcome {

    private final SpendPlan plan;
    private final double[] expectedTarget;
    private final double[] predictedTarget;
    private final double[] incremental;
    private final Map<String, double[]> channelIncremental;

    ScenarioOutcome(SpendPlan plan, double[] expectedTarget, double[] predictedTarget, double[] incremental,
                    Map<String, double[]> channelIncremental) {
        this.plan = plan;
        this.expectedTarget = expectedTarget;
        this.predictedTarget = predictedTarget;
        this.incremental = incremental;
        this.channelIncremental = channelIncremental;
    }

    public SpendPlan plan() {
        return plan;
    }

    /** The expected (noise-free) target summed over the window's periods. */
    public Interval expectedTarget() {
        return Interval.of(expectedTarget);
    }

    /** The posterior predictive target summed over the window's periods (one noise draw per posterior draw). */
    public Interval predictedTarget() {
        return Interval.of(predictedTarget);
    }

    /** What the window's spend adds to the target, its carry-over after the window included. */
    public Interval incremental() {
        return Interval.of(incremental);
    }

    /** Incremental target / spend over the window; null for a plan that spends nothing. */
    public Interval roas() {
        double spend = plan.total();
        if (!(spend > 0.0)) {
            return null;
        }
        double[] r = new double[incremental.length];
        for (int d = 0; d < r.length; d++) {
            r[d] = incremental[d] / spend;
        }
        return Interval.of(r);
    }

    /** Per channel, the incremental target its window spend brings (in the plan's channel order). */
    public Map<String, Interval> channelIncremental() {
        Map<String, Interval> out = new LinkedHashMap<>();
        channelIncremental.forEach((k, v) -> out.put(k, Interval.of(v)));
        return out;
    }

    List<String> channels() {
        return plan.channels();
    }

    double[] expectedTargetDraws() {
        return expectedTarget;
    }

    double[] incrementalDraws() {
        return incremental;
    }

    double[] channelIncrementalDraws(String channel) {
        return channelIncremental.get(channel);
    }
}
