package dev.mmm.report.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad view-model inputs fail at construction with a one-line message naming the record and field. */
class ViewModelValidationTest {

    static final List<LocalDate> THREE_WEEKS = List.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 8), LocalDate.of(2024, 1, 15));
    static final double[] THREE = {1, 2, 3};

    @Test
    void predictiveFitRejectsMismatchedLengths() {
        assertThatThrownBy(() -> new PredictiveFit("sales", THREE_WEEKS, new double[] {1, 2}, THREE, THREE, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PredictiveFit.mean has 2 values but dates has 3");
        assertThatThrownBy(() -> new PredictiveFit("sales", THREE_WEEKS, THREE, THREE, THREE, new double[] {1}))
                .hasMessage("PredictiveFit.observed has 1 values but dates has 3");
    }

    @Test
    void predictiveFitRejectsNaNAndInfinityNamingTheIndex() {
        assertThatThrownBy(() -> new PredictiveFit("sales", THREE_WEEKS, new double[] {1, Double.NaN, 3}, THREE, THREE, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PredictiveFit.mean[1] is NaN; every value must be a finite number");
        assertThatThrownBy(() -> new PredictiveFit("sales", THREE_WEEKS, THREE, THREE, THREE,
                new double[] {1, 2, Double.POSITIVE_INFINITY}))
                .hasMessage("PredictiveFit.observed[2] is Infinity; every value must be a finite number");
    }

    @Test
    void predictiveFitRejectsCrossedBandsAndUnorderedDates() {
        assertThatThrownBy(() -> new PredictiveFit("sales", THREE_WEEKS, THREE, new double[] {1, 5, 3}, THREE, null))
                .hasMessage("PredictiveFit: q05[1] = 5.0 is above q95[1] = 2.0");
        List<LocalDate> backwards = List.of(LocalDate.of(2024, 1, 8), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 15));
        assertThatThrownBy(() -> new PredictiveFit("sales", backwards, THREE, THREE, THREE, null))
                .hasMessage("PredictiveFit.dates[1] = 2024-01-01 is not after PredictiveFit.dates[0] = 2024-01-08; dates must increase");
    }

    @Test
    void predictiveFitResidualsAreObservedMinusMean() {
        PredictiveFit fit = new PredictiveFit("sales", THREE_WEEKS, THREE, THREE, new double[] {2, 3, 4}, new double[] {1.5, 2, 2});
        assertThat(fit.residuals()).containsExactly(0.5, 0, -1);
    }

    @Test
    void contributionsRejectShortSeriesAndRepeatedNames() {
        assertThatThrownBy(() -> new Contributions(THREE_WEEKS, List.of(new NamedSeries("tv", new double[] {1, 2}))))
                .hasMessage("Contributions series 'tv' has 2 values but dates has 3");
        assertThatThrownBy(() -> new Contributions(THREE_WEEKS, List.of(new NamedSeries("tv", THREE), new NamedSeries("tv", THREE))))
                .hasMessage("Contributions.series: the name 'tv' appears twice");
        assertThatThrownBy(() -> new NamedSeries("tv", new double[] {Double.NaN}))
                .hasMessage("NamedSeries 'tv'.values[0] is NaN; every value must be a finite number");
    }

    @Test
    void channelEstimateRejectsNaNAndCrossedInterval() {
        assertThatThrownBy(() -> new ChannelEstimate("tv", Double.NaN, 0, 1))
                .hasMessage("ChannelEstimate 'tv'.mean is NaN; it must be a finite number");
        assertThatThrownBy(() -> new ChannelEstimate("tv", 1, 2, 1)).hasMessage("ChannelEstimate 'tv': q05 = 2.0 is above q95 = 1.0");
        assertThatThrownBy(() -> new ChannelEstimate(" ", 1, 0, 2)).hasMessage("ChannelEstimate.channel is missing or blank");
    }

    @Test
    void responseCurveChecksGridAndCurrentSpend() {
        double[] y = {0, 1, 2};
        assertThatThrownBy(() -> new ResponseCurve("tv", new double[] {0, 2, 1}, y, y, y, 1))
                .hasMessage("ResponseCurve 'tv'.spend[2] = 1.0 is not above spend[1] = 2.0; the grid must increase");
        assertThatThrownBy(() -> new ResponseCurve("tv", THREE, y, y, y, 7))
                .hasMessage("ResponseCurve 'tv'.currentSpend = 7.0 is outside the spend grid [1.0, 3.0]");
        assertThatThrownBy(() -> new ResponseCurve("tv", THREE, new double[] {0, 1}, y, y, 2))
                .hasMessage("ResponseCurve 'tv'.mean has 2 values but spend has 3");
        assertThatThrownBy(() -> new ResponseCurve("tv", THREE, y, y, y, Double.NaN))
                .hasMessage("ResponseCurve 'tv'.currentSpend is NaN; it must be a finite number");
    }

    @Test
    void responseCurveInterpolatesTheCurrentResponse() {
        ResponseCurve c = new ResponseCurve("tv", new double[] {0, 10, 20}, new double[] {0, 100, 120}, new double[] {0, 90, 100},
                new double[] {0, 110, 140}, 15);
        assertThat(c.currentResponse()).isEqualTo(110.0);
    }

    @Test
    void adstockAllocationAndWaterfallRejectBadValues() {
        assertThatThrownBy(() -> new AdstockCurve("tv", THREE, new double[] {1, 2}, THREE))
                .hasMessage("AdstockCurve 'tv'.q05 has 2 values but mean has 3");
        assertThatThrownBy(() -> new AllocationRow("tv", -1, 2))
                .hasMessage("AllocationRow 'tv': spend cannot be negative (current -1.0, optimised 2.0)");
        assertThatThrownBy(() -> new WaterfallStep("tv", Double.NEGATIVE_INFINITY))
                .hasMessage("WaterfallStep 'tv'.value is -Infinity; it must be a finite number");
        assertThatThrownBy(() -> new BudgetAllocation(List.of(new AllocationRow("tv", 1, 1), new AllocationRow("tv", 2, 2)), null, null, null))
                .hasMessage("BudgetAllocation.rows: the name 'tv' appears twice");
    }

    @Test
    void parameterDrawsRejectRaggedChainsAndNaN() {
        assertThatThrownBy(() -> new ParameterDraws("beta", new double[][] {{1, 2, 3}, {1, 2}}, null))
                .hasMessage("ParameterDraws 'beta'.chains[1] has 2 values but chains[0] has 3");
        assertThatThrownBy(() -> new ParameterDraws("beta", new double[][] {{1, Double.NaN}}, null))
                .hasMessage("ParameterDraws 'beta'.chains[0][1] is NaN; every value must be a finite number");
        assertThatThrownBy(() -> new ParameterDraws("beta", new double[][] {{1}}, null))
                .hasMessage("ParameterDraws 'beta': each chain needs at least 2 draws");
        assertThatThrownBy(() -> new ParameterDraws("beta", new double[][] {{1, 2}}, new double[] {Double.NaN, 1}))
                .hasMessage("ParameterDraws 'beta'.priorDraws[0] is NaN; every value must be a finite number");
    }

    @Test
    void parameterDrawsPoolChainAfterChainAndCopyTheirInput() {
        double[][] chains = {{1, 2}, {3, 4}};
        ParameterDraws d = new ParameterDraws("beta", chains, null);
        chains[0][0] = 99;
        assertThat(d.pooled()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void liftTestAndSummariesRejectBadValues() {
        LocalDate a = LocalDate.of(2024, 3, 1);
        assertThatThrownBy(() -> new LiftTestResult("tv", a, a.minusDays(1), 1, 1, null))
                .hasMessage("LiftTestResult 'tv': end 2024-02-29 is before start 2024-03-01");
        assertThatThrownBy(() -> new LiftTestResult("tv", a, a, 1, 0, null))
                .hasMessage("LiftTestResult 'tv'.measuredSd = 0.0; it must be positive");
        assertThat(new LiftTestResult("tv", a, a, 100, 20, new Estimate(140, 120, 160)).zScore()).isEqualTo(2.0);
        assertThatThrownBy(() -> new ColumnSummary("tv", "channel", 0, 1, 2, 1.5))
                .hasMessage("ColumnSummary 'tv'.zeroShare = 1.5; it must be in [0, 1]");
        assertThatThrownBy(() -> new ModelSummary("t", "y", List.of(), null, a, a, 1, null))
                .hasMessage("ModelSummary.channels is empty");
        assertThatThrownBy(() -> new SamplerDiagnostics(0, 100, 100, 0, 0, List.of(), null))
                .hasMessageStartingWith("SamplerDiagnostics: counts must be non-negative");
    }

    @Test
    void columnSummaryComputesItsStatistics() {
        ColumnSummary s = ColumnSummary.of("tv", "channel", new double[] {0, 2, 0, 6});
        assertThat(s.min()).isEqualTo(0);
        assertThat(s.max()).isEqualTo(6);
        assertThat(s.mean()).isEqualTo(2);
        assertThat(s.zeroShare()).isEqualTo(0.5);
    }
}
