package dev.mmm.sampler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The draws of every chain on the unconstrained scale with Stan's per-draw sampler information.
 * Arrays returned are the result's own (not copies) so that large results are not duplicated on
 * every call; do not modify them.
 */
public final class SamplingResult {
    private final SamplerSettings settings;
    private final int chains;
    private final int dimension;
    private final int drawsPerChain;
    private final int[] drawsCompleted;
    private final boolean complete;
    private final double[][][] positions;
    private final double[][] logDensity;
    private final int[][] treeDepth;
    private final int[][] leapfrogSteps;
    private final boolean[][] divergent;
    private final double[][] energy;
    private final double[][] acceptance;
    private final double[] stepSize;
    private final double[][] inverseMetricDiagonal;
    private final List<AdaptedState> adaptation;
    private final long gradientEvaluations;
    private final double warmupSeconds;
    private final double samplingSeconds;
    private final double wallSeconds;
    private final int divergences;
    private final int maxTreeDepthHits;

    SamplingResult(ChainOutput[] outputs, SamplerSettings settings, int dimension, double wallSeconds) {
        this.settings = settings;
        this.chains = outputs.length;
        this.dimension = dimension;
        this.drawsPerChain = settings.draws();
        this.wallSeconds = wallSeconds;
        drawsCompleted = new int[chains];
        positions = new double[chains][][];
        logDensity = new double[chains][];
        treeDepth = new int[chains][];
        leapfrogSteps = new int[chains][];
        divergent = new boolean[chains][];
        energy = new double[chains][];
        acceptance = new double[chains][];
        stepSize = new double[chains];
        inverseMetricDiagonal = new double[chains][];
        List<AdaptedState> adapted = new ArrayList<>(chains);
        boolean allFinished = true;
        long gradients = 0;
        double warmup = 0;
        double sampling = 0;
        int divergenceCount = 0;
        int depthHits = 0;
        for (int c = 0; c < chains; c++) {
            ChainOutput o = outputs[c];
            int n = o.completed;
            drawsCompleted[c] = n;
            allFinished &= o.finished;
            positions[c] = n == o.positions.length ? o.positions : Arrays.copyOf(o.positions, n);
            logDensity[c] = Arrays.copyOf(o.logDensity, n);
            treeDepth[c] = Arrays.copyOf(o.treeDepth, n);
            leapfrogSteps[c] = Arrays.copyOf(o.leapfrogSteps, n);
            divergent[c] = Arrays.copyOf(o.divergent, n);
            energy[c] = Arrays.copyOf(o.energy, n);
            acceptance[c] = Arrays.copyOf(o.acceptance, n);
            stepSize[c] = o.stepSize;
            inverseMetricDiagonal[c] = o.inverseMetricDiagonal;
            adapted.add(new AdaptedState(o.stepSize, o.inverseMetricDiagonal, o.inverseMetricDense, o.lastPosition));
            gradients += o.gradientEvaluations;
            warmup = Math.max(warmup, o.warmupSeconds);
            sampling = Math.max(sampling, o.samplingSeconds);
            for (int d = 0; d < n; d++) {
                if (o.divergent[d]) {
                    divergenceCount++;
                }
            }
            depthHits += countAtLeast(o.treeDepth, n, settings.maxTreeDepth());
        }
        this.adaptation = List.copyOf(adapted);
        this.complete = allFinished;
        this.gradientEvaluations = gradients;
        this.warmupSeconds = warmup;
        this.samplingSeconds = sampling;
        this.divergences = divergenceCount;
        this.maxTreeDepthHits = depthHits;
    }

    private static int countAtLeast(int[] values, int n, int threshold) {
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (values[i] >= threshold) {
                count++;
            }
        }
        return count;
    }

    /** The settings the run used. */
    public SamplerSettings settings() {
        return settings;
    }

    public int chains() {
        return chains;
    }

    /** Number of unconstrained coordinates. */
    public int dimension() {
        return dimension;
    }

    /** Kept draws requested per chain. */
    public int drawsPerChain() {
        return drawsPerChain;
    }

    /** Kept draws each chain finished (fewer than requested after a cancellation). */
    public int[] drawsCompleted() {
        return drawsCompleted;
    }

    /** False if the run was cancelled before every chain finished. */
    public boolean complete() {
        return complete;
    }

    /** [chain][draw][dimension], unconstrained, completed draws only. */
    public double[][][] positions() {
        return positions;
    }

    /** [chain][draw] log density (Stan's lp__ up to the density's constant). */
    public double[][] logDensity() {
        return logDensity;
    }

    public int[][] treeDepth() {
        return treeDepth;
    }

    public int[][] leapfrogSteps() {
        return leapfrogSteps;
    }

    public boolean[][] divergent() {
        return divergent;
    }

    /** [chain][draw] Hamiltonian at the draw (Stan's energy__). */
    public double[][] energy() {
        return energy;
    }

    /** [chain][draw] Stan's accept_stat__. */
    public double[][] acceptance() {
        return acceptance;
    }

    /** The adapted step size of each chain. */
    public double[] stepSize() {
        return stepSize;
    }

    /** The diagonal of each chain's adapted inverse metric. */
    public double[][] inverseMetricDiagonal() {
        return inverseMetricDiagonal;
    }

    /**
     * What each chain's warm-up learnt and where it stopped, in chain order: the state a
     * {@link WarmStart} takes back to start a refit. A chain cancelled during warm-up has the
     * step size and metric it had reached then.
     */
    public List<AdaptedState> adaptation() {
        return adaptation;
    }

    /** Gradient evaluations of all chains: initialisation, step-size searches, warm-up and sampling. */
    public long gradientEvaluations() {
        return gradientEvaluations;
    }

    /** Warm-up time of the slowest chain (initialisation included). */
    public double warmupSeconds() {
        return warmupSeconds;
    }

    /** Sampling time of the slowest chain. */
    public double samplingSeconds() {
        return samplingSeconds;
    }

    /** Wall-clock time of the whole run, all chains. */
    public double wallSeconds() {
        return wallSeconds;
    }

    /** Divergent transitions in the sampling phase, all chains. */
    public int divergences() {
        return divergences;
    }

    /** Sampling-phase transitions that reached the maximum tree depth, all chains. */
    public int maxTreeDepthHits() {
        return maxTreeDepthHits;
    }
}
