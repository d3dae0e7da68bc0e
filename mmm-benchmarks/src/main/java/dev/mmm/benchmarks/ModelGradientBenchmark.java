package dev.mmm.benchmarks;

import dev.mmm.core.model.CompiledModel;
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
 * Log density and gradient of the default model (MODEL.md: geometric adstock L=8, logistic
 * saturation, 2 controls, yearly seasonality of order 2): evaluations per second, and with
 * {@code -prof gc} the bytes allocated per evaluation (the hot-path contract says 0).
 *
 * <p>156x6 is the race's default size (three years of weeks, six channels); 1040x12 is
 * daily data (about three years of days) with twelve channels.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ModelGradientBenchmark {

    /** Distinct points cycled through, so a model that caches its last point cannot cheat. */
    private static final int POINTS = 16;

    @Param({"156x6", "1040x12"})
    public String size;

    private CompiledModel model;
    private double[][] positions;
    private double[] gradient;
    private int next;

    @Setup
    public void setUp() {
        int channels = BenchmarkData.parseSize(size)[1];
        model = BenchmarkData.defaultModel(channels, 2).compile(BenchmarkData.forSize(size, 2, 1));
        gradient = new double[model.dimension()];
        // Stan's initialisation range, uniform(-2, 2) on the unconstrained scale: legal and
        // varied points, every one with a finite density.
        SplittableRandom random = new SplittableRandom(3);
        positions = new double[POINTS][model.dimension()];
        for (double[] position : positions) {
            for (int i = 0; i < position.length; i++) {
                position[i] = -2 + 4 * random.nextDouble();
            }
            double value = model.logDensityAndGradient(position, gradient);
            if (!Double.isFinite(value)) {
                throw new IllegalStateException("the default model is not finite at a start point: " + value);
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
