package dev.mmm.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mmm.core.data.Dataset;
import dev.mmm.core.model.ChannelSpec;
import dev.mmm.core.model.CompiledModel;
import dev.mmm.core.model.ModelSpec;
import dev.mmm.core.model.TransformOrder;
import dev.mmm.core.transform.Transforms;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compiled log posterior and its gradient stay finite at extreme but legal points: every
 * unconstrained coordinate at +-20 and +-35 (alone and all together), spend of 1e12 and 1e-12,
 * long runs of zeros, a channel zero but for one week, for every adstock x saturation pair in
 * both transform orders.
 */
class ExtremePointsTest {

    private static final int ROWS = 52;
    private static final double[] EXTREMES = {-35, -20, 20, 35};

    /** Spend patterns for channel x1 (x2 keeps ordinary spend). */
    enum Spend {
        HUGE, TINY, LONG_ZERO_RUNS, ONE_WEEK_ONLY, HUGE_AND_TINY_MIXED
    }

    static Stream<Arguments> everyPairAndSpend() {
        List<Arguments> out = new ArrayList<>();
        for (String adstock : Transforms.adstockNames()) {
            for (String saturation : Transforms.saturationNames()) {
                for (Spend spend : Spend.values()) {
                    out.add(Arguments.of(adstock, saturation, spend));
                }
            }
        }
        return out.stream();
    }

    static Dataset data(Spend spend) {
        Dataset base = ReliabilityData.weekly(ROWS, 11);
        double[] x1 = new double[ROWS];
        Random rng = new Random(5);
        for (int t = 0; t < ROWS; t++) {
            switch (spend) {
                case HUGE -> x1[t] = 1e12 * (1 + rng.nextDouble());
                case TINY -> x1[t] = 1e-12 * (1 + rng.nextDouble());
                case LONG_ZERO_RUNS -> x1[t] = (t >= 3 && t < 30) || t >= 40 ? 0.0 : 500 * rng.nextDouble();
                case ONE_WEEK_ONLY -> x1[t] = t == 25 ? 750.0 : 0.0;
                case HUGE_AND_TINY_MIXED -> x1[t] = t % 2 == 0 ? 1e12 : 1e-12;
                default -> throw new IllegalStateException();
            }
        }
        LocalDate[] dates = base.dates();
        return ReliabilityData.of(dates, base.column("y"), x1, base.column("x2"), base.column("price"));
    }

    static ModelSpec spec(String adstock, String saturation, TransformOrder order) {
        ChannelSpec x1 = ChannelSpec.of("x1").withAdstock(adstock, 8).withSaturation(saturation).withOrder(order);
        ChannelSpec x2 = ChannelSpec.of("x2").withAdstock(adstock, 4).withSaturation(saturation).withOrder(order);
        return ModelSpec.builder().date("date").target("y").channel(x1).channel(x2).controls("price")
                .yearlySeasonality(2).build();
    }

    @ParameterizedTest(name = "{0} x {1}, spend {2}")
    @MethodSource("everyPairAndSpend")
    void densityAndGradientFiniteAtExtremeCoordinates(String adstock, String saturation, Spend spend) {
        Dataset data = data(spend);
        for (TransformOrder order : TransformOrder.values()) {
            CompiledModel model = spec(adstock, saturation, order).compile(data);
            assertFiniteAtExtremes(model, adstock + " x " + saturation + " (" + order + ", " + spend + ")");
        }
    }

    /**
     * Each coordinate alone at each extreme (the others at 0 and at a random legal point), and all
     * coordinates at once at each extreme.
     */
    static void assertFiniteAtExtremes(CompiledModel model, String what) {
        int n = model.dimension();
        double[] grad = new double[n];
        Random rng = new Random(17);
        double[] random = new double[n];
        for (int i = 0; i < n; i++) {
            random[i] = 4 * rng.nextDouble() - 2;
        }
        for (double[] base : List.of(new double[n], random)) {
            for (int i = 0; i < n; i++) {
                for (double e : EXTREMES) {
                    double[] u = base.clone();
                    u[i] = e;
                    String where = what + ", " + model.parameterNames().get(i) + " at u=" + e;
                    if (knownInfiniteSlope(where)) {
                        // Reported, not fixed: see knownInfiniteSlope. The density itself must still be finite.
                        assertThat(model.logDensityAndGradient(u, grad)).as("log density: " + where).isFinite();
                        continue;
                    }
                    assertFinite(model, u, grad, where);
                }
            }
        }
        for (double e : EXTREMES) {
            double[] u = new double[n];
            Arrays.fill(u, e);
            if (knownOverflow(model, what, e)) {
                // Reported, not fixed: see knownOverflow. The density itself must still be finite.
                assertThat(model.logDensityAndGradient(u, grad)).as("log density: " + what).isFinite();
                continue;
            }
            assertFinite(model, u, grad, what + ", every coordinate at u=" + e);
        }
    }

    /**
     * Known issue (in the report): delayed adstock with every coordinate at -20 has lag weights
     * alpha^((l-theta)^2) that underflow to subnormals, so the adstocked input of a channel that is
     * mostly zero is subnormal; a Hill or root saturation with a tiny exponent then has a slope
     * that overflows to infinity there, and the adstock reverse pass multiplies it by a zero spend
     * or a zero weight derivative (inf * 0 = NaN in d/dalpha). The true gradient is astronomically
     * large but its product form cannot be represented; fixing it needs the reverse pass in terms
     * of d log w, which is the model engineer's call.
     */
    static boolean knownOverflow(CompiledModel model, String what, double e) {
        return e == -20 && what.startsWith("delayed x ") && (what.contains(" x hill ") || what.contains(" x root "))
                && (what.contains("LONG_ZERO_RUNS") || what.contains("ONE_WEEK_ONLY"));
    }

    /**
     * Known issue (in the closing note of stop 8), the same class as {@link #knownOverflow}:
     * Weibull-PDF adstock with its scale at u=+35 (lam ~ 1.6e15) and a root saturation, on spend
     * that is mostly zero. The lag weights other than the pinned maximum shrink towards 0, so the
     * adstocked input of a row is 0 or subnormal, where the root's slope is infinite or overflows;
     * the reverse pass multiplies it by a non-zero weight derivative, giving +-Infinity (NaN where
     * rows of both signs meet). The true gradient is astronomically large; sampling treats such a
     * point as a divergence. Fixing it needs the reverse pass in terms of d log w.
     */
    static boolean knownInfiniteSlope(String where) {
        return where.startsWith("weibull_pdf x root ") && where.endsWith("lam[x1] at u=35.0")
                && (where.contains("LONG_ZERO_RUNS") || where.contains("ONE_WEEK_ONLY"));
    }

    static void assertFinite(CompiledModel model, double[] u, double[] grad, String where) {
        double value = model.logDensityAndGradient(u, grad);
        assertThat(value).as("log density: " + where).isFinite();
        for (int k = 0; k < grad.length; k++) {
            assertThat(grad[k]).as("gradient[" + model.parameterNames().get(k) + "]: " + where).isFinite();
        }
    }
}
