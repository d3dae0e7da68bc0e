package dev.mmm.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.mmm.core.data.CsvReader;
import dev.mmm.core.data.DataException;
import dev.mmm.core.data.Dataset;
import dev.mmm.core.io.FitMetadata;
import dev.mmm.core.io.FitSummary;
import dev.mmm.core.io.FitWriter;
import dev.mmm.core.model.EventSpec;
import dev.mmm.core.model.FitChecks;
import dev.mmm.core.model.Mmm;
import dev.mmm.core.model.MmmFit;
import dev.mmm.core.model.ModelSpec;
import dev.mmm.core.model.SpecException;
import dev.mmm.sampler.CancellationToken;
import dev.mmm.sampler.Phase;
import dev.mmm.sampler.SamplerSettings;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The Java API ({@code CsvReader.read} then {@code Mmm.fit}) makes the checks the CLI makes,
 * with the same messages naming the same rows.
 */
class JavaApiChecksTest {

    private static final SamplerSettings QUICK = SamplerSettings.builder().chains(1).warmup(20).draws(20).seed(3).build();

    /** {@link ReliabilityData#weekly} as CSV text, with {@code blankLines} blank lines after the header. */
    private static String csv(Dataset d, int blankLines, int skipRow, int swapRow) {
        StringBuilder b = new StringBuilder("date,y,x1,x2,price\n").append("\n".repeat(blankLines));
        for (int i = 0; i < d.rows(); i++) {
            if (i == skipRow) {
                continue;
            }
            int r = i == swapRow ? i + 1 : i == swapRow + 1 && swapRow >= 0 ? i - 1 : i;
            b.append(d.date(r)).append(String.format(Locale.ROOT, ",%s,%s,%s,%s%n", d.column("y")[r], d.column("x1")[r],
                    d.column("x2")[r], d.column("price")[r]));
        }
        return b.toString();
    }

    /** The message the CLI path gives (read, then the shared checks), or null. */
    private static String cliMessage(Dataset data) {
        Throwable t = catchThrowable(() -> FitChecks.validate(ReliabilityData.defaultSpec(), data));
        return t == null ? null : t.getMessage();
    }

    @Test
    void aGapInTheDatesIsRefusedByMmmFitWithTheCliMessage() {
        Dataset data = CsvReader.parse(csv(ReliabilityData.weekly(40, 1), 0, 20, -1), "date", null, "gap.csv");
        String expected = "date column 'date': row 22 (2020-06-01) is 14 days after row 21 (2020-05-18) but the data are weekly;"
                + " fill the gap (zero spend) or remove the extra row";
        assertThat(cliMessage(data)).isEqualTo(expected);
        assertThatThrownBy(() -> Mmm.fit(ReliabilityData.defaultSpec(), data, QUICK))
                .isInstanceOf(DataException.class).hasMessage(expected);
    }

    @Test
    void unsortedDatesAreRefusedByMmmFit() {
        Dataset data = CsvReader.parse(csv(ReliabilityData.weekly(40, 1), 0, -1, 10), "date", null, "unsorted.csv");
        assertThatThrownBy(() -> Mmm.fit(ReliabilityData.defaultSpec(), data, QUICK))
                .isInstanceOf(DataException.class).hasMessageContaining("dates are not sorted, row 13")
                .hasMessage(cliMessage(data));
    }

    @Test
    void aBadCellIsReportedOnTheSameFileRowByBothPaths() {
        Dataset good = ReliabilityData.weekly(40, 1);
        String text = csv(good, 2, -1, -1).replaceFirst("(?m)^(2020-03-02,[^,]*),[^,]*,", "$1,-5.0,");
        Dataset data = CsvReader.parse(text, "date", null, "neg.csv");
        // 2020-03-02 is data row 8 (0-based): file row 1 (header) + 2 blank + 9 = 12.
        String expected = "channel 'x1', row 12 (2020-03-02): negative spend -5.0";
        assertThat(cliMessage(data)).isEqualTo(expected);
        assertThatThrownBy(() -> Mmm.fit(ReliabilityData.defaultSpec(), data, QUICK)).hasMessage(expected);
        // Compiling alone (no validation) names the same row.
        assertThatThrownBy(() -> ReliabilityData.defaultSpec().compile(data)).hasMessageContaining("row 12");
    }

