package dev.mmm.sampler;

import dev.mmm.sampler.adapt.AdaptationWindows;
import dev.mmm.sampler.adapt.DenseCovarianceEstimator;
import dev.mmm.sampler.adapt.DiagonalVarianceEstimator;
import dev.mmm.sampler.adapt.DrawGradientVarianceEstimator;
import dev.mmm.sampler.adapt.DualAveraging;
import dev.mmm.sampler.adapt.EarlyDiagonalRefresh;
import dev.mmm.sampler.adapt.MetricAdaptation;
import dev.mmm.sampler.adapt.MetricEstimator;
import dev.mmm.sampler.adapt.ShrunkCovarianceEstimator;
import dev.mmm.sampler.adapt.SwitchingWindows;
import dev.mmm.sampler.metric.DenseMetric;
import dev.mmm.sampler.metric.DiagonalMetric;
import dev.mmm.sampler.metric.EuclideanMetric;
import dev.mmm.sampler.nuts.LeapfrogIntegrator;
import dev.mmm.sampler.nuts.NutsKernel;
import dev.mmm.sampler.nuts.PhasePoint;
import dev.mmm.sampler.nuts.StepSizeSearch;
import dev.mmm.sampler.nuts.TransitionInfo;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * One chain: initialisation, Stan's adaptive warm-up (or a warm start's, see {@link WarmStart}),
 * then sampling, as Stan's run_adaptive_sampler.
 */
final class Chain {
    static final int MAX_INIT_TRIES = 100;

    private final int index;
    private final SamplerSettings settings;
    private final CountingLogDensity density;
    private final double[] initialPosition;
    private final ProgressListener listener;
    private final CancellationToken token;
    private final AtomicBoolean abort;
    private final int dimension;
    private final AdaptedState warmState;
    private final WarmStart.Retune retune;
    /** Non-null when the chains share their warm-up ({@link SamplerSettings#sharedWarmup()}). */
    private final SharedWarmup shared;

    Chain(int index, LogDensity density, SamplerSettings settings, double[] initialPosition,
            ProgressListener listener, CancellationToken token, AtomicBoolean abort) {
        this(index, density, settings, initialPosition, null, null, listener, token, abort, null);
    }

    /** A cold-started chain whose warm-up meets the other chains' at {@code shared}. */
    Chain(int index, LogDensity density, SamplerSettings settings, double[] initialPosition,
            ProgressListener listener, CancellationToken token, AtomicBoolean abort, SharedWarmup shared) {
        this(index, density, settings, initialPosition, null, null, listener, token, abort, shared);
    }

    /** A warm-started chain: from {@code warmState}'s position, metric and step size; see {@link WarmStart}. */
    Chain(int index, LogDensity density, SamplerSettings settings, AdaptedState warmState, WarmStart.Retune retune,
            ProgressListener listener, CancellationToken token, AtomicBoolean abort) {
        this(index, density, settings, warmState.position(), warmState, retune, listener, token, abort, null);
    }

    private Chain(int index, LogDensity density, SamplerSettings settings, double[] initialPosition,
            AdaptedState warmState, WarmStart.Retune retune, ProgressListener listener, CancellationToken token,
            AtomicBoolean abort, SharedWarmup shared) {
        this.index = index;
        this.settings = settings;
        this.density = new CountingLogDensity(density);
        this.initialPosition = initialPosition;
        this.listener = listener;
        this.token = token;
        this.abort = abort;
        this.dimension = density.dimension();
        this.warmState = warmState;
        this.retune = retune;
        this.shared = shared;
    }

    /** A reproducible stream per (seed, chain), independent of which thread runs the chain. */
    static UniformRandomProvider rngFor(long seed, int chain) {
        return RandomStreams.of(seed, chain);
    }

