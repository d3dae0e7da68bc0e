package dev.mmm.report.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mmm.report.SampleReports;
import dev.mmm.report.view.AdstockCurve;
import dev.mmm.report.view.ChannelEstimate;
import dev.mmm.report.view.NamedSeries;
import dev.mmm.report.view.ParameterDraws;
import dev.mmm.report.view.PredictiveFit;
import dev.mmm.report.view.WaterfallStep;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the charts compute from their inputs, and the inputs they refuse. */
class ChartInputsTest {

    @Test
    void stackPutsPositivePartsAboveZeroAndNegativePartsBelow() {
        List<NamedSeries> series = List.of(new NamedSeries("base", new double[] {10, 10}),
                new NamedSeries("tv", new double[] {5, -2}), new NamedSeries("price", new double[] {-3, 4}));
        double[][] lo = new double[3][];
        double[][] hi = new double[3][];
        ContributionChart.stack(series, lo, hi);
        assertThat(lo[0]).containsExactly(0, 0);
        assertThat(hi[0]).containsExactly(10, 10);
        assertThat(lo[1]).containsExactly(10, -2);
        assertThat(hi[1]).containsExactly(15, 0);
        assertThat(lo[2]).containsExactly(-3, 10);
        assertThat(hi[2]).containsExactly(0, 14);
    }

    @Test
    void waterfallBarsFloatFromRunningTotalToRunningTotalAndSplitAtZero() {
        // Running totals 0 -> 5 -> -3 -> 1; the total bar spans 0..1.
        WaterfallChart.Floating f = WaterfallChart.floating(List.of(new WaterfallStep("a", 5), new WaterfallStep("b", -8),
                new WaterfallStep("c", 4)));
        assertThat(f.lo).containsExactly(0, -3, -3, 0);
        assertThat(f.hi).containsExactly(5, 5, 1, 1);
        // "b" crosses zero: 5 above zero and 3 below, both drawn as a decrease.
        assertThat(f.decreaseAbove[1]).isEqualTo(5);
        assertThat(f.decreaseBelow[1]).isEqualTo(-3);
        assertThat(f.positiveBase[1]).isEqualTo(0);
        assertThat(f.negativeBase[1]).isEqualTo(0);
        // "c" rises from -3 to 1: 3 below zero and 1 above, an increase.
        assertThat(f.increaseBelow[2]).isEqualTo(-3);
        assertThat(f.increaseAbove[2]).isEqualTo(1);
        // The total: 1 above zero, nothing below.
        assertThat(f.totalAbove[3]).isEqualTo(1);
        assertThat(f.totalBelow[3]).isEqualTo(0);
        // A bar wholly above zero floats on an invisible base.
        WaterfallChart.Floating up = WaterfallChart.floating(List.of(new WaterfallStep("a", 5), new WaterfallStep("b", 2)));
        assertThat(up.positiveBase[1]).isEqualTo(5);
        assertThat(up.increaseAbove[1]).isEqualTo(2);
    }

    @Test
    void waterfallRefusesAStepNamedLikeTheTotal() {
        assertThatThrownBy(() -> WaterfallChart.of(List.of(new WaterfallStep("total", 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("waterfall steps (the last bar is called 'total'): the name 'total' appears twice");
        assertThatThrownBy(() -> WaterfallChart.of(List.of())).hasMessage("waterfall steps is empty");
    }

    @Test
    void chartsRefuseWhatTheyCannotDraw() {
        PredictiveFit forecast = new PredictiveFit("sales", SampleReports.dates().subList(0, 3), new double[] {1, 2, 3},
                new double[] {0, 1, 2}, new double[] {2, 3, 4}, null);
        assertThatThrownBy(() -> ResidualChart.of(forecast)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PredictiveFit for 'sales' has no observed values, so no residuals");
        ParameterDraws noPrior = new ParameterDraws("beta", new double[][] {{1, 2, 3}}, null);
        assertThatThrownBy(() -> PriorPosteriorChart.of(noPrior))
                .hasMessage("ParameterDraws 'beta' has no prior draws to compare with");
        assertThatThrownBy(() -> FitChart.of(forecast, 50, 400))
                .hasMessage("chart size 50x400 is too small; each side needs at least 100 pixels");
        assertThatThrownBy(() -> ChannelEstimateChart.of("ROAS", "roas", List.of(new ChannelEstimate("tv", 1, 0, 2),
                new ChannelEstimate("tv", 1, 0, 2)), ChannelEstimateChart.Scale.NUMBER))
                .hasMessage("estimates for 'ROAS': the name 'tv' appears twice");
        assertThatThrownBy(() -> AdstockChart.of(List.of())).hasMessage("adstock curves is empty");
        assertThatThrownBy(() -> AdstockChart.of(List.of(new AdstockCurve("tv", new double[] {1}, new double[] {1}, new double[] {1}),
                new AdstockCurve("tv", new double[] {1}, new double[] {1}, new double[] {1}))))
                .hasMessage("adstock curves: the name 'tv' appears twice");
    }

    @Test
    void aForecastWithoutObservedValuesStillHasAFitChart() {
        PredictiveFit forecast = new PredictiveFit("sales", SampleReports.dates().subList(0, 3), new double[] {1, 2, 3},
                new double[] {0, 1, 2}, new double[] {2, 3, 4}, null);
        Figure f = FitChart.of(forecast);
        assertThat(f.seriesNames()).containsExactly("90% predictive interval", "posterior mean");
        assertThat(f.toSvg()).contains("<title>Posterior predictive fit: sales</title>");
    }

    @Test
    void svgEscapesTitlesFromData() {
        Figure f = ResponseCurveChart.of(SampleReports.full().responseCurves().get(0));
        assertThat(f.toSvg()).contains("<title>Response curve: tv &amp; &lt;radio&gt; &quot;quoted&quot;</title>")
                .doesNotContain("<radio>");
    }

    @Test
    void axesRoundToOneTwoFiveStepsWithMatchingDecimals() {
        assertThat(Axes.step(0, 1600)).isEqualTo(500);
        assertThat(Axes.step(0, 10)).isEqualTo(2);
        assertThat(Axes.step(-0.3, 0.9)).isEqualTo(0.5, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(Axes.round(-0.29, 0.87)).containsExactly(-0.5, 1.0);
        assertThat(Axes.pattern(500)).isEqualTo("#,##0");
        assertThat(Axes.pattern(0.5)).isEqualTo("#,##0.0");
        assertThat(Axes.pattern(0.02)).isEqualTo("#,##0.00");
    }
}
