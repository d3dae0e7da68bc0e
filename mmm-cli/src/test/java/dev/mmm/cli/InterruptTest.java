package dev.mmm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mmm.core.io.Draws;
import dev.mmm.core.io.DrawsCsv;
import dev.mmm.core.io.FitSummary;
import dev.mmm.core.io.SummaryJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C for real: {@code mmm fit} runs in a child JVM and gets SIGINT (via {@code kill -INT})
 * during sampling. It must still leave a loadable draws.csv and a summary.json with
 * "complete": false, say so on stderr without a stack trace, and exit with 130.
 */
class InterruptTest {

    @TempDir
    Path dir;

    @Test
    void ctrlCDuringSamplingSavesTheDrawsSoFarMarkedIncomplete() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/kill")) || Files.isExecutable(Path.of("/usr/bin/kill")),
                "no kill command to send SIGINT with");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path out = dir.resolve("fit");
        Path errFile = dir.resolve("stderr.txt");
        // The signal goes at the first progress line (10%), so the draws saved stay few and the fit
        // cannot finish first, whatever the machine's speed.
        int draws = 300_000;
        List<String> command = new java.util.ArrayList<>();
        // A build started in the background (nohup, &) passes SIGINT down as ignored, and a JVM that
        // inherits an ignored SIGINT never sees Ctrl-C: give the child the default disposition.
        if (new ProcessBuilder("env", "--default-signal=INT", "true").start().waitFor() == 0) {
            command.addAll(List.of("env", "--default-signal=INT"));
        }
        command.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-cp", classpath,
                MmmCommand.class.getName(), "fit",
                "--data", Cli.dataFixtures().resolve("inputs/good.csv").toString(),
                "--target", "sales", "--channels", "tv,radio", "--controls", "price",
                "--chains", "2", "--warmup", "100", "--draws", String.valueOf(draws), "--out", out.toString()));
        ProcessBuilder pb = new ProcessBuilder(command);
        // A file, not a pipe: the lines written while the JVM shuts down must not be lost.
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.redirectError(errFile.toFile());
        Process process = pb.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!stderr(errFile).contains("sampling started") && process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(stderr(errFile)).as("the child reached sampling").contains("sampling started");
            // Signal at the first progress line, not after a fixed sleep: on a loaded machine a fixed
            // sleep let the child get so far that saving took longer than the wait below.
            while (!stderr(errFile).contains("10% of iterations done") && process.isAlive()
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
            assertThat(kill.waitFor()).isZero();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the child ended after SIGINT").isTrue();
        } finally {
            process.destroyForcibly();
        }

        List<String> err = List.of(stderr(errFile).split("\\R"));
        assertThat(process.exitValue()).as("stderr: %s", err).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(err).anyMatch(l -> l.startsWith("mmm: interrupted: the draws finished so far are saved in"));
        assertThat(err).noneMatch(l -> l.contains("Exception") || l.startsWith("\tat "));
        FitSummary summary = SummaryJson.read(out.resolve("summary.json"));
        assertThat(summary.complete()).isFalse();
        assertThat(summary.draws()).isEqualTo(draws);
        assertThat(summary.drawsCompleted()).hasSize(2).allMatch(n -> n > 0 && n < draws);
        Draws saved = DrawsCsv.read(out.resolve("draws.csv"));
        assertThat(saved.chains()).isEqualTo(2);
        for (int c = 0; c < 2; c++) {
            assertThat(saved.values()[c].length).isEqualTo(summary.drawsCompleted().get(c));
        }
        assertThat(summary.parameters()).hasSize(9).allMatch(p -> Double.isFinite(p.mean()));
    }

    private static String stderr(Path file) throws java.io.IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
