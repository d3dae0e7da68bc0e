package dev.mmm.sampler;

import dev.mmm.sampler.metric.DenseMetric;
import java.util.List;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;

/**
 * Where each chain of a warm-started run begins: one {@link AdaptedState} per chain (usually a
 * previous run's {@link SamplingResult#adaptation()}), and what its warm-up re-tunes.
 *
 * <p>A warm-started chain starts at the state's position with its metric and step size, and
 * spends {@link SamplerSettings#warmup()} iterations re-tuning them for a target that may have
 * moved a little (a refit on more data). The schedule ({@link
 * dev.mmm.sampler.adapt.AdaptationWindows#forWarmStart(int)}) is a short step-size buffer, one
 * metric window and a terminal step-size buffer: 25 / 175 / 50 iterations of a 250-iteration
 * warm-up. Step-size dual averaging starts from the given step size (shrinking towards it
 * rather than towards Stan's 10x), and the window's estimate is blended with the given metric,
 * which counts as {@link dev.mmm.sampler.adapt.DiagonalVarianceEstimator#WARM_START_PRIOR_DRAWS}
 * draws. Cold runs keep Stan's schedule untouched.
 *
 * @param chains one state per chain, in chain order
 * @param retune what the warm-up adapts
 */
public record WarmStart(List<AdaptedState> chains, Retune retune) {

    /** What a warm-started chain's warm-up adapts. */
    public enum Retune {
        /**
         * The step size and, in one window, the metric; the default. Measured against
         * {@link #STEP_SIZE} on refits with 8 more weeks (BENCHMARKS.md, "Warm-started refresh"):
         * fewer divergences on two race seeds of three and R-hat 1.008 against 1.011 on the demo
         * data, but on one race seed it kept a poorly adapted chain of the previous fit (R-hat 1.020).
         */
        STEP_SIZE_AND_METRIC,
        /**
         * Only the step size, by dual averaging over the whole warm-up: the metric stays as given.
         * On the race refits it reached R-hat at most 1.005 on every seed with the most ESS per gradient.
         */
        STEP_SIZE
    }

    /** @throws IllegalArgumentException if there are no states or one is null */
    public WarmStart {
        Objects.requireNonNull(chains, "warm start chains must not be null");
        Objects.requireNonNull(retune, "warm start retune must not be null");
        if (chains.isEmpty()) {
            throw new IllegalArgumentException("warm start needs one adapted state per chain, got none");
        }
        for (int c = 0; c < chains.size(); c++) {
            if (chains.get(c) == null) {
                throw new IllegalArgumentException("warm start chain " + c + ": adapted state is null");
            }
        }
        chains = List.copyOf(chains);
    }

    /** Re-tunes step size and metric. */
    public WarmStart(List<AdaptedState> chains) {
        this(chains, Retune.STEP_SIZE_AND_METRIC);
    }

    /** A warm start from every chain of a previous run, re-tuning step size and metric. */
    public static WarmStart from(SamplingResult previous) {
        return new WarmStart(previous.adaptation());
    }

    /**
     * Checks the states against the run they are to start.
     *
     * @throws IllegalArgumentException naming the chain and the first value that cannot be used
     */
    void check(int chainCount, int dimension) {
        if (chains.size() != chainCount) {
            throw new IllegalArgumentException("warm start has " + chains.size()
                    + " adapted states, expected one per chain (" + chainCount + ")");
        }
        for (int c = 0; c < chainCount; c++) {
            AdaptedState s = chains.get(c);
            String chain = "warm start chain " + c + ": ";
            if (!(s.stepSize() > 0) || !Double.isFinite(s.stepSize())) {
                throw new IllegalArgumentException(chain + "step size must be finite and positive, got " + s.stepSize());
            }
            checkVector(chain + "position", s.position(), dimension, false);
            checkVector(chain + "inverseMetricDiagonal", s.inverseMetricDiagonal(), dimension, true);
            double[][] dense = s.inverseMetricDense();
            if (dense != null) {
                checkDense(chain, dense, dimension);
            }
        }
    }

    private static void checkVector(String what, double[] values, int dimension, boolean positive) {
        if (values == null || values.length != dimension) {
            throw new IllegalArgumentException(what + " has " + (values == null ? "no" : String.valueOf(values.length))
                    + " values, expected " + dimension);
        }
        for (int i = 0; i < dimension; i++) {
            double v = values[i];
            if (!Double.isFinite(v) || (positive && !(v > 0))) {
                throw new IllegalArgumentException(what + "[" + i + "] must be finite" + (positive ? " and positive" : "")
                        + ", got " + v);
            }
        }
    }

    private static void checkDense(String chain, double[][] dense, int dimension) {
        if (dense.length != dimension) {
            throw new IllegalArgumentException(chain + "inverseMetricDense has " + dense.length + " rows, expected "
                    + dimension);
        }
        for (int i = 0; i < dimension; i++) {
            checkVector(chain + "inverseMetricDense[" + i + "]", dense[i], dimension, false);
            for (int j = 0; j < i; j++) {
                double a = dense[i][j];
                double b = dense[j][i];
                if (Math.abs(a - b) > 1e-10 * Math.max(Math.abs(a), Math.abs(b))) {
                    throw new IllegalArgumentException(chain + "inverseMetricDense is not symmetric: [" + i + "][" + j
                            + "] = " + a + " but [" + j + "][" + i + "] = " + b);
                }
            }
        }
        try {
            new DenseMetric(dimension).setInverse(new DMatrixRMaj(dense));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(chain + "inverseMetricDense: " + e.getMessage(), e);
        }
    }
}