    ChainOutput run() {
        ChainOutput out = new ChainOutput(settings.draws(), dimension);
        UniformRandomProvider rng = rngFor(settings.seed(), index);
        NormalizedGaussianSampler normal = ZigguratSampler.NormalizedGaussian.of(rng);
        if (warmState != null) {
            return runWarm(out, rng, normal);
        }

        EuclideanMetric metric = settings.metric() == Metric.DENSE || settings.metric() == Metric.DENSE_SHRUNK
                ? new DenseMetric(dimension) : new DiagonalMetric(dimension);
        MetricEstimator estimator = shared != null ? shared.varianceEstimator(index, (DiagonalMetric) metric)
                : estimatorFor(metric);
        LeapfrogIntegrator integrator = new LeapfrogIntegrator(density, metric);
        NutsKernel kernel = new NutsKernel(integrator, rng, normal, settings.maxTreeDepth());
        StepSizeSearch stepSizeSearch = new StepSizeSearch(integrator, normal);
        TransitionInfo info = new TransitionInfo();

        long start = System.nanoTime();
        PhasePoint state = new PhasePoint(dimension);
        initialise(state, rng);

        int warmup = settings.warmup();
        boolean switching = settings.warmupSchedule() == WarmupSchedule.SWITCHING_WINDOWS;
        AdaptationWindows windows = new AdaptationWindows(warmup);
        MetricAdaptation metricAdaptation = switching ? null : new MetricAdaptation(windows, estimator);
        SwitchingWindows switchingWindows = switching ? new SwitchingWindows(warmup, estimator, estimatorFor(metric))
                : null;
        boolean diagonal = settings.metric() == Metric.DIAGONAL || settings.metric() == Metric.DIAGONAL_GRADIENT;
        boolean gradientStart = settings.metric() == Metric.DIAGONAL_GRADIENT
                || (diagonal && settings.initialMetric() != InitialMetric.UNIT);
        if (gradientStart && warmup >= 20) {
            double[] initial = new double[dimension];
            DrawGradientVarianceEstimator.initialFromGradient(state.gradient, initial);
            ((DiagonalMetric) metric).setInverseDiagonal(initial);
        }
        EarlyDiagonalRefresh refresh = !switching && diagonal
                && settings.initialMetric() == InitialMetric.GRADIENT_REFRESHED
                && windows.initBuffer() > 0 ? new EarlyDiagonalRefresh((DiagonalMetric) metric, windows.initBuffer())
                : null;

        double stepSize = 1.0;
        DualAveraging dualAveraging = new DualAveraging(settings.targetAcceptance());
        dualAveraging.setMu(Math.log(10 * stepSize));
        stepSize = stepSizeSearch.search(state, stepSize);

        int divergences = 0;
        for (int i = 0; i < warmup; i++) {
            if (stopRequested()) {
                finish(out, metric, state, stepSize, start, System.nanoTime(), System.nanoTime());
                return out;
            }
            kernel.transition(state, stepSize, info);
            if (info.divergent) {
                divergences++;
            }
            stepSize = dualAveraging.learn(info.acceptance);
            boolean metricChanged = switching ? switchingWindows.learn(state.position, state.gradient)
                    : metricAdaptation.learn(state.position, state.gradient);
            if (refresh != null && refresh.learn(i, state.position, state.gradient)) {
                metricChanged = true;
            }
            if (metricChanged) {
                stepSize = stepSizeSearch.search(state, stepSize);
                dualAveraging.setMu(Math.log(10 * stepSize));
                dualAveraging.restart();
            }
            if (listener != null) {
                listener.onIteration(index, i + 1, Phase.WARMUP, divergences);
            }
        }
        if (warmup > 0) {
            stepSize = dualAveraging.finalStepSize();
            if (shared != null) {
                stepSize = shared.pooledStepSize(index, stepSize);
            }
        }
        return sample(out, kernel, metric, state, info, stepSize, start);
    }

