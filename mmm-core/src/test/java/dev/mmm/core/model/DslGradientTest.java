package dev.mmm.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mmm.core.data.Dataset;
import dev.mmm.core.transform.Transforms;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every part of the DSL compiled with the real transforms and priors, gradient against finite
 * differences at random points of the unconstrained space.
 */
class DslGradientTest {

    private static final int ROWS = 52;

    static Dataset data(long seed, boolean positiveTarget) {
        Random rng = new Random(seed);
        LocalDate[] dates = new LocalDate[ROWS];
        LinkedHashMap<String, double[]> cols = new LinkedHashMap<>();
        double[] y = new double[ROWS];
        double[] a = new double[ROWS];
        double[] b = new double[ROWS];
        double[] c = new double[ROWS];
        double[] price = new double[ROWS];
        for (int t = 0; t < ROWS; t++) {
            dates[t] = LocalDate.of(2021, 11, 1).plusWeeks(t);
            y[t] = positiveTarget ? 100 + 50 * rng.nextDouble() : 100 * rng.nextGaussian();
            a[t] = 10 * rng.nextDouble();
            b[t] = rng.nextDouble() < 0.5 ? 0 : 200 * rng.nextDouble();
            c[t] = 1 + rng.nextDouble();
            price[t] = 3 + 0.2 * rng.nextGaussian();
        }
        cols.put("y", y);
        cols.put("a", a);
        cols.put("b", b);
        cols.put("c", c);
        cols.put("price", price);
        return Dataset.of("date", dates, cols);
    }

    private static void check(ModelSpec spec, Dataset data, long seed, double radius) {
        CompiledModel model = spec.compile(data);
        Random rng = new Random(seed);
        for (int k = 0; k < 4; k++) {
            double[] u = new double[model.dimension()];
            for (int i = 0; i < u.length; i++) {
                u[i] = radius * (2 * rng.nextDouble() - 1);
            }
            GradientCheck.assertGradient(model, u, 1e-6, spec.channels() + " point " + k);
        }
    }

    @Test
    void everyAdstockWithEverySaturationInBothOrders() {
        Dataset data = data(1, false);
        long seed = 10;
        for (String adstock : Transforms.adstockNames()) {
            for (String saturation : Transforms.saturationNames()) {
                for (TransformOrder order : TransformOrder.values()) {
                    ModelSpec spec = ModelSpec.builder().date("date").target("y")
                            .channel(ChannelSpec.of("b").withAdstock(adstock, 5).withSaturation(saturation).withOrder(order))
                            .channel(ChannelSpec.of("c").withAdstock(adstock, 3, false).withSaturation(saturation)
                                    .withOrder(order))
                            .build();
                    check(spec, data, seed++, 1.5);
                }
            }
        }
    }

    @Test
    void baselineTermsTrendEventsSeasonalitiesAndControls() {
        ModelSpec spec = ModelSpec.builder().date("date").target("y").channels("a")
                .control("price", new dev.mmm.priors.Normal(0, 1)).trend(TrendSpec.piecewise(3))
                .yearlySeasonality(2).seasonality(SeasonalitySpec.monthly(2)).seasonality(SeasonalitySpec.weekly(1))
                .event(EventSpec.dummy("launch", LocalDate.of(2022, 2, 2)))
                .event(EventSpec.gaussian("xmas", 7, LocalDate.of(2021, 12, 25), LocalDate.of(2022, 12, 25)))
                .build();
        CompiledModel model = spec.compile(data(2, false));
        assertThat(model.parameterNames()).containsExactly("intercept", "trend_k", "trend_delta[1]", "trend_delta[2]",
                "trend_delta[3]", "alpha[a]", "lam[a]", "beta[a]", "gamma[price]", "event[launch]", "event[xmas]",
                "fourier[sin_1]", "fourier[cos_1]", "fourier[sin_2]", "fourier[cos_2]", "fourier_monthly[sin_1]",
                "fourier_monthly[cos_1]", "fourier_monthly[sin_2]", "fourier_monthly[cos_2]", "fourier_weekly[sin_1]",
                "fourier_weekly[cos_1]", "sigma");
        check(spec, data(2, false), 3, 2.0);
    }

    @Test
    void synergyAndLikelihoods() {
        ModelSpec base = ModelSpec.builder().date("date").target("y").channels("a", "b")
                .channel(ChannelSpec.of("c").withSaturation("hill")).synergy("a", "c").synergy("b", "a").build();
        check(base, data(3, false), 4, 1.5);
        check(base.toBuilder().likelihood(LikelihoodSpec.studentT(3.0)).build(), data(3, false), 5, 1.5);
        check(base.toBuilder().likelihood(LikelihoodSpec.studentT((dev.mmm.priors.Distribution) null)).build(),
                data(3, false), 6, 1.5);
        check(base.toBuilder().likelihood(LikelihoodSpec.logNormal()).build(), data(3, true), 7, 1.5);
        CompiledModel model = base.compile(data(3, false));
        assertThat(model.parameterNames()).contains("synergy[a:c]", "synergy[b:a]");
        assertThat(model.contributions(new double[model.parameterCount()]).keySet())
                .containsExactly("intercept", "a", "b", "c", "synergy[a:c]", "synergy[b:a]");
    }

