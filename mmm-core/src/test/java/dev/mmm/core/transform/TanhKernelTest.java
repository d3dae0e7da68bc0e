package dev.mmm.core.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Accuracy of {@link TanhKernel} against a 50-digit BigDecimal reference, and scalar/array agreement. */
class TanhKernelTest {

    private static final MathContext MC = new MathContext(50);
    private static final double TANH_ULPS = 4.0;
    private static final double SECH2_ULPS = 8.0;

    /** The dense grid the brief asks for, u >= 0 (the kernel's use) and its mirror. */
    private static double[] grid() {
        List<Double> u = new ArrayList<>();
        u.add(0.0);
        u.add(Double.MIN_VALUE);
        u.add(2 * Double.MIN_VALUE);
        u.add(1e-320);
        u.add(1e-310);
        u.add(Double.MIN_NORMAL);
        u.add(Math.nextDown(Double.MIN_NORMAL));
        for (int i = 0; i <= 2920; i++) {
            u.add(Math.pow(10.0, -300.0 + i / 10.0)); // 1e-300 .. 1e-8
        }
        for (int i = -2000; i <= 2000; i++) {
            u.add(0.1 + i * 1e-5); // around the old series switch
        }
        double at = 0.1;
        for (int i = -50; i <= 50; i++) {
            u.add(at + i * Math.ulp(at));
        }
        for (int i = 0; i <= 8000; i++) {
            u.add(0.1 + i * (19.9 / 8000)); // 0.1 .. 20
        }
        for (int i = 0; i <= 2000; i++) {
            u.add(20.0 + i * 0.01); // 20 .. 40, where tanh rounds to 1
        }
        for (int i = 0; i <= 1500; i++) {
            u.add(Math.pow(10.0, Math.log10(40.0) + i / 500.0)); // 40 .. 4e4, sech^2 through underflow
        }
        for (int i = 3; i <= 308; i++) {
            u.add(Math.pow(10.0, i));
        }
        u.add(Double.MAX_VALUE);
        // Where -2u / ln2 is halfway between integers, the range reduction's rounding flips.
        for (int j = 0; j < 1100; j++) {
            double tie = (j + 0.5) * Math.log(2.0) / 2.0;
            for (int d = -2; d <= 2; d++) {
                u.add(tie + d * Math.ulp(tie));
            }
        }
        SplittableRandom random = new SplittableRandom(17);
        for (int i = 0; i < 1000; i++) {
            u.add(random.nextDouble() * 20.0);
        }
        double[] out = new double[2 * u.size()];
        for (int i = 0; i < u.size(); i++) {
            out[2 * i] = u.get(i);
            out[2 * i + 1] = -u.get(i);
        }
        return out;
    }

    @Test
    void tanhWithinFourUlpsAndSech2WithinEightUlpsOfTheReference() {
        double[] u = grid();
        double[] tanh = new double[u.length];
        double[] sech2 = new double[u.length];
        TanhKernel.tanhAndSech2(1.0, u, u.length, tanh, sech2);
        double worstTanh = 0;
        double worstSech2 = 0;
        BigDecimal[] reference = null;
        for (int i = 0; i < u.length; i++) {
            if (i % 2 == 0) {
                reference = reference(u[i]); // u[i + 1] = -u[i]: tanh odd, sech^2 even
            }
            double expectedTanh = Math.copySign(reference[0].doubleValue(), u[i]);
            double expectedSech2 = reference[1].doubleValue();
            double tanhUlps = ulpsFrom(tanh[i], reference[0].multiply(BigDecimal.valueOf(Math.signum(u[i]))));
            assertThat(tanhUlps).as("tanh(%s) = %s, reference %s", u[i], tanh[i], expectedTanh)
                    .isLessThanOrEqualTo(TANH_ULPS);
            assertThat(Math.abs(tanh[i] - Math.tanh(u[i]))).as("tanh(%s) vs Math.tanh", u[i])
                    .isLessThanOrEqualTo(TANH_ULPS * Math.ulp(Math.tanh(u[i])));
            worstTanh = Math.max(worstTanh, tanhUlps);
            if (expectedSech2 >= Double.MIN_NORMAL) {
                double sech2Ulps = ulpsFrom(sech2[i], reference[1]);
                assertThat(sech2Ulps).as("sech^2(%s) = %s, reference %s", u[i], sech2[i], expectedSech2)
                        .isLessThanOrEqualTo(SECH2_ULPS);
                worstSech2 = Math.max(worstSech2, sech2Ulps);
            } else if (reference[1].compareTo(new BigDecimal(Double.MIN_VALUE).multiply(new BigDecimal("0.5"))) < 0) {
                assertThat(sech2[i]).as("sech^2(%s) underflows", u[i]).isEqualTo(0.0);
            } else {
                // Subnormal: rounded once onto the subnormal grid, so off by at most a step or two.
                assertThat(Math.abs(sech2[i] - expectedSech2)).as("subnormal sech^2(%s)", u[i])
                        .isLessThanOrEqualTo(2 * Double.MIN_VALUE);
            }
        }
        // The margins the class documents (measured 2.91 and 4.23 ulp); the required limits are asserted above.
        assertThat(worstTanh).isLessThanOrEqualTo(3.0);
        assertThat(worstSech2).isLessThanOrEqualTo(5.0);
    }