    /** A new estimator of the settings' metric kind writing {@code metric}; null for {@link Metric#UNIT}. */
    private MetricEstimator estimatorFor(EuclideanMetric metric) {
        return switch (settings.metric()) {
            case DENSE -> new DenseCovarianceEstimator((DenseMetric) metric);
            case DENSE_SHRUNK -> new ShrunkCovarianceEstimator((DenseMetric) metric);
            case DIAGONAL_GRADIENT -> new DrawGradientVarianceEstimator((DiagonalMetric) metric);
            case UNIT -> null;
            case DIAGONAL -> new DiagonalVarianceEstimator((DiagonalMetric) metric);
        };
    }

    /**
     * A warm start's warm-up ({@link WarmStart}): from the given position, metric and step size,
     * dual averaging shrinks towards the given step size. With {@link WarmStart.Retune#STEP_SIZE_AND_METRIC}
     * a single metric window re-estimates the metric (shrunk towards the given one), after which
     * dual averaging restarts from the step size averaged so far: the new metric is close to the
     * old, so no step-size search. {@link Metric#UNIT} keeps the identity whatever was given.
     */
    private ChainOutput runWarm(ChainOutput out, UniformRandomProvider rng, NormalizedGaussianSampler normal) {
        boolean adaptMetric = retune == WarmStart.Retune.STEP_SIZE_AND_METRIC;
        double[] givenDiagonal = warmState.inverseMetricDiagonal();
        EuclideanMetric metric;
        MetricEstimator estimator;
        switch (settings.metric()) {
            case DENSE:
            case DENSE_SHRUNK: {
                DenseMetric dense = new DenseMetric(dimension);
                DMatrixRMaj given = warmState.dense() ? new DMatrixRMaj(warmState.inverseMetricDense())
                        : CommonOps_DDRM.diag(givenDiagonal);
                dense.setInverse(given);
                metric = dense;
                estimator = adaptMetric ? new DenseCovarianceEstimator(dense, given.data) : null;
                break;
            }
            case UNIT:
                metric = new DiagonalMetric(dimension);
                estimator = null;
                break;
            case DIAGONAL_GRADIENT: {
                DiagonalMetric diagonal = new DiagonalMetric(givenDiagonal);
                metric = diagonal;
                estimator = adaptMetric ? new DrawGradientVarianceEstimator(diagonal) : null;
                break;
            }
            case DIAGONAL:
            default: {
                DiagonalMetric diagonal = new DiagonalMetric(givenDiagonal);
                metric = diagonal;
                estimator = adaptMetric ? new DiagonalVarianceEstimator(diagonal, givenDiagonal) : null;
                break;
            }
        }
        LeapfrogIntegrator integrator = new LeapfrogIntegrator(density, metric);
        NutsKernel kernel = new NutsKernel(integrator, rng, normal, settings.maxTreeDepth());
        TransitionInfo info = new TransitionInfo();

        long start = System.nanoTime();
        PhasePoint state = new PhasePoint(dimension);
        initialise(state, rng);

        int warmup = settings.warmup();
        MetricAdaptation metricAdaptation = new MetricAdaptation(AdaptationWindows.forWarmStart(warmup), estimator);
        double stepSize = warmState.stepSize();
        DualAveraging dualAveraging = new DualAveraging(settings.targetAcceptance());
        dualAveraging.setMu(Math.log(stepSize));

        int divergences = 0;
        for (int i = 0; i < warmup; i++) {
            if (stopRequested()) {
                finish(out, metric, state, stepSize, start, System.nanoTime(), System.nanoTime());
                return out;
            }
            kernel.transition(state, stepSize, info);
            if (info.divergent) {
                divergences++;
            }
            stepSize = dualAveraging.learn(info.acceptance);
            if (metricAdaptation.learn(state.position, state.gradient)) {
                stepSize = dualAveraging.finalStepSize();
                dualAveraging.setMu(Math.log(stepSize));
                dualAveraging.restart();
            }
            if (listener != null) {
                listener.onIteration(index, i + 1, Phase.WARMUP, divergences);
            }
        }
        if (warmup > 0) {
            stepSize = dualAveraging.finalStepSize();
        }
        return sample(out, kernel, metric, state, info, stepSize, start);
    }

