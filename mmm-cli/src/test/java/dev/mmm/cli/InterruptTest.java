package dev.mmm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mmm.core.geo.GeoData;
import dev.mmm.core.geo.GeoFit;
import dev.mmm.core.geo.GeoSimulator;
import dev.mmm.core.io.Draws;
import dev.mmm.core.io.DrawsCsv;
import dev.mmm.core.io.FitSummary;
import dev.mmm.core.io.SummaryJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C for real: {@code mmm fit}, {@code mmm fit-geo} and {@code mmm refresh} of a geo fit run
 * in a child JVM and get SIGINT (via {@code kill -INT}) during sampling. Each must still leave a
 * loadable draws.csv and a summary.json with "complete": false, say so on stderr without a stack
 * trace, and exit with 130.
 */
class InterruptTest {

    @TempDir
    Path dir;

    /** The child's exit code, stdout and stderr lines. */
    private record Interrupted(int exitCode, List<String> out, List<String> err) {
    }

    @Test
    void ctrlCDuringSamplingSavesTheDrawsSoFarMarkedIncomplete() throws Exception {
        Path out = dir.resolve("fit");
        int draws = 300_000;
        Interrupted run = interruptAtTenPercent(List.of("fit",
                "--data", Cli.dataFixtures().resolve("inputs/good.csv").toString(),
                "--target", "sales", "--channels", "tv,radio", "--controls", "price",
                "--chains", "2", "--warmup", "100", "--draws", String.valueOf(draws), "--out", out.toString()));

        FitSummary summary = assertSavedIncomplete(run, out, draws);
        assertThat(summary.parameters()).hasSize(9).allMatch(p -> Double.isFinite(p.mean()));
    }

    @Test
    void ctrlCDuringAGeoFitSavesTheDrawsSoFarMarkedIncompleteAndGeoJsonOverThem() throws Exception {
        GeoData panel = GeoSimulator.simulate(2, 30, 1, 0, true, 11).data();
        Path csv = GeoPanelCsv.write(dir.resolve("panel.csv"), panel, 0, panel.periods(), panel.columnNames(),
                (g, t) -> true);
        Path out = dir.resolve("geo-fit");
        int draws = 100_000;
        Interrupted run = interruptAtTenPercent(List.of("fit-geo", "--data", csv.toString(), "--geo", "geo",
                "--population", "population", "--target", "y", "--channels", "ch1",
                "--chains", "2", "--warmup", "100", "--draws", String.valueOf(draws), "--out", out.toString()));

        FitSummary summary = assertSavedIncomplete(run, out, draws);
        assertThat(summary.parameters()).extracting(FitSummary.Parameter::name).contains("beta[ch1,Geo1]");
        assertThat(summary.parameters()).allMatch(p -> Double.isFinite(p.mean()));
        assertGeoJsonOverTheKeptDraws(out, summary);
    }

    @Test
    void ctrlCDuringARefreshOfAGeoFitSavesTheDrawsSoFarAndWritesNoDrift() throws Exception {
        GeoData panel = GeoSimulator.simulate(2, 30, 1, 0, true, 12).data();
        Path train = GeoPanelCsv.write(dir.resolve("train.csv"), panel, 0, 24, panel.columnNames(), (g, t) -> true);
        Path all = GeoPanelCsv.write(dir.resolve("all.csv"), panel, 0, 30, panel.columnNames(), (g, t) -> true);
        Path old = dir.resolve("old");
        Cli.Run fit = Cli.plain("fit-geo", "--data", train.toString(), "--geo", "geo", "--population", "population",
                "--target", "y", "--channels", "ch1", "--chains", "2", "--warmup", "100", "--draws", "50",
                "--quiet", "--out", old.toString());
        assertThat(fit.exitCode()).as(fit.err()).isZero();
        Path out = dir.resolve("refreshed");
        int draws = 100_000;
        Interrupted run = interruptAtTenPercent(List.of("refresh", "--fit", old.toString(), "--data", all.toString(),
                "--warmup", "50", "--draws", String.valueOf(draws), "--out", out.toString()));

        FitSummary summary = assertSavedIncomplete(run, out, draws);
        assertGeoJsonOverTheKeptDraws(out, summary);
        assertThat(out.resolve("drift.json")).doesNotExist();
        assertThat(run.out()).contains(RefreshCommand.NO_DRIFT_WHEN_INTERRUPTED);
        assertThat(GeoFit.load(out).model().periods()).isEqualTo(30);
    }