    @Test
    void scalingOptions() {
        Dataset data = data(4, true);
        ModelSpec spec = ModelSpec.builder().date("date").target("y").targetScaling(ScalingMethod.MEAN)
                .channel(ChannelSpec.of("a").withScaling(ScalingMethod.NONE))
                .channel(ChannelSpec.of("b").withScaling(ScalingMethod.MEAN)).build();
        CompiledModel model = spec.compile(data);
        double meanY = java.util.Arrays.stream(data.column("y")).average().orElseThrow();
        double meanB = java.util.Arrays.stream(data.column("b")).average().orElseThrow();
        assertThat(model.scaling().targetScale()).isCloseTo(meanY, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(model.scaling().channelScale("a")).isEqualTo(1.0);
        assertThat(model.scaling().channelScale("b")).isCloseTo(meanB, org.assertj.core.data.Offset.offset(1e-9));
        check(spec, data, 8, 1.5);
    }

    @Test
    void priorsReplaceablePerChannelAndForAll() {
        ModelSpec spec = ModelSpec.builder().date("date").target("y")
                .channel(ChannelSpec.of("a").withPrior("beta", new dev.mmm.priors.HalfNormal(0.5)))
                .channels("b").prior("beta", new dev.mmm.priors.HalfNormal(3)).prior("alpha", new dev.mmm.priors.Beta(2, 2))
                .prior("intercept", new dev.mmm.priors.Normal(1, 1)).build();
        CompiledModel model = spec.compile(data(5, false));
        var byName = new LinkedHashMap<String, dev.mmm.priors.Distribution>();
        model.parameters().forEach(p -> byName.put(p.name(), p.prior()));
        assertThat(byName.get("beta[a]")).isEqualTo(new dev.mmm.priors.HalfNormal(0.5));
        assertThat(byName.get("beta[b]")).isEqualTo(new dev.mmm.priors.HalfNormal(3));
        assertThat(byName.get("alpha[a]")).isEqualTo(new dev.mmm.priors.Beta(2, 2));
        assertThat(byName.get("lam[b]")).isEqualTo(new dev.mmm.priors.Gamma(3, 1));
        assertThat(byName.get("intercept")).isEqualTo(new dev.mmm.priors.Normal(1, 1));
        assertThat(byName.get("sigma")).isEqualTo(new dev.mmm.priors.HalfNormal(2));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ModelSpec.builder().date("date").target("y")
                        .channel(ChannelSpec.of("a").withPrior("alpha", new dev.mmm.priors.Normal(0, 1))).build()
                        .compile(data(5, false)))
                .isInstanceOf(SpecException.class).hasMessageContaining("impossible prior Normal for 'alpha'");
    }

    @Test
    void diracPriorsFixAParameterOutsideTheSampledVector() {
        ModelSpec spec = ModelSpec.builder().date("date").target("y")
                .channel(ChannelSpec.of("a").withPrior("alpha", new dev.mmm.priors.Dirac(0.35))).channels("b")
                .likelihood(LikelihoodSpec.studentT(new dev.mmm.priors.Dirac(6.0))).build();
        CompiledModel model = spec.compile(data(6, false));
        assertThat(model.parameterNames()).containsExactly("intercept", "alpha[a]", "alpha[b]", "lam[a]", "lam[b]",
                "beta[a]", "beta[b]", "sigma", "nu");
        assertThat(model.parameterCount()).isEqualTo(9);
        assertThat(model.dimension()).isEqualTo(7);
        double[] u = new Random(7).doubles(7, -1.5, 1.5).toArray();
        double[] x = new double[9];
        model.constrain(u, x);
        assertThat(x[1]).isEqualTo(0.35);
        assertThat(x[8]).isEqualTo(6.0);
        double[] back = new double[7];
        model.unconstrain(x, back);
        assertThat(back).containsExactly(u, org.assertj.core.data.Offset.offset(1e-12));
        check(spec, data(6, false), 9, 1.5);
        // the same model with nu fixed through the likelihood spec has the same density up to a constant
        CompiledModel fixedNu = spec.toBuilder().likelihood(LikelihoodSpec.studentT(6.0)).build().compile(data(6, false));
        double[] g1 = new double[7];
        double[] g2 = new double[7];
        double v1 = model.logDensityAndGradient(u, g1);
        double v2 = fixedNu.logDensityAndGradient(u, g2);
        assertThat(v1).isCloseTo(v2, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(g1).containsExactly(g2, org.assertj.core.data.Offset.offset(1e-9));
    }
}
