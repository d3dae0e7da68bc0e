package dev.mmm.core.optimize;

import dev.mmm.core.analysis.Interval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mmm.core.model.CompiledModel;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scenario outcomes against the model evaluated by hand, and paired differences. */
class ScenarioEvaluatorTest {

    private static final int PERIODS = 6;

    private static Map<String, double[]> flat(double tv, double search) {
        Map<String, double[]> m = new LinkedHashMap<>();
        double[] a = new double[PERIODS];
        double[] b = new double[PERIODS];
        Arrays.fill(a, tv);
        Arrays.fill(b, search);
        m.put("tv", a);
        m.put("search", b);
        return m;
    }

    @Test
    void theExpectedTargetIsTheModelsMeanOverTheWindowAndChannelsAddUpWithoutSynergy() {
        CompiledModel model = Fixtures.model(Fixtures.spec("tv", "search").build());
        PlanningWindow window = PlanningWindow.future(model, PERIODS);
        double[][] thetas = Fixtures.draws(model, 4, 6);
        ScenarioEvaluator scenarios = new ScenarioEvaluator(window, PosteriorDraws.of(thetas));
        SpendPlan plan = SpendPlan.of(window, flat(30_000, 15_000));
        ScenarioOutcome outcome = scenarios.evaluate(plan);
        CompiledModel refed = window.model(plan.matrix());
        double[] expected = new double[4];
        for (int d = 0; d < 4; d++) {
            double[] mu = new double[refed.rows()];
            refed.meanInto(thetas[d], mu);
            for (int r = window.historyRows(); r < window.historyRows() + PERIODS; r++) {
                expected[d] += mu[r] * model.scaling().targetScale();
            }
        }
        Interval want = Interval.of(expected);
        Interval got = outcome.expectedTarget();
        double tol = 1e-9 * want.mean();
        assertThat(got.mean()).isCloseTo(want.mean(), within(tol));
        assertThat(got.q05()).isCloseTo(want.q05(), within(tol));
        assertThat(got.q95()).isCloseTo(want.q95(), within(tol));
        // Without synergy the channels' parts add up to the plan's incremental target, draw by draw.
        Interval tv = outcome.channelIncremental().get("tv");
        Interval search = outcome.channelIncremental().get("search");
        assertThat(tv.mean() + search.mean()).isCloseTo(outcome.incremental().mean(),
                within(1e-9 * outcome.incremental().mean()));
        assertThat(outcome.roas().mean()).isCloseTo(outcome.incremental().mean() / plan.total(), within(1e-12));
    }

    @Test
    void thePredictiveTargetScattersAroundTheExpectedOneByTheNoise() {
        CompiledModel model = Fixtures.model(Fixtures.spec("tv", "search").build());
        PlanningWindow window = PlanningWindow.future(model, PERIODS);
        // One parameter vector repeated: the predictive draws differ by the observation noise alone.
        double[] theta = Fixtures.draws(model, 1, 6)[0];
        double[][] same = new double[4000][];
        Arrays.fill(same, theta);
        ScenarioOutcome outcome = new ScenarioEvaluator(window, PosteriorDraws.of(same))
                .evaluate(SpendPlan.of(window, flat(20_000, 20_000)));
        Interval expected = outcome.expectedTarget();
        Interval predicted = outcome.predictedTarget();
        assertThat(expected.q05()).isEqualTo(expected.q95());
        double sigma = theta[model.parameterNames().indexOf("sigma")] * model.scaling().targetScale();
        double sdOfSum = sigma * Math.sqrt(PERIODS);
        // The mean of 4000 noise draws is within 4 standard errors; the 90% interval is +-1.645 sd.
        assertThat(predicted.mean()).isCloseTo(expected.mean(), within(4 * sdOfSum / Math.sqrt(4000)));
        assertThat(predicted.q95() - predicted.q05()).isCloseTo(2 * 1.645 * sdOfSum, within(0.1 * 2 * 1.645 * sdOfSum));
    }

    @Test
    void comparingPairsTheDrawsAndAPlanWithMoreOfAChannelGainsOnIt() {
        CompiledModel model = Fixtures.model(Fixtures.spec("tv", "search").build());
        PlanningWindow window = PlanningWindow.future(model, PERIODS);
        ScenarioEvaluator scenarios = new ScenarioEvaluator(window, PosteriorDraws.of(Fixtures.draws(model, 50, 7)));
        ScenarioOutcome a = scenarios.evaluate(SpendPlan.of(window, flat(30_000, 10_000)));
        ScenarioOutcome b = scenarios.evaluate(SpendPlan.of(window, flat(20_000, 10_000)));
        ScenarioComparison self = scenarios.compare(a, a);
        assertThat(self.incremental()).isEqualTo(new Interval(0, 0, 0, 0));
        assertThat(self.probabilityHigher()).isZero();
        ScenarioComparison more = scenarios.compare(a, b);
        // More TV, same search: every draw gains (responses increase in spend), search's part barely moves.
        assertThat(more.probabilityHigher()).isEqualTo(1.0);
        assertThat(more.incremental().q05()).isPositive();
        assertThat(more.channelIncremental().get("tv").q05()).isPositive();
        assertThat(more.expectedTarget().mean()).isPositive();
        assertThat(more.incremental().mean()).isCloseTo(a.incremental().mean() - b.incremental().mean(),
                within(1e-9 * a.incremental().mean()));
    }

    @Test
    void badPlansAreRefusedNamingTheChannelAndPeriod() {
        CompiledModel model = Fixtures.model(Fixtures.spec("tv", "search").build());
        PlanningWindow window = PlanningWindow.future(model, PERIODS);
        Map<String, double[]> plan = flat(1, 1);
        plan.get("search")[2] = -5;
        assertThatThrownBy(() -> SpendPlan.of(window, plan)).hasMessageContaining("'search' period 3");
        Map<String, double[]> missing = flat(1, 1);
        missing.remove("tv");
        assertThatThrownBy(() -> SpendPlan.of(window, missing)).hasMessageContaining("no spend for channel 'tv'");
        Map<String, double[]> extra = flat(1, 1);
        extra.put("radio", new double[PERIODS]);
        assertThatThrownBy(() -> SpendPlan.of(window, extra)).hasMessageContaining("no channel named 'radio'");
    }
}
