package dev.mmm.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * A chain over an {@link AdaptiveCoordinates} density fixes its coordinates once in warm-up and
 * reports every draw in the canonical ones: a standard normal in 2-D, sampled after warm-up in
 * the sheared coordinates (x0 + 5 x1, x1), must come out with the standard normal's moments.
 */
class AdaptiveCoordinatesTest {

    /** N(0, I) in canonical coordinates; after {@link #fixCoordinates}, sampled as (x0 + 5 x1, x1). */
    static final class ShearedNormal implements AdaptiveCoordinates {
        static final double SHEAR = 5.0;
        boolean sheared;
        int learned;
        int fixes;

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public double logDensityAndGradient(double[] p, double[] g) {
            double x1 = p[1];
            double x0 = sheared ? p[0] - SHEAR * x1 : p[0];
            g[0] = -x0;
            g[1] = -x1 + (sheared ? SHEAR * x0 : 0.0);
            return -0.5 * (x0 * x0 + x1 * x1);
        }

        @Override
        public void learnCoordinates(double[] position) {
            learned++;
        }

        @Override
        public boolean fixCoordinates(double[] position) {
            fixes++;
            position[0] += SHEAR * position[1];
            sheared = true;
            return true;
        }

        @Override
        public void toCanonical(double[] position, double[] out) {
            out[0] = sheared ? position[0] - SHEAR * position[1] : position[0];
            out[1] = position[1];
        }

        @Override
        public void fromCanonical(double[] canonical, double[] out) {
            out[0] = sheared ? canonical[0] + SHEAR * canonical[1] : canonical[0];
            out[1] = canonical[1];
        }

        @Override
        public ShearedNormal copyForChain() {
            return new ShearedNormal();
        }
    }

    @Test
    void drawsComeOutInCanonicalCoordinatesAfterTheCoordinatesChange() {
        SamplerSettings settings = SamplerSettings.builder().chains(2).warmup(1000).draws(4000).seed(5).threads(1).build();
        SamplingResult r = Sampler.sample(new ShearedNormal(), settings, (double[][]) null, null, null);
        double n = 0;
        double[] mean = new double[2];
        double[] square = new double[2];
        for (double[][] chain : r.positions()) {
            for (double[] x : chain) {
                n++;
                for (int i = 0; i < 2; i++) {
                    mean[i] += x[i];
                    square[i] += x[i] * x[i];
                }
            }
        }
        for (int i = 0; i < 2; i++) {
            double m = mean[i] / n;
            // Reported in sheared coordinates, x0's variance would be 1 + 25 = 26.
            assertThat(m).as("mean of x" + i).isCloseTo(0.0, Offset.offset(0.1));
            assertThat(square[i] / n - m * m).as("variance of x" + i).isCloseTo(1.0, Offset.offset(0.1));
        }
        assertThat(r.divergences()).isZero();
    }

    @Test
    void theCoordinatesAreFixedOnceFromTheFirstTwoSlowWindowsAndNotForShortWarmups() {
        ShearedNormal density = new ShearedNormal();
        Chain chain = new Chain(0, density, SamplerSettings.builder().chains(1).warmup(1000).draws(10).seed(1).build(),
                null, null, null, new java.util.concurrent.atomic.AtomicBoolean());
        chain.run();
        assertThat(density.fixes).isEqualTo(1);
        assertThat(density.learned).isEqualTo(75);
        ShearedNormal shortRun = new ShearedNormal();
        new Chain(0, shortRun, SamplerSettings.builder().chains(1).warmup(200).draws(10).seed(1).build(),
                null, null, null, new java.util.concurrent.atomic.AtomicBoolean()).run();
        assertThat(shortRun.fixes).isZero();
        assertThat(shortRun.sheared).isFalse();
    }
}
