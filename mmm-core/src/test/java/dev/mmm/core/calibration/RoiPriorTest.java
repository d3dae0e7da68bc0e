package dev.mmm.core.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mmm.core.analysis.ChannelTable;
import dev.mmm.core.analysis.Interval;
import dev.mmm.core.analysis.PosteriorAnalysis;
import dev.mmm.core.data.Dataset;
import dev.mmm.core.model.ChannelSpec;
import dev.mmm.core.model.CompiledModel;
import dev.mmm.core.model.Mmm;
import dev.mmm.core.model.MmmFit;
import dev.mmm.core.model.ModelSpec;
import dev.mmm.priors.Dirac;
import dev.mmm.priors.Distribution;
import dev.mmm.priors.LogNormal;
import dev.mmm.sampler.Sampler;
import dev.mmm.sampler.SamplerSettings;
import dev.mmm.sampler.diagnostics.ParameterSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ROI parameterisation reproduces its stated prior and matches the equivalent direct model. */
class RoiPriorTest {

    private static final Dataset DATA = CalibrationFixtures.small(60, 21);

    @Test
    void withoutDataTheSampledAndTheCounterfactualRoasFollowTheStatedPrior() {
        Distribution x1Prior = new LogNormal(Math.log(2.0), 0.3);
        Distribution x2Prior = new LogNormal(Math.log(0.5), 0.6);
        ModelSpec spec = ModelSpec.builder().date("date").target("y").channels("x1", "x2").controls("z")
                .roiPrior(RoiPrior.of("x1", x1Prior))
                .roiPrior(new RoiPrior("x2", x2Prior, CalibrationFixtures.week(10), CalibrationFixtures.week(39)))
                .build();
        CompiledModel priorOnly = spec.compile(DATA).priorOnly();
        var result = Sampler.sample(priorOnly, SamplerSettings.builder().chains(2).warmup(500).draws(1000).seed(4).build());
        MmmFit fit = new MmmFit(spec, priorOnly, result);
        PosteriorAnalysis analysis = PosteriorAnalysis.of(fit);
        ChannelTable all = analysis.channels(analysis.all());
        ChannelTable window = analysis.channels(new dev.mmm.core.analysis.Window(10, 40));
        checkQuantiles(fit, "x1", x1Prior, all.channel("x1").roas());
        checkQuantiles(fit, "x2", x2Prior, window.channel("x2").roas());
        // the report's prior column is the stated prior too
        RoasCheck x1 = RoasCheck.of(fit.model(), fit.posterior(), 4000, 1).get(0);
        assertThat(x1.statedPrior()).isTrue();
        assertThat(x1Prior.cdf(x1.prior().q50())).isCloseTo(0.5, within(0.03));
    }

    /**
     * The sampled roas draws and the ROAS the analysis computes by counterfactual from the derived
     * beta agree draw for draw in quantiles, and their 5/50/95% quantiles sit where the prior's are:
     * {@code |F(q_p) - p|} within four Monte Carlo standard errors {@code sqrt(p(1-p)/ESS_tail)}.
     */
    private static void checkQuantiles(MmmFit fit, String channel, Distribution prior, Interval counterfactual) {
        ParameterSummary roas = fit.summary("roas[" + channel + "]");
        System.out.printf("roas[%s]: q05 %.4f q50 %.4f q95 %.4f (tail ESS %.0f); prior cdf there %.3f %.3f %.3f;"
                        + " counterfactual ROAS q05 %.4f q50 %.4f q95 %.4f%n", channel, roas.q05(), roas.q50(), roas.q95(),
                roas.essTail(), prior.cdf(roas.q05()), prior.cdf(roas.q50()), prior.cdf(roas.q95()),
                counterfactual.q05(), counterfactual.q50(), counterfactual.q95());
        assertThat(counterfactual.q05()).isCloseTo(roas.q05(), within(1e-6 * roas.q05()));
        assertThat(counterfactual.q50()).isCloseTo(roas.q50(), within(1e-6 * roas.q50()));
        assertThat(counterfactual.q95()).isCloseTo(roas.q95(), within(1e-6 * roas.q95()));
        double[] p = {0.05, 0.5, 0.95};
        double[] q = {roas.q05(), roas.q50(), roas.q95()};
        for (int k = 0; k < 3; k++) {
            double mcse = Math.sqrt(p[k] * (1 - p[k]) / Math.min(roas.essTail(), roas.essBulk()));
            assertThat(prior.cdf(q[k])).as("prior cdf at the sampled %s quantile of roas[%s]", p[k], channel)
                    .isCloseTo(p[k], within(4 * mcse));
        }
    }

