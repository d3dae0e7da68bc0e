package dev.mmm.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mmm.sampler.diagnostics.Diagnostics;
import java.util.function.IntToDoubleFunction;

/** Asserts a sampling result against known marginal means and sds. */
public final class PosteriorCheck {
    /** Smallest bulk ESS over coordinates seen by the last check; for reporting. */
    public static double lastMinEss;

    private PosteriorCheck() {
    }

    /** Coordinate {@code dim} of every completed draw, [chain][draw]. */
    public static double[][] coordinate(SamplingResult result, int dim) {
        double[][][] positions = result.positions();
        double[][] out = new double[positions.length][];
        for (int c = 0; c < positions.length; c++) {
            out[c] = new double[positions[c].length];
            for (int d = 0; d < positions[c].length; d++) {
                out[c][d] = positions[c][d][dim];
            }
        }
        return out;
    }

    /**
     * Every coordinate's mean and sd within 4 MCSE of the truth, R-hat below 1.01, and no
     * divergent transition.
     */
    public static void assertMatches(String target, SamplingResult result, IntToDoubleFunction trueMean,
            IntToDoubleFunction trueSd) {
        assertThat(result.complete()).as(target + ": complete").isTrue();
        assertThat(result.divergences()).as(target + ": divergences").isZero();
        double minEss = Double.POSITIVE_INFINITY;
        double maxRhat = 0;
        for (int i = 0; i < result.dimension(); i++) {
            double[][] x = coordinate(result, i);
            double mean = Diagnostics.mean(x);
            double sd = Diagnostics.sd(x);
            double mcseMean = Diagnostics.mcseMean(x);
            double mcseSd = Diagnostics.mcseSd(x);
            double rhat = Diagnostics.rhat(x);
            minEss = Math.min(minEss, Diagnostics.essBulk(x));
            maxRhat = Math.max(maxRhat, rhat);
            assertThat(Math.abs(mean - trueMean.applyAsDouble(i)))
                    .as("%s: |mean - truth| of coordinate %d (mean %g, truth %g, mcse %g)", target, i, mean,
                            trueMean.applyAsDouble(i), mcseMean)
                    .isLessThan(4 * mcseMean);
            assertThat(Math.abs(sd - trueSd.applyAsDouble(i)))
                    .as("%s: |sd - truth| of coordinate %d (sd %g, truth %g, mcse %g)", target, i, sd,
                            trueSd.applyAsDouble(i), mcseSd)
                    .isLessThan(4 * mcseSd);
            assertThat(rhat).as("%s: R-hat of coordinate %d", target, i).isLessThan(1.01);
        }
        lastMinEss = minEss;
        long draws = 0;
        long leapfrogs = 0;
        for (int[] chain : result.leapfrogSteps()) {
            for (int steps : chain) {
                leapfrogs += steps;
                draws++;
            }
        }
        System.out.printf("%s: min bulk-ESS %.0f, max R-hat %.4f, step sizes %s, leapfrogs/draw %.1f,"
                + " gradient evaluations %d, min bulk-ESS per 1000 gradients %.2f, wall %.2fs%n", target, minEss, maxRhat,
                java.util.Arrays.toString(result.stepSize()), (double) leapfrogs / draws,
                result.gradientEvaluations(), 1000 * minEss / result.gradientEvaluations(), result.wallSeconds());
    }
}
