package dev.mmm.benchmarks;

import dev.mmm.core.model.CompiledModel;
import dev.mmm.sampler.SamplerSettings;
import dev.mmm.sampler.SamplingResult;
import dev.mmm.sampler.Sampler;
import dev.mmm.sampler.metric.DiagonalMetric;
import dev.mmm.sampler.nuts.LeapfrogIntegrator;
import dev.mmm.sampler.nuts.NutsKernel;
import dev.mmm.sampler.nuts.PhasePoint;
import dev.mmm.sampler.nuts.TransitionInfo;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One full NUTS transition on the default model at the step size and diagonal metric that
 * Stan's warm-up (our {@link Sampler}, 1000 iterations) adapted, continuing a chain in the
 * typical set: transitions per second, and leapfrog steps (= gradient evaluations) per
 * second, which divided by {@link ModelGradientBenchmark}'s rate shows what the tree
 * building costs on top of the gradients.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class NutsTransitionBenchmark {

    @Param({"156x6"})
    public String size;

    private NutsKernel kernel;
    private PhasePoint state;
    private TransitionInfo info;
    private double stepSize;

    /** Counted per iteration and reported by JMH as rates (per second) next to the transition rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Work {
        public long leapfrogSteps;
        public long divergences;

        @Setup(Level.Iteration)
        public void reset() {
            leapfrogSteps = 0;
            divergences = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        int channels = BenchmarkData.parseSize(size)[1];
        CompiledModel model = BenchmarkData.defaultModel(channels, 2).compile(BenchmarkData.forSize(size, 2, 1));
        SamplingResult warm = Sampler.sample(model,
                SamplerSettings.builder().chains(1).threads(1).warmup(1000).draws(1).seed(11).build());
        stepSize = warm.stepSize()[0];
        DiagonalMetric metric = new DiagonalMetric(warm.inverseMetricDiagonal()[0]);
        LeapfrogIntegrator integrator = new LeapfrogIntegrator(model.copyForChain(), metric);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {12, 13});
        kernel = new NutsKernel(integrator, rng, ZigguratSampler.NormalizedGaussian.of(rng),
                SamplerSettings.defaults().maxTreeDepth());
        state = new PhasePoint(model.dimension());
        System.arraycopy(warm.positions()[0][0], 0, state.position, 0, model.dimension());
        integrator.evaluate(state);
        info = new TransitionInfo();
    }

    @Benchmark
    public int transition(Work work) {
        kernel.transition(state, stepSize, info);
        work.leapfrogSteps += info.leapfrogSteps;
        if (info.divergent) {
            work.divergences++;
        }
        return info.treeDepth;
    }
}
