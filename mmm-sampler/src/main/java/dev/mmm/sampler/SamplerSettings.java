package dev.mmm.sampler;

import java.util.Objects;

/**
 * Immutable sampler settings. {@link #defaults()} are measured on the default MMM and differ from
 * CmdStan's in four places: 750 warm-up iterations and 1250 draws per chain (CmdStan: 1000 and
 * 1000, the same 2000 iterations), adapt_delta 0.9 (0.8) and the gradient-refreshed initial metric
 * (unit); the reasons sit beside each default below. {@link Metric#DENSE_SHRUNK},
 * {@link WarmupSchedule#SWITCHING_WINDOWS} and {@link #sharedWarmup()} are opt-in. Every setting: docs/sampler.md.
 */
public final class SamplerSettings {
    private final int chains;
    private final int warmup;
    private final int draws;
    private final long seed;
    private final int threads;
    private final int maxTreeDepth;
    private final double targetAcceptance;
    private final Metric metric;
    private final InitialMetric initialMetric;
    private final WarmupSchedule warmupSchedule;
    private final double initRadius;
    private final boolean sharedWarmup;

    private SamplerSettings(Builder b) {
        this.chains = b.chains;
        this.warmup = b.warmup;
        this.draws = b.draws;
        this.seed = b.seed;
        this.threads = b.threads;
        this.maxTreeDepth = b.maxTreeDepth;
        this.targetAcceptance = b.targetAcceptance;
        this.metric = b.metric;
        this.initialMetric = b.initialMetric;
        this.warmupSchedule = b.warmupSchedule;
        this.initRadius = b.initRadius;
        this.sharedWarmup = b.sharedWarmup;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Default warm-up iterations per chain. 750, not CmdStan's 1000: with the gradient-refreshed
     * start the metric has settled by then, and the 250 iterations go to sampling instead
     * ({@link #DEFAULT_DRAWS}). On 128 race-size fits this kept the gradients per fit (median
     * 0.27 M) and raised the smallest bulk-ESS by a fifth, which brought the largest R-hat over all
     * 128 fits from 1.0103 to 1.0056 with as many divergences (BENCHMARKS.md, "Stop 13").
     */
    public static final int DEFAULT_WARMUP = 750;
    /** Default kept draws per chain: 1250, so that warm-up and sampling are CmdStan's 2000 iterations; see {@link #DEFAULT_WARMUP}. */
    public static final int DEFAULT_DRAWS = 1250;

    public static SamplerSettings defaults() {
        return new Builder().build();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder().chains(chains).warmup(warmup).draws(draws).seed(seed).threads(threads)
                .maxTreeDepth(maxTreeDepth).targetAcceptance(targetAcceptance).metric(metric)
                .initialMetric(initialMetric).warmupSchedule(warmupSchedule).initRadius(initRadius)
                .sharedWarmup(sharedWarmup);
    }

    public int chains() {
        return chains;
    }

    public int warmup() {
        return warmup;
    }

    public int draws() {
        return draws;
    }

    public long seed() {
        return seed;
    }

    /** Worker threads; 0 means min(chains, available processors). */
    public int threads() {
        return threads;
    }

    /** The thread count actually used. */
    public int effectiveThreads() {
        int wanted = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        return Math.max(1, Math.min(chains, wanted));
    }

    public int maxTreeDepth() {
        return maxTreeDepth;
    }

    public double targetAcceptance() {
        return targetAcceptance;
    }

    public Metric metric() {
        return metric;
    }

    /** The diagonal metric warm-up starts from; {@link InitialMetric#UNIT} is Stan's. */
    public InitialMetric initialMetric() {
        return initialMetric;
    }

    /** When warm-up updates the metric; {@link WarmupSchedule#STAN_WINDOWS} is Stan's. */
    public WarmupSchedule warmupSchedule() {
        return warmupSchedule;
    }

    public double initRadius() {
        return initRadius;
    }

    /**
     * Whether the chains share their warm-up (opt-in, default false): at the end of every slow
     * metric window the chains' variance estimates are pooled into one metric that every chain
     * takes, and at the end of warm-up every chain takes the median of the chains' step sizes.
     * Sampling is unchanged (metric and step size fixed). Cold starts of {@link Metric#DIAGONAL}
     * with {@link WarmupSchedule#STAN_WINDOWS} only; a warm start refuses it.
     */
    public boolean sharedWarmup() {
        return sharedWarmup;
    }

    @Override
    public String toString() {
        return "SamplerSettings{chains=" + chains + ", warmup=" + warmup + ", draws=" + draws + ", seed=" + seed
                + ", threads=" + threads + ", maxTreeDepth=" + maxTreeDepth + ", targetAcceptance="
                + targetAcceptance + ", metric=" + metric + ", initialMetric=" + initialMetric + ", warmupSchedule="
                + warmupSchedule + ", initRadius="
                + initRadius + (sharedWarmup ? ", sharedWarmup=true" : "") + "}";
    }

    public static final class Builder {
        private int chains = 4;
        private int warmup = DEFAULT_WARMUP;
        private int draws = DEFAULT_DRAWS;
        private long seed = 1;
        private int threads = 0;
        private int maxTreeDepth = 10;
        // 0.9, not Stan's 0.8: on the default MMM (centred intercept) 0.8 left 1-3 divergences in
        // about one fit in five, 0.9 none, for a few per cent of the effective draws per gradient
        // (BENCHMARKS.md, "Sampling coordinates").
        private double targetAcceptance = 0.9;
        private Metric metric = Metric.DIAGONAL;
        // Not Stan's unit start: on the default MMM (centred intercept) about three quarters of a
        // fit's gradients went to warm-up, over half in its first 100 iterations, where a unit metric
        // needs trees of depth 9-10; the gradient-informed start halves the gradients per fit and
        // doubles the effective draws per gradient, with no divergence (BENCHMARKS.md).
        private InitialMetric initialMetric = InitialMetric.GRADIENT_REFRESHED;
        private WarmupSchedule warmupSchedule = WarmupSchedule.STAN_WINDOWS;
        private double initRadius = 2;
        private boolean sharedWarmup = false;

        private Builder() {
        }

        public Builder chains(int chains) {
            this.chains = chains;
            return this;
        }

        public Builder warmup(int warmup) {
            this.warmup = warmup;
            return this;
        }

        public Builder draws(int draws) {
            this.draws = draws;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        public Builder maxTreeDepth(int maxTreeDepth) {
            this.maxTreeDepth = maxTreeDepth;
            return this;
        }

        public Builder targetAcceptance(double targetAcceptance) {
            this.targetAcceptance = targetAcceptance;
            return this;
        }

        public Builder metric(Metric metric) {
            this.metric = metric;
            return this;
        }

        public Builder initialMetric(InitialMetric initialMetric) {
            this.initialMetric = initialMetric;
            return this;
        }

        public Builder warmupSchedule(WarmupSchedule warmupSchedule) {
            this.warmupSchedule = warmupSchedule;
            return this;
        }

        public Builder initRadius(double initRadius) {
            this.initRadius = initRadius;
            return this;
        }

        /** See {@link SamplerSettings#sharedWarmup()}. */
        public Builder sharedWarmup(boolean sharedWarmup) {
            this.sharedWarmup = sharedWarmup;
            return this;
        }

        /** @throws IllegalArgumentException naming the first setting out of range */
        public SamplerSettings build() {
            require(chains >= 1, "chains must be at least 1, got " + chains);
            require(warmup >= 0, "warmup must be at least 0, got " + warmup);
            require(draws >= 0, "draws must be at least 0, got " + draws);
            require(threads >= 0, "threads must be at least 0 (0 = automatic), got " + threads);
            require(maxTreeDepth >= 1 && maxTreeDepth <= 30, "maxTreeDepth must be in [1, 30], got " + maxTreeDepth);
            require(targetAcceptance > 0 && targetAcceptance < 1,
                    "targetAcceptance must be in (0, 1), got " + targetAcceptance);
            Objects.requireNonNull(metric, "metric must not be null");
            Objects.requireNonNull(initialMetric, "initialMetric must not be null");
            Objects.requireNonNull(warmupSchedule, "warmupSchedule must not be null");
            require(initRadius >= 0 && Double.isFinite(initRadius),
                    "initRadius must be finite and at least 0, got " + initRadius);
            require(!sharedWarmup || (metric == Metric.DIAGONAL && warmupSchedule == WarmupSchedule.STAN_WINDOWS),
                    "sharedWarmup needs metric DIAGONAL and warmupSchedule STAN_WINDOWS, got " + metric + " and "
                            + warmupSchedule);
            return new SamplerSettings(this);
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
