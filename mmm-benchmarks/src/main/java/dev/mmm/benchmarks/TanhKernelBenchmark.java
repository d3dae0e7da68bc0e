package dev.mmm.benchmarks;

import dev.mmm.core.transform.LogisticSaturation;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The logistic saturation's value and derivatives for the default model's 156 rows x 6 channels
 * (936 elements per operation, divide the time by 936 for ns per element): the array kernel
 * behind {@link LogisticSaturation#evaluate} against the loop it replaced (one Math.exp and a
 * Taylor branch per element, copied here), and the kernel with C2's superword switched off,
 * which shows how much of the gain is SIMD.
 *
 * <p>Inputs are drawn like the model's: lam ~ Gamma(3, 1) per channel, adstocked and scaled
 * spend a in [0, 1] with about 10% exact zeros.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TanhKernelBenchmark {

    private static final int ROWS = 156;
    private static final int CHANNELS = 6;
    /** Parameter draws cycled through, as the sampler moves lam between calls. */
    private static final int DRAWS = 16;

    private final LogisticSaturation logistic = new LogisticSaturation();
    private double[][] x;
    private double[][][] lam;
    private double[] value;
    private double[] dx;
    private double[][] dParams;
    private int next;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(11);
        x = new double[CHANNELS][ROWS];
        for (double[] channel : x) {
            for (int t = 0; t < ROWS; t++) {
                channel[t] = random.nextDouble() < 0.1 ? 0.0 : random.nextDouble();
            }
        }
        lam = new double[DRAWS][CHANNELS][1];
        for (double[][] draw : lam) {
            for (double[] channel : draw) {
                // Gamma(3, 1) as a sum of three Exp(1).
                channel[0] = -Math.log1p(-random.nextDouble()) - Math.log1p(-random.nextDouble())
                        - Math.log1p(-random.nextDouble());
            }
        }
        value = new double[ROWS];
        dx = new double[ROWS];
        dParams = new double[1][ROWS];
    }

    @Benchmark
    public void kernel(Blackhole blackhole) {
        double[][] draw = lam[next];
        next = (next + 1) & (DRAWS - 1);
        for (int c = 0; c < CHANNELS; c++) {
            logistic.evaluate(draw[c], x[c], ROWS, value, dx, dParams);
            blackhole.consume(value);
        }
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = "-XX:-UseSuperWord")
    public void kernelWithoutSuperWord(Blackhole blackhole) {
        kernel(blackhole);
    }

    @Benchmark
    public void oldLoop(Blackhole blackhole) {
        double[][] draw = lam[next];
        next = (next + 1) & (DRAWS - 1);
        for (int c = 0; c < CHANNELS; c++) {
            oldEvaluate(draw[c][0], x[c], ROWS, value, dx, dParams[0]);
            blackhole.consume(value);
        }
    }

    // The replaced code, verbatim but for names: LogisticSaturation.evaluate and
    // AbstractSaturation.tanhInto before the kernel.

    private static final double SERIES_LIMIT = 0.1;

    private static void oldEvaluate(double lam, double[] x, int n, double[] value, double[] dx, double[] dLam) {
        double halfLam = 0.5 * lam;
        for (int t = 0; t < n; t++) {
            double xt = x[t];
            double slope = oldTanhInto(halfLam * xt, value, t);
            dx[t] = halfLam * slope;
            dLam[t] = 0.5 * xt * slope;
        }
    }

    private static double oldTanhInto(double u, double[] value, int t) {
        double a = Math.abs(u);
        if (a < SERIES_LIMIT) {
            double f = a * oldTanhSeries(a * a);
            value[t] = Math.copySign(f, u);
            return 1.0 - f * f;
        }
        double e = Math.exp(-2.0 * a);
        double onePlus = 1.0 + e;
        value[t] = Math.copySign((1.0 - e) / onePlus, u);
        return 4.0 * e / (onePlus * onePlus);
    }

    private static double oldTanhSeries(double a2) {
        return 1.0 + a2 * (-1.0 / 3.0 + a2 * (2.0 / 15.0 + a2 * (-17.0 / 315.0 + a2 * (62.0 / 2835.0
                + a2 * (-1382.0 / 155925.0 + a2 * (21844.0 / 6081075.0 + a2 * (-929569.0 / 638512875.0)))))));
    }
}
