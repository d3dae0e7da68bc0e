package dev.mmm.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mmm.core.analysis.ChannelSummary;
import dev.mmm.core.analysis.ResponseCurve;
import dev.mmm.core.io.DatasetCsv;
import dev.mmm.core.simulate.DemoData;
import dev.mmm.core.simulate.Simulation;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-import facade on a real (short) fit of the demo data read back from a CSV. */
class MediaMixTest {

    @TempDir
    static Path scratch;
    static Simulation sim;
    static MediaMix mix;

    @BeforeAll
    static void fitFromCsv() throws Exception {
        sim = DemoData.generate(4);
        Path csv = scratch.resolve("demo.csv");
        DatasetCsv.write(csv, sim.data());
        mix = MediaMix.fitCsv(csv, DemoData.DATE, DemoData.TARGET, DemoData.CHANNELS, List.of(DemoData.PROMO),
                MediaMix.sampler(2, 200, 150, 5));
    }

    @Test
    void fitsTheDefaultModelOfTheCsvColumns() {
        assertThat(mix.fit().spec().channelNames()).isEqualTo(DemoData.CHANNELS);
        assertThat(mix.fit().posterior().chains()).isEqualTo(2);
        assertThat(mix.fit().posterior().drawCount()).isEqualTo(300);
        assertThat(mix.fit().parameterNames()).contains("fourier[sin_2]", "gamma[promo]");
    }

    @Test
    void summaryTableHasOneLinePerParameterWithItsMean() {
        String[] lines = mix.summaryTable().split("\n");
        assertThat(lines).hasSize(1 + mix.fit().parameterNames().size());
        assertThat(lines[0]).startsWith("parameter").contains("rhat", "ess_bulk");
        String sigma = java.util.Arrays.stream(lines).filter(l -> l.startsWith("sigma ")).findFirst().orElseThrow();
        assertThat(sigma).contains(Fmt.number(mix.fit().summary("sigma").mean()));
    }

    @Test
    void roasTableShowsTheAnalysisNumbers() {
        String table = mix.roasTable();
        for (ChannelSummary c : mix.roas().channels()) {
            String line = table.lines().filter(l -> l.startsWith(c.channel() + " ")).findFirst().orElseThrow();
            assertThat(line).contains(Fmt.number(c.roas().mean()), Fmt.number(c.spend()), Fmt.percent(c.share().mean()));
        }
        assertThat(mix.roas().channels().stream().mapToDouble(c -> c.share().mean()).sum()).isCloseTo(1.0,
                org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void responseCurvesStartAtZeroAndRiseWithSpend() {
        List<ResponseCurve> curves = mix.responseCurves();
        assertThat(curves).extracting(ResponseCurve::channel).isEqualTo(DemoData.CHANNELS);
        for (ResponseCurve c : curves) {
            assertThat(c.response().get(0).mean()).isEqualTo(0.0);
            assertThat(c.response().get(c.spend().length - 1).mean()).isGreaterThan(c.response().get(1).mean());
        }
    }

    @Test
    void chartsAreImagesOfTheFigureSizeAndPngsDecode() throws Exception {
        assertThat(mix.chartIds()).contains("fit", "contributions", "roas", "adstock", "response-1");
        BufferedImage roas = mix.roasChart();
        assertThat(roas.getWidth()).isEqualTo(mix.figure("roas").width());
        assertThat(roas.getHeight()).isEqualTo(mix.figure("roas").height());
        assertThat(Images.distinctColours(roas)).isGreaterThan(3);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(mix.png("fit")));
        assertThat(decoded.getWidth()).isEqualTo(mix.fitChart().getWidth());
        assertThat(mix.responseCurveChart("tv").getWidth()).isPositive();
    }

    @Test
    void unknownChartsAndChannelsAreNamedInTheError() {
        assertThatThrownBy(() -> mix.chart("pie")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no chart 'pie'").hasMessageContaining("roas");
        assertThatThrownBy(() -> mix.responseCurveChart("billboards")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'billboards'").hasMessageContaining("tv");
    }

    @Test
    void savedFitLoadsBackWithTheSameRoas() throws Exception {
        Path dir = mix.save(scratch.resolve("fit"));
        MediaMix loaded = MediaMix.load(dir);
        assertThat(loaded.roas().channel("tv").roas()).isEqualTo(mix.roas().channel("tv").roas());
        Path html = loaded.writeReport(scratch.resolve("report.html"));
        assertThat(java.nio.file.Files.readString(html)).contains("<svg");
    }

    @Test
    void optimiserSpendsTheBudgetAndBeatsTheCurrentMix() {
        double budget = 13 * 60_000.0;
        dev.mmm.core.optimize.AllocationResult best = mix.optimize(13, budget);
        assertThat(best.allocation().stream().mapToDouble(a -> a.optimal()).sum()).isCloseTo(budget,
                org.assertj.core.data.Offset.offset(1e-6 * budget));
        assertThat(best.objectiveValue().optimal()).isGreaterThanOrEqualTo(best.objectiveValue().current());
        String table = MediaMix.allocationTable(best);
        assertThat(table).startsWith("13 periods, budget 60,000 per period");
        for (dev.mmm.core.optimize.AllocationResult.ChannelAllocation a : best.allocation()) {
            assertThat(table).contains(a.channel() + " ").contains(Fmt.number(a.optimal() / 13));
        }
        BufferedImage chart = MediaMix.allocationChart(best);
        assertThat(Images.distinctColours(chart)).isGreaterThan(3);

        dev.mmm.core.optimize.AllocationResult bounded = mix.optimize(mix.budgetProblem(13).budget(budget)
                .bound("tv", dev.mmm.core.optimize.ChannelBound.locked()).build());
        var tv = bounded.allocation().stream().filter(a -> a.channel().equals("tv")).findFirst().orElseThrow();
        assertThat(tv.optimal()).isCloseTo(tv.current(), org.assertj.core.data.Offset.offset(1e-6 * budget));
    }

    @Test
    void aFitWithoutLiftTestsHasNoLiftTestRows() {
        assertThat(mix.liftTests()).isEmpty();
        assertThat(mix.liftTestTable()).isEmpty();
    }

    @Test
    void liftTestTableOfACalibratedFitShowsTheMeasurementAndTheModel() {
        var data = sim.data();
        double spend = 0;
        for (int t = 100; t < 104; t++) {
            spend += data.column("search")[t];
        }
        var test = dev.mmm.core.calibration.LiftTest.of("search", data.date(100), data.date(103), spend, 17_500, 1_700);
        MediaMix calibrated = MediaMix.fit(DemoData.spec().toBuilder().liftTests(List.of(test)).build(), data,
                MediaMix.sampler(2, 150, 100, 6));
        assertThat(calibrated.liftTests()).hasSize(1);
        var check = calibrated.liftTests().get(0);
        assertThat(calibrated.liftTestTable()).isEqualTo(check.describe() + "\n").contains("search", "measured 1.750e+04 +- 1700");
        assertThat(check.posteriorLift().mean()).isPositive();
    }
}