    @Test
    void withFixedShapesTheRoiModelIsTheDirectModelWithAShiftedLogNormalBeta() {
        // With alpha and lam fixed, beta = roas * K for a constant K, so a LogNormal(m, s) on roas is
        // a LogNormal(m + log K, s) on beta: both models must give one posterior.
        ChannelSpec x1 = ChannelSpec.of("x1").withPrior("alpha", new Dirac(0.5)).withPrior("lam", new Dirac(2.0));
        ModelSpec direct0 = ModelSpec.builder().date("date").target("y").channel(x1).channels("x2").controls("z").build();
        LogNormal roasPrior = new LogNormal(Math.log(0.4), 0.5);
        ModelSpec roiSpec = direct0.toBuilder().roiPrior(RoiPrior.of("x1", roasPrior)).build();
        CompiledModel roiModel = roiSpec.compile(DATA);
        double[] theta = new double[roiModel.parameterCount()];
        roiModel.constrain(new double[roiModel.dimension()], theta);
        double k = theta[roiModel.parameterNames().indexOf("beta[x1]")] / theta[roiModel.parameterNames().indexOf("roas[x1]")];
        ModelSpec directSpec = direct0.toBuilder()
                .channel(x1.withPrior("beta", new LogNormal(roasPrior.mu() + Math.log(k), roasPrior.sigma()))).build();
        SamplerSettings settings = SamplerSettings.builder().chains(4).warmup(500).draws(1000).seed(6).build();
        MmmFit roi = Mmm.fit(roiSpec, DATA, settings);
        MmmFit direct = Mmm.fit(directSpec, DATA, settings);
        for (String name : List.of("beta[x1]", "beta[x2]", "intercept", "gamma[z]", "sigma", "alpha[x2]")) {
            ParameterSummary a = roi.summary(name);
            ParameterSummary b = direct.summary(name);
            System.out.printf("%-10s ROI model mean %.5f sd %.5f (mcse %.5f); direct model mean %.5f sd %.5f (mcse %.5f)%n",
                    name, a.mean(), a.sd(), a.mcseMean(), b.mean(), b.sd(), b.mcseMean());
            double tolerance = 4 * Math.hypot(a.mcseMean(), b.mcseMean());
            assertThat(a.mean()).as(name + " mean").isCloseTo(b.mean(), within(tolerance));
            assertThat(a.sd()).as(name + " sd").isCloseTo(b.sd(), within(4 * Math.hypot(a.mcseSd(), b.mcseSd())));
        }
        // roas[x1] draws are beta[x1] / K exactly
        assertThat(roi.summary("roas[x1]").mean() * k).isCloseTo(roi.summary("beta[x1]").mean(), within(1e-9));
    }

    @Test
    void aCalibratedFitSavesAndLoadsWithItsDerivedAndSampledParameters(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        ModelSpec spec = ModelSpec.builder().date("date").target("y").channels("x1", "x2").controls("z")
                .roiPrior(RoiPrior.of("x1", new LogNormal(0.0, 0.5)))
                .liftTests(List.of(LiftTest.of("x2", CalibrationFixtures.week(20), CalibrationFixtures.week(24), 500, 100, 50)))
                .build();
        MmmFit fit = Mmm.fit(spec, DATA, SamplerSettings.builder().chains(1).warmup(150).draws(100).seed(2).build());
        dev.mmm.core.io.FitFolder.write(fit, dev.mmm.core.io.FitWriter.summaryOf(fit, dev.mmm.core.io.FitMetadata.none()), dir);
        MmmFit back = dev.mmm.core.io.FitFolder.load(dir);
        assertThat(back.spec()).isEqualTo(spec);
        assertThat(back.parameterNames()).contains("beta[x1]", "roas[x1]").isEqualTo(fit.parameterNames());
        assertThat(back.model().densityTerms()).hasSize(1);
        assertThat(back.posterior().column("beta[x1]")).isEqualTo(fit.posterior().column("beta[x1]"));
        assertThat(LiftTestCheck.of(back.model(), back.posterior()).get(0).posteriorLift())
                .isEqualTo(LiftTestCheck.of(fit.model(), fit.posterior()).get(0).posteriorLift());
        assertThat(java.nio.file.Files.readString(dir.resolve("summary.json"))).contains("\"roas[x1]\"", "\"beta[x1]\"");
    }
}