    @Test
    void anEventBeforeTheDataIsAnErrorWithItsPath() {
        ModelSpec spec = ReliabilityData.defaultSpec().toBuilder()
                .event(EventSpec.dummy("launch", LocalDate.of(2021, 3, 1)))
                .event(EventSpec.dummy("old", LocalDate.of(2020, 5, 4), LocalDate.of(2019, 12, 30)))
                .build();
        Dataset data = ReliabilityData.weekly(60, 2);
        assertThatThrownBy(() -> FitChecks.validate(spec, data)).isInstanceOf(SpecException.class)
                .hasMessage("$.events[1].dates[1]: event 'old' on 2019-12-30 is before the data, which start on 2020-01-06;"
                        + " remove the date or add earlier rows");
        assertThatThrownBy(() -> Mmm.fit(spec, data, QUICK)).isInstanceOf(SpecException.class);
    }

    @Test
    void drawsThatCannotFitInMemoryAreRefusedBeforeAnythingIsAllocated() {
        SamplerSettings huge = SamplerSettings.builder().chains(4).warmup(10).draws(Integer.MAX_VALUE).seed(1).build();
        assertThatThrownBy(() -> Mmm.fit(ReliabilityData.defaultSpec(), ReliabilityData.weekly(40, 1), huge))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("4 chains x 2147483647 draws of 13 parameters need about ")
                .hasMessageContaining("lower the draws or the chains (--draws, --chains) or give Java more memory (-Xmx)");
    }

    @Test
    void specNumbersInTheMillionsAreRefusedBeforeAnythingIsAllocated() {
        assertThatThrownBy(() -> dev.mmm.core.model.ChannelSpec.of("tv").withAdstock("geometric", 5_000_000))
                .isInstanceOf(SpecException.class).hasMessage("channel 'tv': lMax must be between 1 and 520, got 5000000");
        assertThatThrownBy(() -> dev.mmm.core.model.SeasonalitySpec.yearly(3_000_000))
                .isInstanceOf(SpecException.class).hasMessage("seasonality 'fourier': order must be between 1 and 50, got 3000000");
        assertThatThrownBy(() -> dev.mmm.core.model.TrendSpec.piecewise(2_000_000))
                .isInstanceOf(SpecException.class).hasMessage("trend: changepoints must be between 0 and 500, got 2000000");
        SamplerSettings manyChains = SamplerSettings.builder().chains(Integer.MAX_VALUE).warmup(10).draws(1000).seed(1).build();
        assertThatThrownBy(() -> Mmm.fit(ReliabilityData.defaultSpec(), ReliabilityData.weekly(40, 1), manyChains))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("2147483647 chains x 1000 draws");
    }

    @Test
    void theParameterCountIsTheCompiledModels() {
        ModelSpec spec = ReliabilityData.defaultSpec().toBuilder().trend(dev.mmm.core.model.TrendSpec.piecewise(3))
                .event(EventSpec.dummy("e", LocalDate.of(2020, 3, 2))).build();
        assertThat(FitChecks.parameterCount(spec)).isEqualTo(spec.compile(ReliabilityData.weekly(40, 1)).parameterCount());
    }

    @Test
    void anInterruptedFitSummarisesTheChainsThatHaveDrawsAndSaysWhich() {
        CancellationToken token = new CancellationToken();
        SamplerSettings settings = SamplerSettings.builder().chains(2).warmup(50).draws(100).seed(8).threads(1).build();
        MmmFit fit = Mmm.fit(ReliabilityData.defaultSpec(), ReliabilityData.weekly(40, 2), settings,
                (chain, iteration, phase, div) -> {
                    if (chain == 0 && phase == Phase.SAMPLING && iteration == 30) {
                        token.cancel();
                    }
                }, token);
        assertThat(fit.samplingResult().drawsCompleted()).containsExactly(30, 0);

        FitSummary summary = FitWriter.summaryOf(fit, FitMetadata.none());
        assertThat(summary.summaryChains()).containsExactly(1);
        assertThat(summary.summaryDrawsPerChain()).isEqualTo(30);
        assertThat(summary.parameters()).allSatisfy(p -> {
            assertThat(p.mean()).as(p.name()).isFinite();
            assertThat(p.sd()).as(p.name()).isFinite();
        });
        assertThat(summary.parameter("sigma").mean()).isEqualTo(fit.summary("sigma").mean());
        assertThat(List.copyOf(summary.drawsCompleted())).containsExactly(30, 0);
    }
}
