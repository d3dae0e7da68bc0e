package dev.mmm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mmm fit --lift-tests FILE}: the tests enter the fit and are checked against it; bad files fail in one line. */
class LiftTestsCliTest {

    @TempDir
    Path dir;

    private Cli.Run fit(Path liftTests) {
        return Cli.configured("fit", "--data", Cli.dataFixtures().resolve("inputs/good.csv").toString(),
                "--date", "date", "--target", "sales", "--channels", "tv,radio", "--controls", "price",
                "--chains", "2", "--warmup", "200", "--draws", "200", "--seed", "7", "--quiet",
                "--lift-tests", liftTests.toString(), "--out", dir.resolve("fit").toString());
    }

    @Test
    void aLiftTestFileCalibratesTheFitAndIsReportedAgainstIt() throws Exception {
        Path tests = dir.resolve("lift.csv");
        Files.writeString(tests, "channel,start,end,delta_spend,lift,se\ntv,2023-03-06,2023-03-27,150,120,40\n");
        Cli.Run run = fit(tests);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("lift test 0 (tv, 2023-03-06 to 2023-03-27): measured 120.0 +- 40.00, model");
        assertThat(run.out()).containsPattern("ROAS tv: prior 90% \\[[0-9.e-]+, [0-9.e-]+\\], posterior 90% \\[");
        assertThat(Files.readString(dir.resolve("fit/posterior.json"))).contains("lift_tests");
    }

    @Test
    void roiPriorsFromACalibrationFileAddTheirSampledRoas() throws Exception {
        Path roi = dir.resolve("roi.json");
        Files.writeString(roi, "{\"roi_priors\": [{\"channel\": \"radio\", \"prior\": {\"dist\": \"LogNormal\", \"mu\": 0.5, \"sigma\": 0.3}}]}");
        Path tests = dir.resolve("lift.csv");
        Files.writeString(tests, "channel,start,end,delta_spend,lift,se\ntv,2023-03-06,2023-03-27,150,120,40\n");
        Cli.Run run = Cli.configured("fit", "--data", Cli.dataFixtures().resolve("inputs/good.csv").toString(),
                "--date", "date", "--target", "sales", "--channels", "tv,radio", "--chains", "1", "--warmup", "150",
                "--draws", "100", "--seed", "3", "--quiet", "--calibration", roi.toString(), "--lift-tests", tests.toString(),
                "--out", dir.resolve("fit").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(dir.resolve("fit/summary.json"))).contains("\"roas[radio]\"", "\"beta[radio]\"");
        assertThat(run.out()).contains("lift test 0 (tv,", "ROAS radio: prior 90% [");

        Files.writeString(roi, "{\"roi_priors\": [{\"prior\": {\"dist\": \"LogNormal\", \"mu\": 0.5, \"sigma\": 0.3}}]}");
        Cli.Run bad = Cli.configured("fit", "--data", Cli.dataFixtures().resolve("inputs/good.csv").toString(),
                "--date", "date", "--target", "sales", "--channels", "tv,radio", "--calibration", roi.toString(),
                "--out", dir.resolve("fit2").toString());
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(bad.err()).contains("roi.json: $.roi_priors[0].channel: missing");
    }

    @Test
    void badLiftTestFilesFailWithOneLineNamingTheRowOrTest() throws Exception {
        Path tests = dir.resolve("lift.csv");
        Files.writeString(tests, "channel,start,end,delta_spend,lift,se\ntv,2023-03-06,2023-03-27,150,120,0\n");
        Cli.Run zeroSe = fit(tests);
        assertThat(zeroSe.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(zeroSe.errLines()).hasSize(1);
        assertThat(zeroSe.err()).contains("lift.csv row 2: se: the standard error must be a finite number > 0, got 0.0");

        Files.writeString(tests, "channel,start,end,delta_spend,lift,se\ntv,2022-03-06,2022-03-27,150,120,40\n");
        Cli.Run outside = fit(tests);
        assertThat(outside.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(outside.err()).contains("calibration.lift_tests[0]: the window 2022-03-06 to 2022-03-27 is outside the data");

        Files.writeString(tests, "channel,start,end,delta_spend,lift,se\nsearch,2023-03-06,2023-03-27,150,120,40\n");
        assertThat(fit(tests).err()).contains("calibration.lift_tests[0].channel: 'search' is not a channel");
    }
}
