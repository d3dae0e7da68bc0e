package dev.mmm.spark;

import dev.mmm.sampler.InitialMetric;
import dev.mmm.sampler.Metric;
import dev.mmm.sampler.SamplerSettings;
import dev.mmm.sampler.WarmupSchedule;
import java.io.Serializable;

/**
 * Sampler settings without a seed, in a form Spark can ship to its executors; each group's seed
 * comes from its key ({@link GroupKey#seed(long)}). Every group runs its chains on one thread
 * (Spark runs groups side by side); the draws do not depend on the thread count.
 */
public record SamplerPlan(int chains, int warmup, int draws, int maxTreeDepth, double targetAcceptance,
                          Metric metric, InitialMetric initialMetric, WarmupSchedule warmupSchedule,
                          double initRadius) implements Serializable {

    private static final long serialVersionUID = 1L;

    public SamplerPlan {
        // The builder names the first setting out of range.
        SamplerSettings.builder().chains(chains).warmup(warmup).draws(draws).maxTreeDepth(maxTreeDepth)
                .targetAcceptance(targetAcceptance).metric(metric).initialMetric(initialMetric)
                .warmupSchedule(warmupSchedule).initRadius(initRadius).build();
    }

    /** The settings of {@code settings} but its seed and thread count. */
    public static SamplerPlan of(SamplerSettings settings) {
        return new SamplerPlan(settings.chains(), settings.warmup(), settings.draws(), settings.maxTreeDepth(),
                settings.targetAcceptance(), settings.metric(), settings.initialMetric(), settings.warmupSchedule(),
                settings.initRadius());
    }

    /** {@code mmm fit}'s settings for these chains, warm-up and draws (everything else at its default). */
    public static SamplerPlan of(int chains, int warmup, int draws) {
        return of(SamplerSettings.builder().chains(chains).warmup(warmup).draws(draws).build());
    }

    /** These settings with {@code seed}, on one thread. */
    public SamplerSettings settings(long seed) {
        return SamplerSettings.builder().chains(chains).warmup(warmup).draws(draws).seed(seed).threads(1)
                .maxTreeDepth(maxTreeDepth).targetAcceptance(targetAcceptance).metric(metric)
                .initialMetric(initialMetric).warmupSchedule(warmupSchedule).initRadius(initRadius).build();
    }
}
