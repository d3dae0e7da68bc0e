package dev.mmm.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mmm.core.data.Dataset;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A re-fed model agrees with the training model on training rows, and continues it past them. */
class ModelInputsTest {

    private static ModelSpec richSpec(boolean logLink) {
        ModelSpec.Builder b = ModelSpec.builder().date("date").target("y").channels("a", "b")
                .channel(ChannelSpec.of("c").withAdstock("weibull_pdf", 6))
                .control("price", new dev.mmm.priors.Normal(0, 1)).trend(TrendSpec.piecewise(2))
                .yearlySeasonality(2)
                .event(EventSpec.dummy("launch", LocalDate.of(2022, 2, 2)))
                .synergy("a", "b");
        if (logLink) {
            b.likelihood(LikelihoodSpec.logNormal());
        }
        return b.build();
    }

    private static double[] randomTheta(CompiledModel model, long seed) {
        Random rng = new Random(seed);
        double[] u = new double[model.dimension()];
        for (int i = 0; i < u.length; i++) {
            u[i] = 1.5 * (2 * rng.nextDouble() - 1);
        }
        double[] theta = new double[model.parameterCount()];
        model.constrain(u, theta);
        return theta;
    }

    @Test
    void aWindowOfTrainingRowsReproducesTheTrainingMeanAndContributionsExactly() {
        for (boolean logLink : new boolean[] {false, true}) {
            Dataset data = DslGradientTest.data(3, true);
            CompiledModel model = richSpec(logLink).compile(data);
            double[] theta = randomTheta(model, 7);
            double[] full = new double[model.rows()];
            model.meanInto(theta, full);
            double[][] fullParts = new double[model.contributionNames().size()][model.rows()];
            model.contributionsInto(theta, fullParts);
            for (int[] w : new int[][] {{0, 10}, {3, 20}, {20, 52}, {51, 52}}) {
                ModelInputs inputs = ModelInputs.window(data, w[0], w[1], model.maxLag(), 0);
                CompiledModel window = model.withInputs(inputs);
                assertThat(window.parameterNames()).isEqualTo(model.parameterNames());
                double[] mean = new double[window.rows()];
                window.meanInto(theta, mean);
                double[][] parts = new double[window.contributionNames().size()][window.rows()];
                window.contributionsInto(theta, parts);
                for (int t = w[0]; t < w[1]; t++) {
                    int r = t - w[0] + inputs.historyRows();
                    assertThat(mean[r]).as("log link %s window %s row %d", logLink, Arrays.toString(w), t)
                            .isCloseTo(full[t], org.assertj.core.data.Offset.offset(1e-12 * (1 + Math.abs(full[t]))));
                    for (int k = 0; k < parts.length; k++) {
                        assertThat(parts[k][r]).as(window.contributionNames().get(k) + " row " + t)
                                .isCloseTo(fullParts[k][t], org.assertj.core.data.Offset.offset(1e-12));
                    }
                }
            }
        }
    }

    @Test
    void contributionsSumToTheMeanUnderTheIdentityLink() {
        Dataset data = DslGradientTest.data(4, true);
        CompiledModel model = richSpec(false).compile(data);
        double[] theta = randomTheta(model, 11);
        double[] mean = new double[model.rows()];
        model.meanInto(theta, mean);
        double[][] parts = new double[model.contributionNames().size()][model.rows()];
        model.contributionsInto(theta, parts);
        assertThat(model.contributionNames()).contains("a", "b", "c", "intercept", "trend", "controls", "fourier",
                "events", "synergy[a:b]");
        for (int t = 0; t < model.rows(); t++) {
            double sum = 0;
            for (double[] p : parts) {
                sum += p[t];
            }
            assertThat(sum).isCloseTo(mean[t], org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    @Test
    void futureRowsContinueTheTrendAndCarryTheTrainingAdstockIn() {
        Dataset data = DslGradientTest.data(5, true);
        ModelSpec spec = ModelSpec.builder().date("date").target("y").channels("a", "b").trend(TrendSpec.linear()).build();
        CompiledModel model = spec.compile(data);
        double[] theta = randomTheta(model, 3);
        int horizon = 6;
        LocalDate[] dates = new LocalDate[horizon];
        LinkedHashMap<String, double[]> cols = new LinkedHashMap<>();
        for (int t = 0; t < horizon; t++) {
            dates[t] = data.date(data.rows() - 1).plusWeeks(t + 1);
        }
        cols.put("a", new double[horizon]);
        cols.put("b", new double[horizon]);
        Dataset future = Dataset.of("date", dates, cols);
        ModelInputs inputs = ModelInputs.after(data, future, model.maxLag());
        assertThat(inputs.historyRows()).isEqualTo(7);
        CompiledModel ahead = model.withInputs(inputs);
        assertThat(ahead.hasTarget()).isFalse();
        double[][] parts = new double[ahead.contributionNames().size()][ahead.rows()];
        ahead.contributionsInto(theta, parts);
        List<String> names = ahead.contributionNames();
        double[] trend = parts[names.indexOf("trend")];
        double k = theta[model.parameterNames().indexOf("trend_k")];
        for (int t = 0; t < horizon; t++) {
            double s = (data.rows() - 1 + t + 1) / (double) (data.rows() - 1);
            assertThat(trend[inputs.historyRows() + t]).isCloseTo(k * s, org.assertj.core.data.Offset.offset(1e-12));
        }
        // No spend in the future, but the carry-over of the training tail decays over the first rows.
        double[] a = parts[names.indexOf("a")];
        double first = a[inputs.historyRows()];
        double last = a[inputs.historyRows() + horizon - 1];
        assertThat(first).isGreaterThan(0.0);
        assertThat(last).isLessThan(first);
        assertThatThrownBy(() -> ahead.logDensityAndGradient(new double[ahead.dimension()], new double[ahead.dimension()]))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'y'");
    }

    @Test
    void reFedSpendIsScaledWithTheTrainingScale() {
        Dataset data = DslGradientTest.data(6, true);
        ModelSpec spec = ModelSpec.builder().date("date").target("y").channels("a").build();
        CompiledModel model = spec.compile(data);
        double[] theta = randomTheta(model, 5);
        double[] doubled = data.column("a");
        for (int t = 0; t < doubled.length; t++) {
            doubled[t] *= 2;
        }
        CompiledModel more = model.withInputs(ModelInputs.of(data, 0).withColumn("a", doubled));
        assertThat(more.scaling()).isEqualTo(model.scaling());
        double[] base = new double[model.rows()];
        double[] up = new double[model.rows()];
        model.channelContributionInto(theta, 0, base);
        more.channelContributionInto(theta, 0, up);
        double sumBase = Arrays.stream(base).sum();
        double sumUp = Arrays.stream(up).sum();
        // Concave saturation: more spend, more response, less than twice as much.
        assertThat(sumUp).isGreaterThan(sumBase).isLessThan(2 * sumBase);
    }

    @Test
    void badWindowsAreRefused() {
        Dataset data = DslGradientTest.data(6, true);
        assertThatThrownBy(() -> ModelInputs.window(data, 10, 5, 8, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[10, 5)");
        assertThatThrownBy(() -> ModelInputs.of(data, data.rows())).isInstanceOf(IllegalArgumentException.class);
    }
}