    @Test
    void edgesAreExact() {
        double[] u = {0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 1e300, -1e300,
            Double.MIN_VALUE, -Double.MIN_VALUE};
        double[] tanh = new double[u.length];
        double[] sech2 = new double[u.length];
        TanhKernel.tanhAndSech2(1.0, u, u.length, tanh, sech2);
        assertThat(tanh).containsExactly(0.0, -0.0, 1.0, -1.0, Double.NaN, 1.0, -1.0, Double.MIN_VALUE,
                -Double.MIN_VALUE);
        assertThat(sech2).containsExactly(1.0, 1.0, 0.0, 0.0, Double.NaN, 0.0, 0.0, 1.0, 1.0);
        assertThat(Double.doubleToRawLongBits(tanh[0])).as("tanh(+0) is +0").isEqualTo(0L);
        assertThat(Double.doubleToRawLongBits(tanh[1])).as("tanh(-0) is -0").isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void sech2IsNeverNaNForNonNaNInput() {
        double[] u = grid();
        double[] tanh = new double[u.length];
        double[] sech2 = new double[u.length];
        TanhKernel.tanhAndSech2(1.0, u, u.length, tanh, sech2);
        for (int i = 0; i < u.length; i++) {
            assertThat(sech2[i]).as("sech^2(%s)", u[i]).isBetween(0.0, 1.0);
            assertThat(tanh[i]).as("tanh(%s)", u[i]).isBetween(-1.0, 1.0);
        }
    }

    @Test
    void scalarTwinsAgreeBitForBitWithTheArrayKernel() {
        double[] u = grid();
        for (double scale : new double[] {1.0, 0.5 * 3.7, 1e-3, 250.0}) {
            double[] tanh = new double[u.length];
            double[] sech2 = new double[u.length];
            TanhKernel.tanhAndSech2(scale, u, u.length, tanh, sech2);
            double[] one = new double[1];
            for (int i = 0; i < u.length; i++) {
                double ui = scale * u[i];
                double scalarSech2 = TanhKernel.tanhAndSech2(ui, one, 0);
                assertThat(one[0]).as("tanh(%s)", ui).isEqualTo(tanh[i]);
                assertThat(TanhKernel.tanh(ui)).as("tanh(%s)", ui).isEqualTo(tanh[i]);
                assertThat(AbstractSaturation.tanh(ui)).as("tanh(%s)", ui).isEqualTo(tanh[i]);
                assertThat(scalarSech2).as("sech^2(%s)", ui).isEqualTo(sech2[i]);
            }
        }
    }

    @Test
    void onlyTheFirstNEntriesAreWritten() {
        double[] x = {0.3, 1.2, 7.0, 9.0};
        double[] tanh = {5.0, 5.0, 5.0, 5.0};
        double[] sech2 = {5.0, 5.0, 5.0, 5.0};
        TanhKernel.tanhAndSech2(2.0, x, 3, tanh, sech2);
        assertThat(tanh).containsExactly(TanhKernel.tanh(0.6), TanhKernel.tanh(2.4), TanhKernel.tanh(14.0), 5.0);
        assertThat(sech2[3]).isEqualTo(5.0);
        assertThat(x).containsExactly(0.3, 1.2, 7.0, 9.0);
    }

    @Test
    void anOutputThatIsAlsoTheInputIsRejectedWithAssertionsOn() {
        double[] x = {0.3, 1.2};
        assertThatThrownBy(() -> TanhKernel.tanhAndSech2(1.0, x, 2, x, new double[2]))
                .isInstanceOf(AssertionError.class).hasMessageContaining("x must not be an output");
        assertThatThrownBy(() -> TanhKernel.tanhAndSech2(1.0, x, 2, new double[2], x))
                .isInstanceOf(AssertionError.class).hasMessageContaining("x must not be an output");
    }

    /** Error of a double in units of the last place of the reference rounded to double. */
    private static double ulpsFrom(double value, BigDecimal reference) {
        double rounded = reference.doubleValue();
        if (rounded == 0.0) {
            return value == 0.0 ? 0.0 : Double.POSITIVE_INFINITY;
        }
        BigDecimal error = new BigDecimal(value).subtract(reference).abs();
        return error.divide(new BigDecimal(Math.ulp(rounded)), MathContext.DECIMAL64).doubleValue();
    }

    /** {tanh(a), sech^2(a)} for a >= 0 (a finite or +Infinity). */
    private static BigDecimal[] reference(double a) {
        if (a == Double.POSITIVE_INFINITY) {
            return new BigDecimal[] {BigDecimal.ONE, BigDecimal.ZERO};
        }
        BigDecimal x = new BigDecimal(a);
        if (a > 2000) {
            // sech^2 < 1e-1700 rounds to 0 and tanh to 1 in any precision that matters here.
            return new BigDecimal[] {BigDecimal.ONE, BigDecimal.ZERO};
        }
        if (a < 1e-3) {
            // Series, since 1 - e^(-2a) would need hundreds of digits for a near 1e-300.
            BigDecimal x2 = x.multiply(x, MC);
            BigDecimal series = BigDecimal.ONE;
            BigDecimal[] coefficients = {new BigDecimal(-1).divide(new BigDecimal(3), MC),
                new BigDecimal(2).divide(new BigDecimal(15), MC), new BigDecimal(-17).divide(new BigDecimal(315), MC),
                new BigDecimal(62).divide(new BigDecimal(2835), MC),
                new BigDecimal(-1382).divide(new BigDecimal(155925), MC)};
            BigDecimal power = BigDecimal.ONE;
            for (BigDecimal c : coefficients) {
                power = power.multiply(x2, MC);
                series = series.add(c.multiply(power, MC), MC);
            }
            BigDecimal tanh = x.multiply(series, MC);
            return new BigDecimal[] {tanh, BigDecimal.ONE.subtract(tanh.multiply(tanh, MC), MC)};
        }
        BigDecimal e = exp(x.multiply(BigDecimal.valueOf(-2)));
        BigDecimal onePlus = BigDecimal.ONE.add(e, MC);
        BigDecimal tanh = BigDecimal.ONE.subtract(e, MC).divide(onePlus, MC);
        BigDecimal sech2 = e.multiply(BigDecimal.valueOf(4), MC).divide(onePlus.multiply(onePlus, MC), MC);
        return new BigDecimal[] {tanh, sech2};
    }

    private static final BigDecimal[] INVERSE_FACTORIALS = new BigDecimal[16];

    static {
        INVERSE_FACTORIALS[0] = BigDecimal.ONE;
        for (int i = 1; i < INVERSE_FACTORIALS.length; i++) {
            INVERSE_FACTORIALS[i] = INVERSE_FACTORIALS[i - 1].divide(BigDecimal.valueOf(i), MC);
        }
    }

    /**
     * e^z by halving z below 1e-3, a Taylor series to z^15 (remainder below 1e-58), and squaring
     * back: at most 20 squarings cost 7 of the 50 digits.
     */
    private static BigDecimal exp(BigDecimal z) {
        int halvings = 0;
        BigDecimal w = z;
        BigDecimal small = new BigDecimal("0.001");
        BigDecimal half = new BigDecimal("0.5");
        while (w.abs().compareTo(small) > 0) {
            w = w.multiply(half, MC);
            halvings++;
        }
        BigDecimal sum = INVERSE_FACTORIALS[INVERSE_FACTORIALS.length - 1];
        for (int i = INVERSE_FACTORIALS.length - 2; i >= 0; i--) {
            sum = sum.multiply(w, MC).add(INVERSE_FACTORIALS[i], MC);
        }
        for (int i = 0; i < halvings; i++) {
            sum = sum.multiply(sum, MC);
        }
        return sum;
    }
}
