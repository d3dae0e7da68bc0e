package dev.mmm.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mmm.report.view.PredictiveFit;
import java.util.List;
import org.junit.jupiter.api.Test;

class FitMetricsTest {

    static final List<java.time.LocalDate> DATES = SampleReports.dates().subList(0, 4);

    @Test
    void handComputedCase() {
        double[] observed = {10, 20, 30, 40};
        double[] mean = {12, 18, 30, 44};
        double[] lower = {11, 15, 25, 35};
        double[] upper = {13, 25, 35, 39};
        FitMetrics m = FitMetrics.of(new PredictiveFit("y", DATES, mean, lower, upper, observed));
        // SS_res = 4 + 4 + 0 + 16 = 24, SS_tot = 225 + 25 + 25 + 225 = 500.
        assertThat(m.r2()).isCloseTo(1 - 24.0 / 500, within(1e-12));
        // APE: 0.2, 0.1, 0, 0.1 -> mean 0.1.
        assertThat(m.mape()).isCloseTo(0.1, within(1e-12));
        // RMSE = sqrt(6), range 30.
        assertThat(m.nrmse()).isCloseTo(Math.sqrt(6) / 30, within(1e-12));
        // 10 is below [11, 13] and 40 above [35, 39]: 2 of 4 covered.
        assertThat(m.coverage()).isEqualTo(0.5);
    }

    @Test
    void undefinedMetricsAreNaN() {
        double[] flat = {5, 5, 5, 5};
        FitMetrics m = FitMetrics.of(new PredictiveFit("y", DATES, flat, flat, flat, flat));
        assertThat(m.r2()).isNaN();
        assertThat(m.nrmse()).isNaN();
        assertThat(m.mape()).isEqualTo(0);
        assertThat(m.coverage()).isEqualTo(1);
        double[] withZero = {0, 1, 2, 3};
        assertThat(FitMetrics.of(new PredictiveFit("y", DATES, withZero, withZero, withZero, withZero)).mape()).isNaN();
        assertThatThrownBy(() -> FitMetrics.of(new PredictiveFit("y", DATES, flat, flat, flat, null)))
                .hasMessage("PredictiveFit for 'y' has no observed values to compare with");
    }
}
