package dev.mmm.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mmm.core.data.Dataset;
import dev.mmm.core.model.CompiledModel;
import dev.mmm.core.model.LikelihoodSpec;
import dev.mmm.core.model.Mmm;
import dev.mmm.core.model.MmmFit;
import dev.mmm.core.model.ModelInputs;
import dev.mmm.core.model.ModelSpec;
import dev.mmm.core.posterior.Posterior;
import dev.mmm.core.posterior.Provenance;
import dev.mmm.core.simulate.DemoData;
import dev.mmm.core.simulate.Simulation;
import dev.mmm.core.simulate.Simulator;
import dev.mmm.sampler.SamplerSettings;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ROAS, contributions and decomposition against independent computations and simulated truth. */
class PosteriorAnalysisTest {

    /** A posterior of one draw at {@code theta}: the analysis of it is the model's value at theta. */
    static Posterior pointPosterior(CompiledModel model, double[] theta) {
        double[][] columns = new double[theta.length][];
        for (int k = 0; k < theta.length; k++) {
            columns[k] = new double[] {theta[k]};
        }
        Map<String, double[]> sampler = new LinkedHashMap<>();
        for (String name : Posterior.SAMPLER_COLUMNS) {
            sampler.put(name, new double[1]);
        }
        Provenance p = new Provenance(model.spec().toJson(), 1, Map.of(), "", model.rows(), "", "", 0, Map.of(), "", "");
        return new Posterior(model.parameterNames(), new int[] {1}, columns, sampler, List.of(), p,
                new Posterior.RunInfo(0, 1, true, 0, 0, 0, 0));
    }

