package dev.mmm.priors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** 100k draws per distribution: moments within 4 standard errors and a KS test against our cdf. */
class SamplingTest {

    private static final int N = 100_000;

    /**
     * Each distribution with whether its first four moments exist (needed for the standard
     * error of the sample variance); heavy-tailed ones are checked by KS only.
     */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(new Normal(1.5, 2), true),
                Arguments.of(new HalfNormal(2), true),
                Arguments.of(new Beta(1, 3), true),
                Arguments.of(new Beta(0.5, 0.5), true),
                Arguments.of(new Beta(20, 4), true),
                Arguments.of(new Gamma(3, 1), true),
                Arguments.of(new Gamma(0.3, 2), true),
                Arguments.of(new Laplace(-1, 0.5), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void drawsHaveTheRightMomentsAndDistribution(Distribution d, boolean hasFourMoments) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20261124L + d.hashCode());
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = d.sample(rng);
            assertThat(d.support().contains(x[i])).as("draw %s of %s", x[i], d).isTrue();
        }
        if (hasFourMoments) {
            double mean = 0;
            for (double v : x) {
                mean += v;
            }
            mean /= N;
            double m2 = 0;
            double m4 = 0;
            for (double v : x) {
                double c = (v - mean) * (v - mean);
                m2 += c;
                m4 += c * c;
            }
            m2 /= N;
            m4 /= N;
            double meanSe = Math.sqrt(d.variance() / N);
            double varianceSe = Math.sqrt((m4 - m2 * m2) / N);
            assertThat(Math.abs(mean - d.mean())).as("mean of %s", d).isLessThan(4 * meanSe);
            assertThat(Math.abs(m2 * N / (N - 1) - d.variance())).as("variance of %s", d).isLessThan(4 * varianceSe);
        }
        double p = KolmogorovSmirnovTest.withDefaults().test(x, d::cdf).getPValue();
        assertThat(p).as("KS p-value for %s", d).isGreaterThan(1e-3);
    }

    @Test
    void diracAlwaysDrawsItsValue() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1L);
        Dirac d = new Dirac(2.5);
        for (int i = 0; i < 100; i++) {
            assertThat(d.sample(rng)).isEqualTo(2.5);
        }
        assertThat(d.mean()).isEqualTo(2.5);
        assertThat(d.variance()).isZero();
        assertThat(d.cdf(2.4)).isZero();
        assertThat(d.cdf(2.5)).isEqualTo(1.0);
        assertThat(d.logDensity(2.5)).isZero();
        assertThat(d.logDensity(2.6)).isEqualTo(Double.NEGATIVE_INFINITY);
    }
}