    /**
     * Runs {@code mmm args} in a child JVM with stderr in a file and sends it SIGINT at its first
     * progress line after sampling started (10%), so the draws saved stay few and the fit cannot
     * finish first, whatever the machine's speed.
     */
    private Interrupted interruptAtTenPercent(List<String> args) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/kill")) || Files.isExecutable(Path.of("/usr/bin/kill")),
                "no kill command to send SIGINT with");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path errFile = dir.resolve("stderr-" + args.get(0) + ".txt");
        Path outFile = dir.resolve("stdout-" + args.get(0) + ".txt");
        List<String> command = new ArrayList<>();
        // A build started in the background (nohup, &) passes SIGINT down as ignored, and a JVM that
        // inherits an ignored SIGINT never sees Ctrl-C: give the child the default disposition.
        if (new ProcessBuilder("env", "--default-signal=INT", "true").start().waitFor() == 0) {
            command.addAll(List.of("env", "--default-signal=INT"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-cp",
                classpath, MmmCommand.class.getName()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        // Files, not pipes: the lines written while the JVM shuts down must not be lost.
        pb.redirectOutput(outFile.toFile());
        pb.redirectError(errFile.toFile());
        Process process = pb.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!text(errFile).contains("sampling started") && process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(text(errFile)).as("the child reached sampling").contains("sampling started");
            // Signal at the first progress line, not after a fixed sleep: on a loaded machine a fixed
            // sleep let the child get so far that saving took longer than the wait below.
            while (!text(errFile).contains("10% of iterations done") && process.isAlive()
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
            assertThat(kill.waitFor()).isZero();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the child ended after SIGINT").isTrue();
        } finally {
            process.destroyForcibly();
        }
        return new Interrupted(process.exitValue(), List.of(text(outFile).split("\\R")),
                List.of(text(errFile).split("\\R")));
    }

    /** Exit code 130, the interrupted line and no stack trace on stderr, and the folder's kept draws. */
    private static FitSummary assertSavedIncomplete(Interrupted run, Path out, int draws) throws Exception {
        assertThat(run.exitCode()).as("stderr: %s", run.err()).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(run.err()).contains("mmm: interrupted: the draws finished so far are saved in " + out
                + " (\"complete\": false)");
        assertThat(run.err()).anyMatch(l -> l.startsWith("mmm: interrupted: the summary uses chains 1, 2, "));
        assertThat(run.err()).noneMatch(l -> l.contains("Exception") || l.startsWith("\tat "));
        assertThat(run.out()).anyMatch(l -> l.startsWith("Interrupted: draws kept per chain "));
        FitSummary summary = SummaryJson.read(out.resolve("summary.json"));
        assertThat(summary.complete()).isFalse();
        assertThat(summary.draws()).isEqualTo(draws);
        assertThat(summary.drawsCompleted()).hasSize(2).allMatch(n -> n > 0 && n < draws);
        Draws saved = DrawsCsv.read(out.resolve("draws.csv"));
        assertThat(saved.chains()).isEqualTo(2);
        for (int c = 0; c < 2; c++) {
            assertThat(saved.values()[c].length).isEqualTo(summary.drawsCompleted().get(c));
        }
        return summary;
    }

    /** geo.json is there (the folder is a geo fit) and is the analysis of the draws the folder kept. */
    private static void assertGeoJsonOverTheKeptDraws(Path out, FitSummary summary) throws Exception {
        GeoFit loaded = GeoFit.load(out);
        assertThat(loaded.complete()).isFalse();
        assertThat(loaded.posterior().drawsPerChain()).containsExactly(
                summary.drawsCompleted().stream().mapToInt(Integer::intValue).toArray());
        ObjectMapper json = new ObjectMapper();
        JsonNode written = json.readTree(out.resolve(GeoFit.GEO_FILE).toFile());
        assertThat(written.get("roas_national").get(0).get("roas").get("mean").isNumber()).isTrue();
        assertThat(written).isEqualTo(json.readTree(loaded.analysisJson()));
    }

    private static String text(Path file) throws java.io.IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
