package dev.mmm.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mmm.core.data.DataException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FitFilesTest {

    @TempDir
    Path dir;

    static FitSummary summary(boolean complete) {
        return new FitSummary(2, 200, 300, 42L, 1.25, 0.5, 0.75, 123456L, 3, 0, complete,
                List.of(300, complete ? 300 : 120), List.of("channel 'tv' has spend in only 1 of 30 periods (3.3%)"),
                List.of(new FitSummary.Parameter("intercept", 0.1, 0.02, 0.07, 0.1, 0.13, 1.001, 812.3, 640.2, 0.0007, 0.0005),
                        new FitSummary.Parameter("alpha[tv, national]", 0.4, 0.1, 0.25, 0.4, 0.55, Double.NaN, Double.NaN, 10, 0.01, Double.NaN)),
                List.of(new FitSummary.Chain(1, 0.31, 3.2, 3, 0, 0.92),
                        new FitSummary.Chain(2, 0.29, 3.1, 0, 0, complete ? 1.05 : Double.NaN)));
    }

    static Draws draws(int[] lengths, List<String> names, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][][] v = new double[lengths.length][][];
        for (int c = 0; c < lengths.length; c++) {
            v[c] = new double[lengths[c]][names.size()];
            for (int d = 0; d < lengths[c]; d++) {
                for (int j = 0; j < names.size(); j++) {
                    v[c][d][j] = rng.nextDouble() * Math.pow(10, rng.nextInt(-300, 300)) * (rng.nextBoolean() ? 1 : -1);
                }
            }
        }
        return new Draws(names, v);
    }

    @Test
    void summaryJsonHasTheContractKeysInOrderAndNullForUndefinedValues() throws Exception {
        FitWriter.write(summary(true), draws(new int[] {3, 3}, List.of("intercept", "alpha[tv, national]"), 1), dir);
        JsonNode root = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        List<String> keys = new ArrayList<>();
        root.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).startsWith("chains", "warmup", "draws", "seed", "wall_seconds", "warmup_seconds",
                "sampling_seconds", "gradient_evaluations", "divergences", "max_treedepth_hits");
        assertThat(keys).contains("parameters", "complete", "warnings");
        assertThat(root.get("chains").asInt()).isEqualTo(2);
        assertThat(root.get("seed").asLong()).isEqualTo(42);
        assertThat(root.get("gradient_evaluations").asLong()).isEqualTo(123456);
        JsonNode p0 = root.get("parameters").get(0);
        List<String> pkeys = new ArrayList<>();
        p0.fieldNames().forEachRemaining(pkeys::add);
        assertThat(pkeys).startsWith("name", "mean", "sd", "q05", "q50", "q95", "rhat", "ess_bulk", "ess_tail", "mcse_mean");
        assertThat(p0.get("ess_bulk").asDouble()).isEqualTo(812.3);
        JsonNode p1 = root.get("parameters").get(1);
        assertThat(p1.get("rhat").isNull()).isTrue();
    }

    @Test
    void chainsReportHasOneObjectPerChainWithItsKeysInOrder() throws Exception {
        JsonNode root = new ObjectMapper().readTree(SummaryJson.toJson(summary(false)));
        JsonNode chains = root.get("chains_report");
        assertThat(chains).hasSize(2);
        List<String> keys = new ArrayList<>();
        chains.get(0).fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("chain", "step_size", "mean_tree_depth", "divergences", "max_treedepth_hits",
                "ebfmi");
        assertThat(chains.get(0).get("divergences").asInt()).isEqualTo(3);
        assertThat(chains.get(1).get("ebfmi").isNull()).isTrue();
    }

    @Test
    void summaryWithoutAChainsReportReadsAsAnEmptyOne() {
        FitSummary s = summary(true);
        FitSummary without = new FitSummary(s.chains(), s.warmup(), s.draws(), s.seed(), s.wallSeconds(),
                s.warmupSeconds(), s.samplingSeconds(), s.gradientEvaluations(), s.divergences(), s.maxTreedepthHits(),
                s.complete(), s.drawsCompleted(), s.warnings(), s.parameters());
        String json = SummaryJson.toJson(without).replace("\"chains_report\" : [ ],", "");
        assertThat(json).doesNotContain("chains_report");
        assertThat(SummaryJson.fromJson(json, "old.json").chainsReport()).isEmpty();
        String mistyped = SummaryJson.toJson(s).replace("\"max_treedepth_hits\" : 0,\n    \"ebfmi\" : 0.92",
                "\"max_treedepth_hits\" : \"none\",\n    \"ebfmi\" : 0.92");
        assertThatThrownBy(() -> SummaryJson.fromJson(mistyped, "s.json")).isInstanceOf(DataException.class)
                .hasMessage("s.json: $.chains_report[0].max_treedepth_hits must be an integer");
    }

    @Test
    void summaryRoundTripsExactlyIncludingNaN() throws Exception {
        FitSummary s = summary(false);
        SummaryJson.write(dir.resolve("s.json"), s);
        FitSummary back = SummaryJson.read(dir.resolve("s.json"));
        assertThat(back).isEqualTo(s);
        assertThat(back.complete()).isFalse();
        assertThat(back.parameter("alpha[tv, national]").rhat()).isNaN();
    }

    @Test
    void drawsRoundTripExactlyWithRaggedChainsAndAwkwardNames() throws Exception {
        List<String> names = List.of("intercept", "beta[tv, \"big\"]", "lam[radio]");
        Draws d = draws(new int[] {5, 2, 4}, names, 7);
        DrawsCsv.write(dir.resolve("draws.csv"), d);
        Draws back = DrawsCsv.read(dir.resolve("draws.csv"));
        assertThat(back.parameterNames()).isEqualTo(names);
        assertThat(back.values()).isDeepEqualTo(d.values());
        List<String> lines = Files.readAllLines(dir.resolve("draws.csv"));
        assertThat(lines.get(0)).isEqualTo("chain,draw,intercept,\"beta[tv, \"\"big\"\"]\",lam[radio]");
        assertThat(lines.get(1)).startsWith("1,1,");
        assertThat(lines.get(6)).startsWith("2,1,");
        assertThat(lines).hasSize(1 + 5 + 2 + 4);
    }

    @Test
    void anEmptyChainListReadsBackAsOneEmptyChain() throws Exception {
        DrawsCsv.write(dir.resolve("draws.csv"), new Draws(List.of("a"), new double[][][] {new double[0][]}));
        Draws back = DrawsCsv.read(dir.resolve("draws.csv"));
        assertThat(back.chains()).isEqualTo(1);
        assertThat(back.values()[0]).isEmpty();
    }

    @Test
    void drawsOutOfOrderAreRejectedNamingTheRow() throws Exception {
        Files.writeString(dir.resolve("d.csv"), "chain,draw,a\n1,1,0.5\n1,3,0.1\n");
        assertThatThrownBy(() -> DrawsCsv.read(dir.resolve("d.csv")))
                .isInstanceOf(DataException.class)
                .hasMessage("d.csv: row 3 is chain 1, draw 3 but chain 1, draw 2 or chain 2, draw 1 was expected");
    }

    @Test
    void aSummaryMissingAKeyNamesItsJsonPath() {
        String json = SummaryJson.toJson(summary(true)).replace("\"ess_tail\"", "\"ess_tial\"");
        assertThatThrownBy(() -> SummaryJson.fromJson(json, "summary.json"))
                .isInstanceOf(DataException.class)
                .hasMessage("summary.json: $.parameters[0].ess_tail is missing");
        assertThatThrownBy(() -> SummaryJson.fromJson("{\"chains\": \"four\"}", "summary.json"))
                .hasMessage("summary.json: $.parameters is missing");
        assertThatThrownBy(() -> SummaryJson.fromJson("[1,", "summary.json"))
                .hasMessageStartingWith("summary.json: not valid JSON (line 1");
    }

    @Test
    void aWriteThatDiesHalfWayLeavesThePreviousFileIntactAndNoTemporaryFile() throws Exception {
        Path file = dir.resolve("draws.csv");
        Draws old = draws(new int[] {50, 50}, List.of("a", "b"), 3);
        DrawsCsv.write(file, old);
        byte[] before = Files.readAllBytes(file);

        Draws bigger = draws(new int[] {5000, 5000}, List.of("a", "b"), 4);
        // A writer that fails after some megabytes: what a crash or a full disk looks like mid-save.
        assertThatThrownBy(() -> AtomicFiles.writeText(file, out -> {
            DrawsCsv.write(new java.io.Writer() {
                long written;

                @Override
                public void write(char[] cbuf, int off, int len) throws IOException {
                    written += len;
                    if (written > 100_000) {
                        throw new IOException("simulated crash half way through the save");
                    }
                    out.write(cbuf, off, len);
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                }

                @Override
                public void close() {
                }
            }, bigger);
        })).isInstanceOf(IOException.class).hasMessage(file + ": could not be written: simulated crash half way through the save;"
                + " the previous file, if any, is unchanged");

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(DrawsCsv.read(file).values()).isDeepEqualTo(old.values());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("draws.csv");
        }
    }

    @Test
    void aRuntimeExceptionFromTheCallbackAlsoLeavesTheOldFile() throws Exception {
        Path file = dir.resolve("summary.json");
        SummaryJson.write(file, summary(true));
        assertThatThrownBy(() -> AtomicFiles.writeText(file, out -> {
            out.write("{\"chains\": ");
            throw new UncheckedIOException(new IOException("interrupted"));
        })).isInstanceOf(UncheckedIOException.class);
        assertThat(SummaryJson.read(file)).isEqualTo(summary(true));
        try (Stream<Path> files = Files.list(dir)) {
            Iterator<Path> it = files.iterator();
            assertThat(it.next().getFileName().toString()).isEqualTo("summary.json");
            assertThat(it.hasNext()).isFalse();
        }
    }

    @Test
    void aSuccessfulWriteReplacesTheFileAndCreatesMissingFolders() throws Exception {
        Path file = dir.resolve("a/b/c.txt");
        AtomicFiles.writeString(file, "one");
        AtomicFiles.writeString(file, "two");
        assertThat(Files.readString(file)).isEqualTo("two");
    }
}
