package dev.mmm.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mmm.report.view.AdstockCurve;
import dev.mmm.report.view.AllocationRow;
import dev.mmm.report.view.BudgetAllocation;
import dev.mmm.report.view.ChannelEstimate;
import dev.mmm.report.view.Contributions;
import dev.mmm.report.view.NamedSeries;
import dev.mmm.report.view.ParameterDraws;
import dev.mmm.report.view.PredictiveFit;
import dev.mmm.report.view.ResponseCurve;
import dev.mmm.report.view.WaterfallStep;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Degenerate but valid inputs (one period, flat values, zeros, the smallest sizes) still draw. */
class EdgeCaseChartsTest {

    static Stream<Arguments> figures() {
        List<LocalDate> one = List.of(LocalDate.of(2024, 1, 1));
        List<LocalDate> two = List.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 8));
        double[] flat = {5, 5};
        double[][] constantChains = {{1, 1, 1}, {1, 1, 1}};
        return Stream.of(
                Arguments.of("fit, one period", FitChart.of(new PredictiveFit("y", one, new double[] {1}, new double[] {0},
                        new double[] {2}, new double[] {1.5}))),
                Arguments.of("fit, flat", FitChart.of(new PredictiveFit("y", two, flat, flat, flat, flat))),
                Arguments.of("residuals, zero", ResidualChart.of(new PredictiveFit("y", two, flat, flat, flat, flat))),
                Arguments.of("contributions, all zero", ContributionChart.of(new Contributions(two,
                        List.of(new NamedSeries("a", new double[] {0, 0}))))),
                Arguments.of("contributions, all negative", ContributionChart.of(new Contributions(two,
                        List.of(new NamedSeries("a", new double[] {-1, -2}))))),
                Arguments.of("waterfall, one zero step", WaterfallChart.of(List.of(new WaterfallStep("a", 0)))),
                Arguments.of("waterfall, below zero", WaterfallChart.of(List.of(new WaterfallStep("a", -5), new WaterfallStep("b", -1)))),
                Arguments.of("estimates, all zero", ChannelEstimateChart.of("t", "v", List.of(new ChannelEstimate("a", 0, 0, 0)),
                        ChannelEstimateChart.Scale.NUMBER)),
                Arguments.of("estimates, negative", ChannelEstimateChart.of("t", "v", List.of(new ChannelEstimate("a", -0.2, -0.5, 0.1)),
                        ChannelEstimateChart.Scale.PERCENT)),
                Arguments.of("response, two points, flat", ResponseCurveChart.of(new ResponseCurve("a", new double[] {0, 1},
                        new double[] {0, 0}, new double[] {0, 0}, new double[] {0, 0}, 0))),
                Arguments.of("adstock, one lag", AdstockChart.of(List.of(new AdstockCurve("a", new double[] {1}, new double[] {1},
                        new double[] {1})))),
                Arguments.of("allocation, zero spend", AllocationChart.of(new BudgetAllocation(List.of(new AllocationRow("a", 0, 0)),
                        null, null, null))),
                Arguments.of("rank, constant draws", RankPlotChart.of(new ParameterDraws("p", constantChains, null))),
                Arguments.of("trace, constant draws", TraceChart.of(new ParameterDraws("p", constantChains, null))),
                Arguments.of("prior-posterior, constant", PriorPosteriorChart.of(new ParameterDraws("p", constantChains,
                        new double[] {1, 1}))),
                Arguments.of("smallest size", FitChart.of(new PredictiveFit("y", two, flat, flat, flat, flat), 100, 100)));
    }

    @org.junit.jupiter.api.Test
    void manySeriesMoveTheLegendToTheRightWhereItCanGrow() {
        List<LocalDate> two = List.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 8));
        List<NamedSeries> few = List.of(new NamedSeries("a", new double[] {1, 2}), new NamedSeries("b", new double[] {1, 2}));
        List<NamedSeries> many = new java.util.ArrayList<>();
        for (int k = 0; k < 12; k++) {
            many.add(new NamedSeries("channel number " + k, new double[] {1, 2}));
        }
        assertThat(ContributionChart.of(new Contributions(two, few)).chart().getStyler().getLegendPosition())
                .isEqualTo(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        Figure f = ContributionChart.of(new Contributions(two, many));
        assertThat(f.chart().getStyler().getLegendPosition()).isEqualTo(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        assertThat(f.toPng()).hasSizeGreaterThan(100);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("figures")
    void drawsToPngAndSvg(String name, Figure figure) {
        assertThat(figure.toPng()).hasSizeGreaterThan(100);
        assertThat(figure.toSvg()).contains("<svg").contains("</svg>");
    }
}
