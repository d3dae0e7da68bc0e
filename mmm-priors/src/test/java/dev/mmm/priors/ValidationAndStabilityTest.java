package dev.mmm.priors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ValidationAndStabilityTest {

    static Stream<Distribution> examples() {
        return Families.allExamples().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void aNaNInAnyFieldIsRejectedAtThatFieldsPath(Distribution d) {
        for (String field : d.parameters().keySet()) {
            Map<String, Double> params = new LinkedHashMap<>(d.parameters());
            params.put(field, Double.NaN);
            assertThatThrownBy(() -> Priors.create(d.name(), params))
                    .as("%s with %s = NaN", d, field)
                    .isInstanceOf(PriorSpecException.class)
                    .hasMessageStartingWith("$." + field + ": ");
        }
    }

    @Test
    void constructorsNameTheBrokenField() {
        assertThatThrownBy(() -> new TruncatedNormal(0, 1, 2, 2))
                .isInstanceOf(ParameterException.class).hasMessage("TruncatedNormal: upper must be > lower (2.0), got 2.0");
        assertThatThrownBy(() -> new TruncatedNormal(0, 1, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY))
                .hasMessageStartingWith("TruncatedNormal: upper must be > lower");
        assertThatThrownBy(() -> new Uniform(3, 1)).hasMessageStartingWith("Uniform: upper must be > lower (3.0)");
        assertThatThrownBy(() -> new Uniform(Double.NEGATIVE_INFINITY, 1)).hasMessage("Uniform: lower must be finite, got -Infinity");
        assertThatThrownBy(() -> new StudentT(0, 0, 1)).hasMessage("StudentT: nu must be > 0, got 0.0");
        assertThatThrownBy(() -> new HalfCauchy(-2)).hasMessage("HalfCauchy: beta must be > 0, got -2.0");
        assertThatThrownBy(() -> new Weibull(1, 0)).hasMessage("Weibull: beta must be > 0, got 0.0");
        assertThatThrownBy(() -> new Exponential(Double.NaN)).hasMessage("Exponential: lam must be > 0, got NaN");
        assertThatThrownBy(() -> new Dirac(Double.POSITIVE_INFINITY)).hasMessage("Dirac: value must be finite, got Infinity");
        assertThatThrownBy(() -> Beta.ofMeanSd(1.2, 0.1)).hasMessage("Beta: mu must be in (0, 1), got 1.2");
    }

    @Test
    void truncatedNormalBoundsAreOptionalInJson() {
        TruncatedNormal lowerOnly = (TruncatedNormal) Priors.fromJson("{\"dist\":\"TruncatedNormal\",\"mu\":0,\"sigma\":1,\"lower\":0}");
        assertThat(lowerOnly.upper()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Priors.toJson(lowerOnly).toString())
                .isEqualTo("{\"dist\":\"TruncatedNormal\",\"mu\":0.0,\"sigma\":1.0,\"lower\":0.0}");
        assertThatThrownBy(() -> Priors.fromJson("{\"dist\":\"TruncatedNormal\",\"mu\":0,\"sigma\":1,\"lower\":3,\"upper\":1}", "$.p"))
                .isInstanceOf(PriorSpecException.class).hasMessage("$.p.upper: must be > lower (3.0), got 1");
    }

    @Test
    void inverseGammaAcceptsMeanAndSdAsPymcDoes() {
        InverseGamma ig = (InverseGamma) Priors.fromJson("{\"dist\":\"InverseGamma\",\"mu\":5,\"sigma\":10}");
        assertThat(ig.mean()).isCloseTo(5, within(1e-12));
        assertThat(Math.sqrt(ig.variance())).isCloseTo(10, within(1e-12));
    }

    @Test
    void truncatedNormalIsExactFarIntoTheTail() {
        for (double a : new double[] {40, 300, 1000}) {
            TruncatedNormal upperTail = new TruncatedNormal(0, 1, a, Double.POSITIVE_INFINITY);
            TailTruncatedNormal reference = new TailTruncatedNormal(0, 1, a, Double.POSITIVE_INFINITY);
            for (double x : new double[] {a, a + 1 / a, a + 5 / a}) {
                assertThat(upperTail.logDensity(x)).as("a=%s x=%s", a, x)
                        .isCloseTo(reference.logDensity(x), within(1e-12 * Math.abs(reference.logDensity(x))));
            }
            assertThat(upperTail.mean()).isGreaterThan(a).isLessThan(a + 2 / a);
            TruncatedNormal lowerTail = new TruncatedNormal(0, 1, Double.NEGATIVE_INFINITY, -a);
            assertThat(lowerTail.logDensity(-a)).isCloseTo(upperTail.logDensity(a), within(1e-12 * Math.abs(upperTail.logDensity(a))));
            double[] grad = new double[4];
            upperTail.dLogDensityDParameters(a + 1 / a, grad);
            assertThat(java.util.Arrays.stream(grad).allMatch(Double::isFinite)).as("%s", java.util.Arrays.toString(grad)).isTrue();
        }
    }

    @Test
    void hotPathDoesNotAllocate() {
        Assumptions.assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "needs com.sun.management.ThreadMXBean to count allocated bytes");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "allocation counting disabled in this JVM");
        Prior[] priors = Families.allExamples().stream().map(Prior::of).toArray(Prior[]::new);
        double[] out = new double[4];
        double sink = 0;
        for (int round = 0; round < 2; round++) {
            long tid = Thread.currentThread().getId();
            long before = threads.getThreadAllocatedBytes(tid);
            for (int i = 0; i < 20_000; i++) {
                double u = (i % 200) / 20.0 - 5.0;
                for (Prior prior : priors) {
                    sink += prior.logDensityUnconstrained(u) + prior.dLogDensityUnconstrainedDu(u);
                    double x = prior.toConstrained(u);
                    sink += prior.distribution().logDensity(x) + prior.distribution().dLogDensity(x);
                    prior.distribution().dLogDensityDParameters(x, out);
                    sink += out[0];
                }
            }
            long allocated = threads.getThreadAllocatedBytes(tid) - before;
            if (round == 1) {
                // About 60 priors x 20k calls: even one boxed double per call would be megabytes.
                assertThat(allocated).as("bytes allocated on the hot path").isLessThan(100_000);
            }
        }
        assertThat(sink).isNotNull();
    }
}
