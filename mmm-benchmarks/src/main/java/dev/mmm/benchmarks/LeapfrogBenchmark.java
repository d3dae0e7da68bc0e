package dev.mmm.benchmarks;

import dev.mmm.sampler.LogDensity;
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
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The sampler's cost per leapfrog step on a 100-d standard Gaussian, against the bare gradient
 * call: {@code gradient} is one density evaluation, {@code leapfrogStep} one integrator step,
 * {@code nutsTransition} one NUTS transition at a fixed step size, whose
 * {@code leapfrogs} counter gives leapfrog steps per second inside NUTS (tree building, U-turn
 * checks and multinomial sampling included). Overhead per leapfrog = gradient rate / leapfrog
 * rate − 1.
 *
 * <p>Run: {@code java -jar mmm-benchmarks/target/benchmarks.jar Leapfrog -f 1 -wi 3 -i 5}
 * (add {@code -prof gc} for allocation per operation).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LeapfrogBenchmark {

    /** N(0, I): the cheapest possible gradient, so sampler overhead shows at its largest. */
    static final class StandardGaussian implements LogDensity {
        private final int dimension;

        StandardGaussian(int dimension) {
            this.dimension = dimension;
        }

        @Override
        public int dimension() {
            return dimension;
        }

        @Override
        public double logDensityAndGradient(double[] q, double[] g) {
            double s = 0;
            for (int i = 0; i < dimension; i++) {
                s += q[i] * q[i];
                g[i] = -q[i];
            }
            return -0.5 * s;
        }
    }

    @State(Scope.Thread)
    public static class Target {
        @Param({"100"})
        public int dimension;

        @Param({"0.4"})
        public double stepSize;

        LogDensity density;
        LeapfrogIntegrator integrator;
        NutsKernel nuts;
        PhasePoint point;
        PhasePoint state;
        TransitionInfo info;
        double[] q;
        double[] g;

        @Setup(Level.Trial)
        public void setUp() {
            density = new StandardGaussian(dimension);
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1L);
            ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
            integrator = new LeapfrogIntegrator(density, new DiagonalMetric(dimension));
            nuts = new NutsKernel(integrator, rng, normal, 10);
            info = new TransitionInfo();
            q = new double[dimension];
            g = new double[dimension];
            point = new PhasePoint(dimension);
            state = new PhasePoint(dimension);
            for (int i = 0; i < dimension; i++) {
                q[i] = normal.sample();
                point.position[i] = q[i];
                point.momentum[i] = normal.sample();
                state.position[i] = q[i];
            }
            integrator.evaluate(point);
            integrator.updateEnergy(point);
            integrator.evaluate(state);
        }
    }

    /** Leapfrog steps taken inside NUTS, reported as a rate next to transitions per ms. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class LeapfrogCounter {
        public long leapfrogs;

        @Setup(Level.Iteration)
        public void reset() {
            leapfrogs = 0;
        }
    }

    @Benchmark
    public double gradient(Target t) {
        return t.density.logDensityAndGradient(t.q, t.g);
    }

    @Benchmark
    public double leapfrogStep(Target t) {
        // A Gaussian orbit stays bounded, so stepping forever is stable.
        t.integrator.step(t.point, t.stepSize);
        return t.point.energy;
    }

    @Benchmark
    public double nutsTransition(Target t, LeapfrogCounter counter) {
        t.nuts.transition(t.state, t.stepSize, t.info);
        counter.leapfrogs += t.info.leapfrogSteps;
        return t.state.logDensity;
    }
}
