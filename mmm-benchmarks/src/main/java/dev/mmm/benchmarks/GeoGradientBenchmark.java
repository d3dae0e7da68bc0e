package dev.mmm.benchmarks;

import dev.mmm.core.geo.GeoModel;
import dev.mmm.core.geo.GeoSimulator;
import dev.mmm.core.geo.GeoSimulator.GeoSimulation;
import dev.mmm.core.geo.GeoSpec;
import dev.mmm.core.model.ChannelSpec;
import dev.mmm.core.model.ModelSpec;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Log density and gradient of the hierarchical geo model ({@link GeoSimulator}'s spec: geometric
 * adstock L=8, logistic saturation, log-normal non-centred pooling, per-geo intercept, noise and
 * controls, shared yearly seasonality of order 1, populations), in microseconds per evaluation.
 * Sizes are geos x weeks x channels (3 controls) and the adstock length {@code lMax}; the cost
 * should grow linearly in geos x weeks x channels x lMax, and {@code -prof gc} should show 0 B
 * per evaluation. A single size: {@code -p size=40x156x5 -p lMax=8}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GeoGradientBenchmark {

    private static final int POINTS = 16;

    @Param({"10x156x5", "20x156x5", "40x156x5", "40x78x5", "40x156x10"})
    public String size;

    @Param({"8"})
    public int lMax;

    private GeoModel model;
    private double[][] positions;
    private double[] gradient;
    private int next;

    @Setup
    public void setUp() {
        String[] p = size.split("x");
        int channels = Integer.parseInt(p[2]);
        GeoSimulation sim = GeoSimulator.simulate(Integer.parseInt(p[0]), Integer.parseInt(p[1]), channels, 3, true, 1);
        ModelSpec.Builder b = ModelSpec.builder().date("date").target("y").yearlySeasonality(1).controls("z1", "z2", "z3");
        for (int c = 1; c <= channels; c++) {
            b.channel(ChannelSpec.of("ch" + c).withAdstock("geometric", lMax));
        }
        model = GeoSpec.of(b.build(), "geo").withPopulation("population").compile(sim.data());
        gradient = new double[model.dimension()];
        SplittableRandom random = new SplittableRandom(3);
        positions = new double[POINTS][model.dimension()];
        for (double[] position : positions) {
            for (int i = 0; i < position.length; i++) {
                position[i] = -2 + 4 * random.nextDouble();
            }
            if (!Double.isFinite(model.logDensityAndGradient(position, gradient))) {
                throw new IllegalStateException("the geo model is not finite at a start point");
            }
        }
    }

    @Benchmark
    public double logDensityAndGradient() {
        double[] position = positions[next];
        next = (next + 1) & (POINTS - 1);
        return model.logDensityAndGradient(position, gradient);
    }
}
