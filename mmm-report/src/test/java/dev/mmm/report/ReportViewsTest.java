package dev.mmm.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mmm.core.data.Dataset;
import dev.mmm.core.io.FitSummary;
import dev.mmm.report.view.InputDiagnostics;
import dev.mmm.report.view.ModelSummary;
import dev.mmm.report.view.SamplerDiagnostics;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportViewsTest {

    static Dataset data() {
        LocalDate[] dates = {LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 8), LocalDate.of(2024, 1, 15)};
        Map<String, double[]> columns = new LinkedHashMap<>();
        columns.put("y", new double[] {10, 20, 30});
        columns.put("tv", new double[] {0, 5, 1});
        columns.put("price", new double[] {2, 2, 2});
        return Dataset.of("week", dates, columns);
    }

    @Test
    void modelSummaryAndInputDiagnosticsComeFromTheDataset() {
        ModelSummary m = ReportViews.modelSummary("shop", data(), "y", List.of("tv"), List.of("price"), null);
        assertThat(m.firstDate()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(m.lastDate()).isEqualTo(LocalDate.of(2024, 1, 15));
        assertThat(m.periods()).isEqualTo(3);
        InputDiagnostics d = ReportViews.inputDiagnostics(data(), "y", List.of("tv"), List.of("price"), List.of("w"));
        assertThat(d.columns()).extracting(c -> c.name() + ":" + c.role()).containsExactly("y:target", "tv:channel", "price:control");
        assertThat(d.columns().get(1).zeroShare()).isEqualTo(1.0 / 3);
        assertThat(d.columns().get(1).max()).isEqualTo(5);
        assertThat(d.warnings()).containsExactly("w");
    }

    @Test
    void samplerDiagnosticsComeFromTheFitSummary() {
        FitSummary s = new FitSummary(4, 500, 300, 1, 1, 0.5, 0.5, 100, 2, 1, false, List.of(300, 250, 300, 300),
                List.of("cancelled"), List.of(new FitSummary.Parameter("beta", 1, 0.1, 0.8, 1, 1.2, 1.002, 900, 800, 0.01, 0.01)));
        SamplerDiagnostics d = ReportViews.samplerDiagnostics(s);
        assertThat(d.chains()).isEqualTo(4);
        assertThat(d.warmupPerChain()).isEqualTo(500);
        assertThat(d.drawsPerChain()).isEqualTo(250);
        assertThat(d.divergences()).isEqualTo(2);
        assertThat(d.maxTreeDepthHits()).isEqualTo(1);
        assertThat(d.warnings()).containsExactly("cancelled");
        assertThat(d.parameters().get(0).rhat()).isEqualTo(1.002);
        assertThat(d.parameters().get(0).essTail()).isEqualTo(800);
        assertThat(d.parameters().get(0).q95()).isEqualTo(1.2);
    }
}
