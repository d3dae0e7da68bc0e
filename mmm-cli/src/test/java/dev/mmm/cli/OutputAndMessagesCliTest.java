package dev.mmm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output that cannot be written is found before the work; messages point to the right command. */
class OutputAndMessagesCliTest {

    @TempDir
    Path dir;

    private static String good() {
        return Cli.dataFixtures().resolve("inputs/good.csv").toString();
    }

    private static String[] fitArgs(String data, Path out, String... extra) {
        String[] base = {"fit", "--data", data, "--target", "sales", "--channels", "tv,radio", "--controls", "price",
            "--chains", "1", "--warmup", "20", "--draws", "20", "--quiet", "--out", out.toString()};
        return FitCommandTest.concat(base, extra);
    }

    @Test
    void aMistypedCommandSuggestsTheNearestOne() {
        Cli.Run run = Cli.configured("fitt", "--data", "x.csv");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).containsExactly("mmm: error: unknown command 'fitt'; did you mean 'mmm fit'? (see 'mmm --help')");
        assertThat(Cli.configured("simulat").errLines())
                .containsExactly("mmm: error: unknown command 'simulat'; did you mean 'mmm simulate'? (see 'mmm --help')");
        assertThat(Cli.configured("zzzzzzzz").errLines()).containsExactly("mmm: error: unknown command 'zzzzzzzz' (see 'mmm --help')");
    }

    @Test
    void anOutputFolderOfSomeoneElsesFilesIsRefusedBeforeTheDataIsEvenRead() throws IOException {
        Path out = Files.createDirectories(dir.resolve("documents"));
        Files.writeString(out.resolve("notes.txt"), "keep me");
        // The data file does not exist: the output check comes first, so it is what is reported.
        Cli.Run run = Cli.plain(fitArgs(dir.resolve("missing.csv").toString(), out));
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.errLines()).containsExactly("mmm: error: " + out.toAbsolutePath()
                + ": the folder holds files that mmm did not write (notes.txt); choose a new or empty folder for the output");
        assertThat(Files.readString(out.resolve("notes.txt"))).isEqualTo("keep me");
    }

    @Test
    void anOutputUnderAFileIsRefusedBeforeSampling() throws IOException {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        Cli.Run run = Cli.plain(fitArgs(good(), file.resolve("out")));
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("mmm: error: " + file.resolve("out").toAbsolutePath() + ": cannot be written");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void simulateRefusesToWriteTheTruthOverItsOwnData() {
        Path same = dir.resolve("same.csv");
        Cli.Run run = Cli.plain("simulate", "--weeks", "30", "--channels", "2", "--seed", "1", "--out", same.toString(),
                "--truth", same.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).containsExactly("mmm: error: --out and --truth name the same file (" + same
                + "); the truth would overwrite the data");
        assertThat(same).doesNotExist();
    }

    @Test
    void simulateRefusesADeviceOrAFifo() throws Exception {
        Cli.Run devNull = Cli.plain("simulate", "--weeks", "30", "--channels", "2", "--seed", "1", "--out", "/dev/null");
        assertThat(devNull.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(devNull.errLines()).containsExactly(
                "mmm: error: --out /dev/null exists and is not a regular file (a device, FIFO or socket); name a file to write");
        Path fifo = dir.resolve("fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        Cli.Run run = Cli.plain("simulate", "--weeks", "30", "--channels", "2", "--seed", "1", "--out", fifo.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(Files.isRegularFile(fifo)).isFalse();
    }

    @Test
    void aPandasExportWithItsIndexColumnIsFittedWithAWarning() throws IOException {
        List<String> lines = Files.readAllLines(Path.of(good()));
        StringBuilder csv = new StringBuilder("," + lines.get(0) + "\n");
        for (int i = 1; i < lines.size(); i++) {
            csv.append(i - 1).append(',').append(lines.get(i)).append('\n');
        }
        Path pandas = Files.writeString(dir.resolve("pandas.csv"), csv);
        Cli.Run run = Cli.plain(fitArgs(pandas.toString(), dir.resolve("fit")));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.errLines()).contains("mmm: warning: pandas.csv: column 1 of the header (row 1) has no name and is ignored"
                + " (a row index, as pandas writes by default?)");
        assertThat(dir.resolve("fit/summary.json")).isRegularFile();
    }

    @Test
    void drawsThatCannotFitInMemoryAreRefusedBeforeSampling() {
        Cli.Run run = Cli.plain("fit", "--data", good(), "--target", "sales", "--channels", "tv,radio", "--controls", "price",
                "--chains", "256", "--draws", "10000000", "--quiet", "--out", dir.resolve("fit").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("mmm: error: 256 chains x 10000000 draws of 9 parameters need about ")
                .endsWith("lower the draws or the chains (--draws, --chains) or give Java more memory (-Xmx)");
        assertThat(dir.resolve("fit")).doesNotExist();
    }

    @Test
    void controlCharactersFromTheInputDoNotReachTheTerminal() throws IOException {
        Path bad = Files.writeString(dir.resolve("esc.csv"), "date,sales,tv,radio,price\n2023-01-02,\"\u001b[2J\",1,2,3\n");
        Cli.Run run = Cli.plain(fitArgs(bad.toString(), dir.resolve("fit")));
        assertThat(run.err()).doesNotContain("\u001b").contains("\\u001b[2J");
    }

    @Test
    void aColumnNameWithATerminalEscapeIsEscapedInTheTable() throws IOException {
        String esc = "tv\u001b[31m";
        List<String> lines = Files.readAllLines(Path.of(good()));
        StringBuilder csv = new StringBuilder(lines.get(0).replace("tv", "\"" + esc + "\"")).append('\n');
        lines.subList(1, lines.size()).forEach(l -> csv.append(l).append('\n'));
        Path data = Files.writeString(dir.resolve("esc-name.csv"), csv);
        Cli.Run run = Cli.plain("fit", "--data", data.toString(), "--target", "sales", "--channels", esc + ",radio",
                "--controls", "price", "--chains", "1", "--warmup", "20", "--draws", "20", "--quiet", "--out",
                dir.resolve("fit").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("beta[tv\\u001b[31m]").doesNotContain("\u001b");
        assertThat(run.err()).doesNotContain("\u001b");
    }
}
