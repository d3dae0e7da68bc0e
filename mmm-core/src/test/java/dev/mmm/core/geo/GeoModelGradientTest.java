package dev.mmm.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mmm.core.geo.GeoSimulator.GeoSimulation;
import dev.mmm.core.model.ChannelSpec;
import dev.mmm.core.model.GradientCheck;
import dev.mmm.core.model.ModelSpec;
import dev.mmm.core.model.TransformOrder;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The geo model's hand-written gradient against finite differences, in every layout, and its hot path allocates nothing. */
class GeoModelGradientTest {

    static Stream<GeoSpec> layouts() {
        GeoSpec base = GeoSimulator.spec(2, 1, true);
        ModelSpec hill = ModelSpec.builder().date("date").target("y")
                .channel(ChannelSpec.of("ch1").withAdstock("weibull_pdf", 6).withSaturation("hill"))
                .channel(ChannelSpec.of("ch2").withOrder(TransformOrder.SATURATION_FIRST))
                .controls("z1").yearlySeasonality(1).build();
        return Stream.of(
                base,
                base.withMediaPooling(GeoSpec.Pooling.NORMAL).withIntercept(GeoSpec.Sharing.POOLED),
                base.withParameterisation(GeoSpec.Parameterisation.CENTRED).withIntercept(GeoSpec.Sharing.POOLED),
                base.withSigma(GeoSpec.Sharing.SHARED).withControls(GeoSpec.Sharing.SHARED)
                        .withSeasonality(GeoSpec.Sharing.PER_GEO).withTransforms(GeoSpec.Sharing.PER_GEO),
                GeoSpec.of(hill, "geo").withIntercept(GeoSpec.Sharing.SHARED).withTransforms(GeoSpec.Sharing.PER_GEO));
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void gradientMatchesFiniteDifferences(GeoSpec spec) {
        GeoSimulation sim = GeoSimulator.simulate(3, 30, 2, 1, true, 5);
        GeoModel model = spec.compile(sim.data());
        Random rng = new Random(11);
        for (int trial = 0; trial < 3; trial++) {
            double[] u = rng.doubles(model.dimension(), -1.5, 1.5).toArray();
            GradientCheck.assertGradient(model, u, 1e-5, spec.toJson() + " trial " + trial);
        }
    }

    static Stream<GeoSpec> shearedLayouts() {
        GeoSpec base = GeoSimulator.spec(2, 1, true);
        return Stream.of(base, base.withParameterisation(GeoSpec.Parameterisation.CENTRED));
    }

    /**
     * The shear (sampler coordinate beta_mu + log lam, and beta_raw + log lam when centred) is a
     * change of coordinates with unit Jacobian: at the same constrained point both models give
     * the same log density, and the gradients are related by the chain rule.
     */
    @ParameterizedTest
    @MethodSource("shearedLayouts")
    void theShearKeepsTheLogDensityAndMapsTheGradientByTheChainRule(GeoSpec spec) {
        GeoSimulation sim = GeoSimulator.simulate(3, 30, 2, 1, true, 5);
        GeoModel plain = GeoCompiler.compile(spec, sim.data(), false);
        GeoModel sheared = GeoCompiler.compile(spec, sim.data(), true);
        assertThat(plain.shearCount()).isZero();
        assertThat(sheared.shearCount()).isEqualTo(2);
        List<String> names = plain.parameterNames();
        Random rng = new Random(17);
        for (int trial = 0; trial < 5; trial++) {
            double[] u = rng.doubles(plain.dimension(), -1.5, 1.5).toArray();
            double[] values = new double[plain.valueCount()];
            plain.constrain(u, values);
            double[] v = new double[sheared.dimension()];
            sheared.unconstrain(values, v);
            double[] back = new double[sheared.valueCount()];
            sheared.constrain(v, back);
            assertThat(back).containsExactly(values, within(1e-12));
            double[] g = new double[u.length];
            double[] gs = new double[v.length];
            double lp = plain.logDensityAndGradient(u, g);
            double lps = sheared.logDensityAndGradient(v, gs);
            assertThat(lps).isCloseTo(lp, within(1e-9 * Math.abs(lp)));
            for (int c = 1; c <= 2; c++) {
                int lam = names.indexOf("lam[ch" + c + "]");
                int mu = names.indexOf("beta_mu[ch" + c + "]");
                // The sampler's beta_mu coordinate is beta_mu + log(lam).
                assertThat(v[mu]).isCloseTo(u[mu] + u[lam], within(1e-12));
                double targets = g[mu];
                for (int k = 0; k < names.size(); k++) {
                    if (names.get(k).startsWith("beta_raw[ch" + c + ",")) {
                        assertThat(v[k]).isCloseTo(u[k] + u[lam], within(1e-12));
                        targets += g[k];
                    }
                }
                assertThat(gs[lam]).isCloseTo(g[lam] - targets, within(1e-9 * Math.max(1, Math.abs(g[lam]))));
                g[lam] = gs[lam];
            }
            for (int k = 0; k < g.length; k++) {
                assertThat(gs[k]).as(names.get(k)).isCloseTo(g[k], within(1e-9 * Math.max(1, Math.abs(g[k]))));
            }
        }
    }

    @Test
    void noShearWhereTheEffectIsNotLogScaleOrLamIsPerGeo() {
        GeoSimulation sim = GeoSimulator.simulate(3, 30, 2, 1, true, 5);
        GeoSpec base = GeoSimulator.spec(2, 1, true);
        assertThat(base.withMediaPooling(GeoSpec.Pooling.NORMAL).compile(sim.data()).shearCount()).isZero();
        assertThat(base.withTransforms(GeoSpec.Sharing.PER_GEO).compile(sim.data()).shearCount()).isZero();
    }

    @Test
    void chainCopiesAgreeAndTheGradientDoesNotAllocate() {
        GeoSimulation sim = GeoSimulator.simulate(4, 52, 3, 2, true, 3);
        GeoModel model = sim.spec().compile(sim.data());
        GeoModel copy = model.copyForChain();
        double[] u = new Random(9).doubles(model.dimension(), -1, 1).toArray();
        double[] g1 = new double[u.length];
        double[] g2 = new double[u.length];
        assertThat(copy.logDensityAndGradient(u, g2)).isEqualTo(model.logDensityAndGradient(u, g1));
        assertThat(g2).containsExactly(g1);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int k = 0; k < 5_000; k++) {
            model.logDensityAndGradient(u, g1);
        }
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        for (int k = 0; k < 5_000; k++) {
            model.logDensityAndGradient(u, g1);
        }
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertThat(allocated).as("bytes allocated by 5,000 gradient calls").isLessThan(10_000);
    }
}