    private static double[] theta(CompiledModel model, Map<String, Double> truth) {
        double[] theta = new double[model.parameterCount()];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = truth.get(model.parameterNames().get(i));
        }
        return theta;
    }

    @Test
    void atTheTrueParametersRoasIsTheSimulatorsContributionOverSpend() {
        Simulation sim = DemoData.generate(5);
        CompiledModel model = sim.spec().compile(sim.data());
        PosteriorAnalysis analysis = new PosteriorAnalysis(model, pointPosterior(model, theta(model, sim.truth())));
        ChannelTable table = analysis.channels(analysis.all());
        for (String channel : sim.spec().channelNames()) {
            double contribution = Arrays.stream(sim.channelContributions().get(channel)).sum();
            double spend = Arrays.stream(sim.data().column(channel)).sum();
            ChannelSummary s = table.channel(channel);
            assertThat(s.spend()).isCloseTo(spend, within(1e-9 * spend));
            assertThat(s.contribution().mean()).as(channel).isCloseTo(contribution, within(1e-9 * contribution));
            // Over every row, removing the spend removes the whole contribution.
            assertThat(s.roas().mean()).as(channel).isCloseTo(contribution / spend, within(1e-9 * contribution / spend));
            assertThat(s.mroas().mean()).as("concave: marginal below average for " + channel)
                    .isLessThan(s.roas().mean()).isGreaterThan(0.0);
        }
        double shares = table.channels().stream().mapToDouble(c -> c.share().mean()).sum();
        assertThat(shares).isCloseTo(1.0, within(1e-12));
        assertThat(table.baseline().mean() + table.media().mean()).isCloseTo(table.total().mean(), within(1e-6));
        assertThat(table.total().mean()).isCloseTo(Arrays.stream(sim.expectedTarget()).sum(), within(1e-6));
    }

    @Test
    void windowRoasCountsCarryOverPastTheWindowExactlyAsAWholeDataCounterfactual() {
        Simulation sim = DemoData.generate(6);
        CompiledModel model = sim.spec().compile(sim.data());
        double[] theta = theta(model, sim.truth());
        PosteriorAnalysis analysis = new PosteriorAnalysis(model, pointPosterior(model, theta));
        Window window = new Window(40, 92);
        ChannelTable table = analysis.channels(window);
        Dataset data = sim.data();
        for (String channel : sim.spec().channelNames()) {
            double[] spend = data.column(channel);
            double[] removed = spend.clone();
            double windowSpend = 0;
            for (int t = window.from(); t < window.to(); t++) {
                windowSpend += spend[t];
                removed[t] = 0.0;
            }
            CompiledModel without = model.withInputs(ModelInputs.of(data, 0).withColumn(channel, removed));
            double[] a = model.mean(theta);
            double[] b = without.mean(theta);
            double lift = 0;
            for (int t = 0; t < a.length; t++) {
                lift += (a[t] - b[t]) * model.scaling().targetScale();
            }
            assertThat(table.channel(channel).roas().mean()).as(channel)
                    .isCloseTo(lift / windowSpend, within(1e-9 * Math.abs(lift / windowSpend)));
        }
    }

    @Test
    void partsSumToThePredictionInEveryPeriodUnderBothLinks() {
        for (boolean logLink : new boolean[] {false, true}) {
            Simulation sim = logLinkSimulation(logLink);
            MmmFit fit = Mmm.fit(sim.spec(), sim.data(), SamplerSettings.builder().chains(2).warmup(100).draws(60).seed(3).build());
            PosteriorAnalysis analysis = PosteriorAnalysis.of(fit).threads(2);
            Decomposition dec = analysis.decomposition(new Window(10, 60), true);
            assertThat(dec.dates()).hasSize(50);
            for (int t = 0; t < 50; t++) {
                double sum = 0;
                for (Decomposition.Series s : dec.parts()) {
                    sum += s.perPeriod().get(t).mean();
                }
                double prediction = dec.prediction().perPeriod().get(t).mean();
                assertThat(sum).as("log link %s period %d", logLink, t).isCloseTo(prediction, within(1e-9 * Math.abs(prediction)));
                assertThat(dec.baseline().perPeriod().get(t).mean() + dec.media().perPeriod().get(t).mean())
                        .isCloseTo(prediction, within(1e-9 * Math.abs(prediction)));
            }
            double shares = dec.parts().stream().mapToDouble(s -> s.share().mean()).sum();
            assertThat(shares).isCloseTo(1.0, within(1e-9));
            // The same numbers whatever the thread count.
            Decomposition one = analysis.threads(1).decomposition(new Window(10, 60), false);
            assertThat(one.media().total()).isEqualTo(dec.media().total());
        }
    }

    private static Simulation logLinkSimulation(boolean logLink) {
        if (!logLink) {
            return DemoData.generate(7);
        }
        Simulation base = DemoData.generate(7);
        ModelSpec spec = base.spec().toBuilder().likelihood(LikelihoodSpec.logNormal()).build();
        Map<String, double[]> inputs = new LinkedHashMap<>();
        for (String name : base.data().columnNames()) {
            if (!name.equals(spec.targetColumn())) {
                inputs.put(name, base.data().column(name));
            }
        }
        Map<String, Double> truth = new LinkedHashMap<>(base.truth());
        truth.put("intercept", Math.log(0.5));
        truth.put("sigma", 0.05);
        for (String c : spec.channelNames()) {
            truth.put("beta[" + c + "]", 0.1);
        }
        return Simulator.simulate(spec, base.data().dates(), inputs, truth, 1000.0, 9);
    }

    @Test
    void responseCurvesRiseFromZeroAndFlattenAndAdstockWeightsSumToOne() {
        Simulation sim = DemoData.generate(8);
        CompiledModel model = sim.spec().compile(sim.data());
        PosteriorAnalysis analysis = new PosteriorAnalysis(model, pointPosterior(model, theta(model, sim.truth())));
        Window lastYear = new Window(model.rows() - 52, model.rows());
        List<ResponseCurve> curves = analysis.responseCurves(lastYear, PosteriorAnalysis.defaultMultipliers());
        ChannelTable table = analysis.channels(lastYear);
        for (ResponseCurve curve : curves) {
            assertThat(curve.response().get(0).mean()).isZero();
            for (int j = 1; j < curve.spend().length; j++) {
                assertThat(curve.response().get(j).mean()).isGreaterThan(curve.response().get(j - 1).mean());
            }
            assertThat(curve.marginalRoas().get(20).mean()).isLessThan(curve.marginalRoas().get(1).mean());
            // At multiplier 1 the curve is the channel's ROAS times its spend.
            ChannelSummary s = table.channel(curve.channel());
            assertThat(curve.response().get(10).mean()).isCloseTo(s.roas().mean() * s.spend(), within(1e-6 * s.spend()));
            double threshold = curve.marginalRoas().get(10).mean();
            double spendAt = curve.spendWhereMarginalRoasFallsBelow(threshold);
            assertThat(spendAt).isBetween(curve.spend()[9], curve.spend()[11]);
        }
        for (AdstockCurve a : analysis.adstockCurves()) {
            double sum = a.weights().stream().mapToDouble(Interval::mean).sum();
            assertThat(sum).isCloseTo(1.0, within(1e-12));
            assertThat(a.weights().get(0).mean()).isGreaterThan(a.weights().get(a.weights().size() - 1).mean());
        }
    }

    @Test
    void aRealSynergyIsDetectedWithItsSignAndItsContributionCovered() {
        Simulation base = DemoData.generate(12);
        ModelSpec spec = base.spec().toBuilder().synergy("tv", "search").build();
        Map<String, double[]> inputs = new LinkedHashMap<>();
        for (String name : base.data().columnNames()) {
            if (!name.equals(spec.targetColumn())) {
                inputs.put(name, base.data().column(name));
            }
        }
        Map<String, Double> truth = new LinkedHashMap<>(base.truth());
        truth.put("synergy[tv:search]", 0.4);
        Simulation sim = Simulator.simulate(spec, base.data().dates(), inputs, truth, 100_000.0, 13);
        MmmFit fit = Mmm.fit(spec, sim.data(), SamplerSettings.builder().chains(2).warmup(300).draws(300).seed(2).build());
        PosteriorAnalysis analysis = PosteriorAnalysis.of(fit);
        List<SynergySummary> synergies = analysis.synergies(analysis.all());
        assertThat(synergies).hasSize(1);
        SynergySummary s = synergies.get(0);
        assertThat(s.name()).isEqualTo("synergy[tv:search]");
        assertThat(s.channelA()).isEqualTo("tv");
        assertThat(s.probabilityPositive()).isGreaterThan(0.95);
        CompiledModel model = spec.compile(sim.data());
        PosteriorAnalysis atTruth = new PosteriorAnalysis(model, pointPosterior(model, theta(model, sim.truth())));
        double trueContribution = atTruth.synergies(atTruth.all()).get(0).contribution().mean();
        assertThat(trueContribution).isGreaterThan(0);
        assertThat(s.contribution().covers(trueContribution)).as("%s covers %s", s.contribution(), trueContribution).isTrue();
    }

    @Test
    void intervalQuantilesAreRsType7() {
        Interval i = Interval.of(new double[] {5, 1, 4, 2, 3});
        assertThat(i.mean()).isEqualTo(3.0);
        assertThat(i.q50()).isEqualTo(3.0);
        // R: quantile(1:5, c(0.05, 0.95)) = 1.2, 4.8
        assertThat(i.q05()).isCloseTo(1.2, within(1e-12));
        assertThat(i.q95()).isCloseTo(4.8, within(1e-12));
        assertThat(Interval.of(new double[] {1, Double.NaN}).mean()).isNaN();
    }
}
