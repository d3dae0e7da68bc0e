package dev.mmm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad input of docs/bad-inputs.md through {@code mmm fit}: exactly one line
 * {@code mmm: error: <message>} on stderr, nothing on stdout, exit code 1, no output files.
 */
class BadInputCliTest {

    @TempDir
    Path out;

    static Stream<Arguments> cases() throws IOException {
        Path table = Cli.dataFixtures().resolve("bad-inputs.tsv");
        return Files.readAllLines(table, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank())
                .map(l -> l.split("\t", 2))
                .map(p -> Arguments.of(p[0], p[1]));
    }

    private Cli.Run fit(Path data, String... extra) {
        String[] base = {"fit", "--data", data.toString(), "--date", "date", "--target", "sales",
            "--channels", "tv,radio", "--controls", "price", "--chains", "1", "--warmup", "10", "--draws", "10",
            "--out", out.resolve("fit").toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return Cli.plain(args);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachBadFileEndsInOneErrorLine(String file, String message) {
        Cli.Run run = fit(Cli.dataFixtures().resolve("inputs").resolve(file));
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly("mmm: error: " + message);
        assertThat(out.resolve("fit")).doesNotExist();
    }

    @Test
    void aMissingFileIsOneLine() {
        Path missing = out.resolve("nope.csv");
        Cli.Run run = fit(missing);
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.errLines()).containsExactly("mmm: error: " + missing + ": file not found");
    }

    @Test
    void aColumnGivenTwiceIsOneLine() {
        Cli.Run run = Cli.plain("fit", "--data", Cli.dataFixtures().resolve("inputs/good.csv").toString(),
                "--target", "sales", "--channels", "tv,tv", "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.errLines()).containsExactly("mmm: error: column 'tv' is given more than once (as target, channel or control)");
    }

    @Test
    void sparseAndCollinearDataGiveWarningsBeforeTheFit() {
        // Validation passes with warnings; the fit then runs, so only the warnings are checked here.
        Cli.Run run = fit(Cli.dataFixtures().resolve("inputs/sparse-channel.csv"), "--quiet");
        assertThat(run.errLines()).contains(
                "mmm: warning: channel 'radio' has spend in only 1 of 30 periods (3.3%); its effect will be poorly identified");
        assertThat(run.err()).doesNotContain("mmm: error");
    }

    private Cli.Run fitGood(String... settings) {
        String[] base = {"fit", "--data", Cli.dataFixtures().resolve("inputs/good.csv").toString(),
            "--target", "sales", "--channels", "tv,radio", "--out", out.resolve("fit").toString()};
        return Cli.plain(FitCommandTest.concat(base, settings));
    }

    @Test
    void outOfRangeSettingsAreOneLine() {
        assertThat(fitGood("--chains", "0").errLines()).containsExactly("mmm: error: --chains must be at least 1, got 0");
        assertThat(fitGood("--draws", "0").errLines()).containsExactly("mmm: error: --draws must be at least 1, got 0");
        assertThat(fitGood("--warmup", "-5").errLines()).containsExactly("mmm: error: --warmup must be at least 0, got -5");
        assertThat(fitGood("--adapt-delta", "1").errLines()).containsExactly("mmm: error: --adapt-delta must be in (0, 1), got 1.0");
        assertThat(fitGood("--yearly-seasonality", "-1").errLines())
                .containsExactly("mmm: error: --yearly-seasonality must be between 0 and 20, got -1");
        // Values that parse but are out of range are a bad command line too: exit code 2, as the help says.
        assertThat(fitGood("--yearly-seasonality", "-1").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(fitGood("--chains", "0").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(fitGood("--draws", "2147483647").errLines()).containsExactly("mmm: error: --draws must be at most 10000000, got 2147483647");
        assertThat(fitGood("--chains", "2147483647").errLines()).containsExactly("mmm: error: --chains must be at most 256, got 2147483647");
        assertThat(fitGood("--chains", "2147483647").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(out.resolve("fit")).doesNotExist();
    }

    @Test
    void commandLineMistakesAreOneLineWithExitCode2() {
        Cli.Run unknown = Cli.configured("fit", "--data", "x.csv", "--target", "y", "--channels", "a", "--out", "o", "--chians", "4");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.errLines()).containsExactly("mmm: error: Unknown options: '--chians', '4' (see 'mmm fit --help')");

        Cli.Run missing = Cli.configured("fit", "--target", "y", "--channels", "a", "--out", "o");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.errLines()).containsExactly("mmm: error: Missing required option: '--data=FILE' (see 'mmm fit --help')");

        Cli.Run notANumber = Cli.configured("fit", "--data", "x.csv", "--target", "y", "--channels", "a", "--out", "o", "--chains", "four");
        assertThat(notANumber.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(notANumber.errLines()).hasSize(1);
        assertThat(notANumber.err()).startsWith("mmm: error: Invalid value for option '--chains': 'four' is not an int");
    }

    @Test
    void anOutputPathThatIsAFileIsOneLine() throws IOException {
        Path file = Files.writeString(out.resolve("taken"), "x");
        Cli.Run run = Cli.plain("fit", "--data", Cli.dataFixtures().resolve("inputs/good.csv").toString(),
                "--target", "sales", "--channels", "tv,radio", "--controls", "price", "--chains", "1",
                "--warmup", "10", "--draws", "10", "--quiet", "--out", file.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.errLines()).containsExactly("mmm: error: " + file + ": exists and is not a folder");
    }
}