    /** The sampling phase, after either warm-up. */
    private ChainOutput sample(ChainOutput out, NutsKernel kernel, EuclideanMetric metric, PhasePoint state,
            TransitionInfo info, double stepSize, long start) {
        long warmupEnd = System.nanoTime();

        int divergences = 0;
        for (int d = 0; d < settings.draws(); d++) {
            if (stopRequested()) {
                finish(out, metric, state, stepSize, start, warmupEnd, System.nanoTime());
                return out;
            }
            kernel.transition(state, stepSize, info);
            System.arraycopy(state.position, 0, out.positions[d], 0, dimension);
            out.logDensity[d] = state.logDensity;
            out.treeDepth[d] = info.treeDepth;
            out.leapfrogSteps[d] = info.leapfrogSteps;
            out.divergent[d] = info.divergent;
            out.energy[d] = info.energy;
            out.acceptance[d] = info.acceptance;
            out.completed = d + 1;
            if (info.divergent) {
                divergences++;
            }
            if (listener != null) {
                listener.onIteration(index, d + 1, Phase.SAMPLING, divergences);
            }
        }
        out.finished = true;
        finish(out, metric, state, stepSize, start, warmupEnd, System.nanoTime());
        return out;
    }

    private boolean stopRequested() {
        return abort.get() || (token != null && token.isCancelled());
    }

    private void finish(ChainOutput out, EuclideanMetric metric, PhasePoint state, double stepSize, long start,
            long warmupEnd, long end) {
        out.stepSize = stepSize;
        metric.inverseDiagonal(out.inverseMetricDiagonal);
        if (metric instanceof DenseMetric dense) {
            DMatrixRMaj inverse = new DMatrixRMaj(dimension, dimension);
            dense.inverse(inverse);
            out.inverseMetricDense = new double[dimension][dimension];
            for (int i = 0; i < dimension; i++) {
                System.arraycopy(inverse.data, i * dimension, out.inverseMetricDense[i], 0, dimension);
            }
        }
        System.arraycopy(state.position, 0, out.lastPosition, 0, dimension);
        out.gradientEvaluations = density.evaluations();
        out.warmupSeconds = (warmupEnd - start) * 1e-9;
        out.samplingSeconds = (end - warmupEnd) * 1e-9;
    }

    /** Stan's initialisation: the user's point, or up to 100 uniform draws in (−r, r)^n. */
    private void initialise(PhasePoint state, UniformRandomProvider rng) {
        if (initialPosition != null) {
            System.arraycopy(initialPosition, 0, state.position, 0, dimension);
            state.logDensity = density.logDensityAndGradient(state.position, state.gradient);
            if (!Double.isFinite(state.logDensity) || !allFinite(state.gradient)) {
                throw new SamplerException("chain " + index + ": the given initial position has log density "
                        + state.logDensity + (allFinite(state.gradient) ? "" : " and a gradient that is not finite"));
            }
            return;
        }
        double radius = settings.initRadius();
        double last = Double.NaN;
        boolean gradientFinite = true;
        for (int attempt = 0; attempt < MAX_INIT_TRIES; attempt++) {
            for (int i = 0; i < dimension; i++) {
                state.position[i] = radius * (2 * rng.nextDouble() - 1);
            }
            last = density.logDensityAndGradient(state.position, state.gradient);
            gradientFinite = allFinite(state.gradient);
            if (Double.isFinite(last) && gradientFinite) {
                state.logDensity = last;
                return;
            }
        }
        String r = formatRadius(radius);
        throw new SamplerException("could not find a finite log density in " + MAX_INIT_TRIES
                + " tries at random points in (-" + r + ", " + r + ")^" + dimension + "; last value: " + last
                + (Double.isFinite(last) && !gradientFinite ? " (its gradient was not finite)" : "")
                + " (chain " + index + ")");
    }

    private static String formatRadius(double radius) {
        return radius == Math.rint(radius) ? Long.toString((long) radius) : Double.toString(radius);
    }

    private static boolean allFinite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
