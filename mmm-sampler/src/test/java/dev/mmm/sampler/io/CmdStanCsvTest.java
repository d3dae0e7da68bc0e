package dev.mmm.sampler.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mmm.sampler.diagnostics.DiagnosticsTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CmdStanCsvTest {

    private static final String CHAIN1 = """
            # model = demo
            #   sample
            #     num_warmup = 2
            lp__,accept_stat__,mu,theta.1
            # Adaptation terminated
            # Step size = 0.9
            -1.5,0.9,0.25,3
            -1.25,0.8,nan,inf
            -2,1,-0.5,-inf
            # Elapsed Time: 0.01 seconds (Warm-up)
            """;

    private static final String CHAIN2 = """
            lp__,accept_stat__,mu,theta.1

            -3,0.7,1.5e-1,2
            -4,0.6,-1E2,1
            -5,0.5,0,0
            """;

    @Test
    void readsColumnsByNameAcrossChains() {
        CmdStanDraws draws = CmdStanCsv.parse(List.of("a.csv", "b.csv"), List.of(CHAIN1, CHAIN2));
        assertThat(draws.columns()).containsExactly("lp__", "accept_stat__", "mu", "theta.1");
        assertThat(draws.chains()).isEqualTo(2);
        assertThat(draws.draws()).isEqualTo(3);
        double[][] mu = draws.column("mu");
        assertThat(mu[0][0]).isEqualTo(0.25);
        assertThat(mu[0][1]).isNaN();
        assertThat(mu[1]).containsExactly(0.15, -100, 0);
        assertThat(draws.column("theta.1")[0]).containsExactly(3, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY);
        assertThat(draws.sources()).containsExactly("a.csv", "b.csv");
        // a copy: callers cannot corrupt the draws
        mu[1][0] = 99;
        assertThat(draws.column("mu")[1][0]).isEqualTo(0.15);
        assertThatThrownBy(() -> draws.column("sigma"))
                .hasMessageContaining("no column 'sigma'");
    }

    @Test
    void drawsBuiltInMemoryAreCopied() {
        double[][][] values = {{{1, 2, 3, 4}, {5, 6, 7, 8}}};
        CmdStanDraws draws = CmdStanDraws.of(List.of("x"), values);
        values[0][0][0] = 99;
        assertThat(draws.column("x")[0]).containsExactly(1, 2, 3, 4);
        assertThat(draws.chains()).isEqualTo(2);
        assertThat(draws.draws()).isEqualTo(4);
        assertThat(draws.sources()).isEmpty();
        assertThat(DiagnosticsTable.text(draws)).doesNotContain("Divergences", "E-BFMI");
        assertThatThrownBy(() -> CmdStanDraws.of(List.of("x", "y"), values))
                .hasMessage("draws: 1 columns of values for 2 column names");
        assertThatThrownBy(() -> CmdStanDraws.of(List.of("x", "y"),
                new double[][][] {{{1, 2}, {3, 4}}, {{1, 2}, {3}}}))
                .hasMessage("draws: column 'y' chain 1 has 1 draws, expected 2");
    }

    @Test
    void dropsSavedWarmup() {
        String chain = """
                #     num_warmup = 4
                #     save_warmup = true
                #     thin = 2
                lp__,x
                -9,10
                -8,11
                # Adaptation terminated
                -1,1
                -2,2
                """;
        CmdStanDraws draws = CmdStanCsv.parse(List.of("w.csv"), List.of(chain));
        assertThat(draws.column("x")[0]).containsExactly(1, 2);
    }

    @Test
    void nonNumericCellNamesFileLineAndColumn() {
        String bad = CHAIN2.replace("-4,0.6,-1E2,1", "-4,0.6,abc,1");
        assertThatThrownBy(() -> CmdStanCsv.parse(List.of("a.csv", "b.csv"), List.of(CHAIN1, bad)))
                .isInstanceOf(CmdStanCsvException.class)
                .hasMessage("b.csv line 4, column mu: 'abc' is not a number");
        String hex = CHAIN2.replace("-4,0.6,-1E2,1", "-4,0.6,1d,1");
        assertThatThrownBy(() -> CmdStanCsv.parse(List.of("h.csv"), List.of(hex)))
                .hasMessage("h.csv line 4, column mu: '1d' is not a number");
        String empty = CHAIN2.replace("-4,0.6,-1E2,1", "-4,0.6,,1");
        assertThatThrownBy(() -> CmdStanCsv.parse(List.of("e.csv"), List.of(empty)))
                .hasMessage("e.csv line 4, column mu: '' is not a number");
    }

    @Test
    void raggedRowNamesFileAndLine() {
        String ragged = CHAIN1.replace("-1.25,0.8,nan,inf", "-1.25,0.8,nan");
        assertThatThrownBy(() -> CmdStanCsv.parse(List.of("a.csv"), List.of(ragged)))
                .isInstanceOf(CmdStanCsvException.class)
                .hasMessage("a.csv line 8: 3 values but the header has 4 columns");
    }

    @Test
    void mismatchedHeadersAreNamed() {
        String other = CHAIN2.replace("theta.1", "theta.2");
        assertThatThrownBy(() -> CmdStanCsv.parse(List.of("a.csv", "b.csv"), List.of(CHAIN1, other)))
                .isInstanceOf(CmdStanCsvException.class)
                .hasMessage("b.csv line 1: header differs from a.csv's (column 4 is 'theta.2'"
                        + " instead of 'theta.1')");
        String fewer = "lp__,accept_stat__,mu\n-3,0.7,1\n-4,0.6,2\n-5,0.5,3\n";
        assertThatThrownBy(() -> CmdStanCsv.parse(List.of("a.csv", "b.csv"), List.of(CHAIN1, fewer)))
                .hasMessageContaining("3 columns instead of 4");
    }

    @Test
    void differentDrawCountsAreNamed() {
        String shorter = CHAIN2.replace("-5,0.5,0,0\n", "");
        assertThatThrownBy(() -> CmdStanCsv.parse(List.of("a.csv", "b.csv"), List.of(CHAIN1, shorter)))
                .hasMessage("b.csv: 2 draws but a.csv has 3");
    }

    @Test
    void emptyFilesAreNamed(@TempDir Path dir) throws IOException {
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "");
        assertThatThrownBy(() -> CmdStanCsv.read(empty))
                .isInstanceOf(CmdStanCsvException.class)
                .hasMessage(empty + ": no header row (the file is empty or has only comments)");
        Path commentsOnly = dir.resolve("comments.csv");
        Files.writeString(commentsOnly, "# model = x\n# nothing else\n");
        assertThatThrownBy(() -> CmdStanCsv.read(commentsOnly))
                .hasMessageContaining("comments.csv: no header row");
        Path headerOnly = dir.resolve("header.csv");
        Files.writeString(headerOnly, "# c\nlp__,x\n");
        assertThatThrownBy(() -> CmdStanCsv.read(headerOnly))
                .hasMessage(headerOnly + ": no draws after the header (line 2)");
        Path missing = dir.resolve("missing.csv");
        assertThatThrownBy(() -> CmdStanCsv.read(missing))
                .hasMessageStartingWith(missing + ": cannot read");
        assertThatThrownBy(() -> CmdStanCsv.read(List.of()))
                .hasMessage("no CmdStan CSV files given");
    }

    @Test
    void readsFilesFromDiskAndTabulatesThem(@TempDir Path dir) throws IOException {
        StringBuilder a = new StringBuilder("lp__,divergent__,x\n");
        StringBuilder b = new StringBuilder("lp__,divergent__,x\n");
        java.util.Random rng = new java.util.Random(3);
        for (int i = 0; i < 200; i++) {
            a.append(-rng.nextDouble()).append(",0,").append(rng.nextGaussian()).append('\n');
            b.append(-rng.nextDouble()).append(",0,").append(rng.nextGaussian()).append('\n');
        }
        Path fa = dir.resolve("a.csv");
        Path fb = dir.resolve("b.csv");
        Files.writeString(fa, a);
        Files.writeString(fb, b);
        CmdStanDraws draws = CmdStanCsv.read(fa, fb);
        String text = DiagnosticsTable.text(draws);
        String[] lines = text.split("\n");
        assertThat(lines[0]).isEqualTo("Draws: 2 chains x 200 draws");
        assertThat(lines[2]).startsWith("x ");
        assertThat(lines[3]).startsWith("lp__");
        assertThat(lines[4]).startsWith("divergent__").contains("NaN");
        String json = DiagnosticsTable.json(draws);
        assertThat(json).contains("\"chains\" : 2", "\"draws\" : 200",
                "\"name\" : \"x\"", "\"rhat\" : null");
    }
}
