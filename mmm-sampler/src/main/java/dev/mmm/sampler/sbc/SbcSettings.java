package dev.mmm.sampler.sbc;

import dev.mmm.sampler.Metric;

/**
 * Settings of an SBC run.
 *
 * @param replications number of simulated data sets N
 * @param draws posterior draws kept per replication L, after thinning; ranks are in 0..L
 * @param thin keep every {@code thin}-th draw so that kept draws are nearly independent (the SBC
 *     R package's default for MCMC is 10)
 * @param warmup warm-up iterations of the one chain run per replication
 * @param bins histogram bins J of the chi-square test; {@code L + 1} must be a multiple of J so
 *     that every bin holds as many possible ranks, and {@code N / J >= 5}
 * @param seed master seed; replication i draws from its own stream fixed by (seed, i), so results
 *     do not depend on the thread count
 * @param metric the sampler's metric
 * @param targetAcceptance the sampler's adapt_delta
 * @param threads replications run in parallel; 0 means the available processors
 */
public record SbcSettings(int replications, int draws, int thin, int warmup, int bins, long seed,
        Metric metric, double targetAcceptance, int threads) {

    public SbcSettings {
        require(replications >= 1, "replications must be at least 1, got " + replications);
        require(draws >= 1, "draws must be at least 1, got " + draws);
        require(thin >= 1, "thin must be at least 1, got " + thin);
        require(warmup >= 0, "warmup must be at least 0, got " + warmup);
        require(bins >= 2, "bins must be at least 2, got " + bins);
        require((draws + 1) % bins == 0, "draws + 1 (" + (draws + 1) + ") must be a multiple of bins ("
                + bins + ") so that every bin covers as many ranks");
        require(replications >= 5 * bins, "replications (" + replications + ") must be at least 5 x bins ("
                + 5 * bins + ") for the chi-square approximation");
        require(metric != null, "metric must not be null");
        require(targetAcceptance > 0 && targetAcceptance < 1,
                "targetAcceptance must be in (0, 1), got " + targetAcceptance);
        require(threads >= 0, "threads must be at least 0 (0 = automatic), got " + threads);
    }

    /**
     * Stan user's guide-like defaults: N = 200 replications, L = 99 draws thinned by 10 after 1000
     * warm-up iterations, J = 20 bins (5 ranks and 10 expected counts per bin).
     */
    public static SbcSettings defaults(long seed) {
        return new SbcSettings(200, 99, 10, 1000, 20, seed, Metric.DIAGONAL, 0.8, 0);
    }

    public SbcSettings withReplications(int replications) {
        return new SbcSettings(replications, draws, thin, warmup, bins, seed, metric, targetAcceptance,
                threads);
    }

    public SbcSettings withWarmup(int warmup) {
        return new SbcSettings(replications, draws, thin, warmup, bins, seed, metric, targetAcceptance,
                threads);
    }

    public SbcSettings withThreads(int threads) {
        return new SbcSettings(replications, draws, thin, warmup, bins, seed, metric, targetAcceptance,
                threads);
    }

    public SbcSettings withSampler(Metric metric, double targetAcceptance) {
        return new SbcSettings(replications, draws, thin, warmup, bins, seed, metric, targetAcceptance,
                threads);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
