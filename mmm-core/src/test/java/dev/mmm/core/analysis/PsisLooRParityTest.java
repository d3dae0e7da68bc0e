package dev.mmm.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mmm.core.geo.GeoFit;
import dev.mmm.core.geo.GeoLoo;
import dev.mmm.core.geo.GeoSimulator;
import dev.mmm.sampler.SamplerSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PSIS-LOO against R's loo package (Debian's r-cran-loo, installed by
 * {@code scripts/install-test-deps.sh}) on the same log-likelihood matrices: elpd_loo, p_loo,
 * looic, their se's, and every observation's elpd_loo, p_loo, Pareto k, n_eff, r_eff and MCSE
 * within 1e-6 relative; and loo_compare's elpd_diff and se_diff. Skipped with a message where
 * Rscript or loo is missing, except under CI, where that is a failure.
 */
class PsisLooRParityTest {

    private static final double RELATIVE = 1e-6;
    /**
     * The MCSE of an observation whose likelihood is ~0 in every draw is rounding noise around 0
     * in both R and Java (R gives 0, Java 4e-12 for the farthest outlier), so MCSEs alone also
     * pass within 1e-9 absolute, far below any MCSE that matters.
     */
    private static final double MCSE_ABSOLUTE = 1e-9;
    private static double largestRelativeDifference;

    @TempDir
    static Path work;

    private static Path script;

    /** Null when Rscript and loo are there, else what is missing. */
    private static String missing;

    @BeforeAll
    static void findR() throws IOException {
        missing = missingR();
        if (missing != null && "true".equals(System.getenv("CI"))) {
            fail(missing + " under CI: scripts/install-test-deps.sh should have installed it");
        }
        if (missing != null) {
            System.err.println("PsisLooRParityTest skipped: " + missing + "; run scripts/install-test-deps.sh");
            return;
        }
        script = work.resolve("loo-parity.R");
        try (InputStream in = PsisLooRParityTest.class.getResourceAsStream("loo-parity.R")) {
            Files.copy(in, script);
        }
    }

    @BeforeEach
    void needsR() {
        // per test rather than in @BeforeAll, so that Surefire counts and shows each skip
        assumeTrue(missing == null, missing + "; run scripts/install-test-deps.sh to run this test");
    }

    @AfterAll
    static void report() {
        System.out.printf(Locale.ROOT, "PSIS-LOO vs R loo: largest relative difference %.3g%n",
                largestRelativeDifference);
    }

    @Test
    void independentDrawsOfAWellSpecifiedModel() throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        double[] y = LooTestData.data(random, 40, 0);
        double[][] ll = LooTestData.normalLogLik(random, y, 4, 250, LooTestData.mean(y), 0.16, 0.11, 0);
        PsisLoo r = checkAgainstR("normal", ll, LogLikMatrix.consecutiveChains(1000, 4));
        assertThat(r.paretoKSummary().bad()).isZero();
    }

    @Test
    void outliersGiveHeavyTailsAndKAboveZeroPointSeven() throws Exception {
        SplittableRandom random = new SplittableRandom(12);
        double[] y = LooTestData.data(random, 30, 4);
        double[][] ll = LooTestData.normalLogLik(random, y, 4, 250, LooTestData.mean(y), 0.18, 0.12, 0);
        PsisLoo r = checkAgainstR("heavy", ll, LogLikMatrix.consecutiveChains(1000, 4));
        assertThat(r.paretoKSummary().good()).isPositive();
        assertThat(r.paretoKSummary().bad()).isPositive();
        assertThat(r.paretoKSummary().veryBad()).isPositive();
        assertThat(r.mcseElpdLoo()).isNaN();
    }

    @Test
    void fourAutocorrelatedChainsOfAnAwkwardLength() throws Exception {
        // 317 draws per chain is not 2-3-5-smooth, so loo's M/n autocovariance factor is not 1;
        // AR(1) draws make r_eff < 1, which shortens the tail below 0.2 S
        SplittableRandom random = new SplittableRandom(13);
        double[] y = LooTestData.data(random, 30, 1);
        double[][] ll = LooTestData.normalLogLik(random, y, 4, 317, LooTestData.mean(y), 0.3, 0.15, 0.8);
        PsisLoo r = checkAgainstR("ar4", ll, LogLikMatrix.consecutiveChains(1268, 4));
        double minREff = Double.POSITIVE_INFINITY;
        for (double v : r.rEff()) {
            minREff = Math.min(minREff, v);
        }
        assertThat(minREff).isLessThan(0.5);
        assertThat(java.util.Arrays.stream(r.tailLength()).min().orElseThrow()).isLessThan((int) Math.ceil(0.2 * 1268));
    }

    @Test
    void oneChainWithInterleavedIdsAndFewDraws() throws Exception {
        SplittableRandom random = new SplittableRandom(14);
        double[] y = LooTestData.data(random, 25, 2);
        double[][] ll = LooTestData.normalLogLik(random, y, 2, 200, LooTestData.mean(y), 0.4, 0.2, 0.3);
        int[] chains = new int[400];
        for (int s = 0; s < 400; s++) {
            chains[s] = s % 2 + 1;
        }
        checkAgainstR("interleaved", ll, chains);
    }

    @Test
    void tooFewDrawsForAParetoTail() throws Exception {
        SplittableRandom random = new SplittableRandom(15);
        double[] y = LooTestData.data(random, 10, 0);
        double[][] ll = LooTestData.normalLogLik(random, y, 1, 20, LooTestData.mean(y), 0.3, 0.2, 0);
        PsisLoo r = checkAgainstR("short", ll, LogLikMatrix.consecutiveChains(20, 1));
        assertThat(r.paretoK()).containsOnly(Double.POSITIVE_INFINITY);
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("Too few draws"));
    }

    @Test
    void looCompareOfTwoModels() throws Exception {
        SplittableRandom random = new SplittableRandom(16);
        double[] y = LooTestData.data(random, 50, 0);
        double[][] good = LooTestData.normalLogLik(random, y, 4, 250, LooTestData.mean(y), 0.14, 0.1, 0);
        double[][] biased = LooTestData.normalLogLik(random, y, 4, 250, LooTestData.mean(y) + 0.6, 0.14, 0.1, 0);
        int[] chains = LogLikMatrix.consecutiveChains(1000, 4);
        Path a = writeCase("biased", biased, chains);
        Path b = writeCase("good", good, chains);
        runR(a, b);
        Map<String, PsisLoo> fits = new LinkedHashMap<>();
        fits.put("biased", PsisLoo.compute(biased, chains));
        fits.put("good", PsisLoo.compute(good, chains));
        LooComparison java = LooComparison.compare(fits);
        List<Map<String, String>> rows = readCsv(a.resolve("compare.csv"));
        assertThat(java.rows()).hasSize(2);
        for (int j = 0; j < 2; j++) {
            assertThat(java.rows().get(j).model()).isEqualTo(rows.get(j).get("model"));
            assertClose("elpd_diff " + j, java.rows().get(j).elpdDiff(), parse(rows.get(j).get("elpd_diff")));
            assertClose("se_diff " + j, java.rows().get(j).seDiff(), parse(rows.get(j).get("se_diff")));
        }
        assertThat(java.best()).isEqualTo("good");
    }

    @Test
    void theMatrixOfAGeoFitOfThreeGeosAndFortyWeeks() throws Exception {
        GeoSimulator.GeoSimulation sim = GeoSimulator.simulate(3, 40, 1, 1, true, 17);
        SamplerSettings settings = GeoFit.defaultSettings().toBuilder().chains(2).warmup(150).draws(150).seed(9).build();
        GeoFit fit = GeoFit.fit(sim.spec(), sim.data(), settings);
        double[][] ll = GeoLoo.pointwiseLogLikelihood(fit.model(), fit.posterior());
        PsisLoo r = checkAgainstR("geo", ll, LogLikMatrix.consecutiveChains(ll.length, 2));
        // GeoLoo runs the same PsisLoo on the same matrix, so its numbers are R's too.
        GeoLoo geo = GeoLoo.of(fit);
        assertThat(geo.loo().observations()).isEqualTo(120);
        assertThat(geo.loo().elpdLoo()).isEqualTo(r.elpdLoo());
        assertThat(geo.loo().pointwiseElpdLoo()).containsExactly(r.pointwiseElpdLoo());
        assertThat(geo.loo().paretoK()).containsExactly(r.paretoK());
    }

    private static PsisLoo checkAgainstR(String name, double[][] ll, int[] ids) throws Exception {
        Path dir = writeCase(name, ll, ids);
        runR(dir);
        PsisLoo java = PsisLoo.compute(ll, ids);
        Map<String, String[]> estimates = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("estimates.csv")).subList(1, 5)) {
            String[] f = line.split(",");
            estimates.put(f[0], new String[] {f[1], f[2]});
        }
        assertClose(name + " elpd_loo", java.elpdLoo().value(), parse(estimates.get("elpd_loo")[0]));
        assertClose(name + " se_elpd_loo", java.elpdLoo().se(), parse(estimates.get("elpd_loo")[1]));
        assertClose(name + " p_loo", java.pLoo().value(), parse(estimates.get("p_loo")[0]));
        assertClose(name + " se_p_loo", java.pLoo().se(), parse(estimates.get("p_loo")[1]));
        assertClose(name + " looic", java.looic().value(), parse(estimates.get("looic")[0]));
        assertClose(name + " se_looic", java.looic().se(), parse(estimates.get("looic")[1]));
        assertClose(name + " mcse_elpd_loo", java.mcseElpdLoo(), parse(estimates.get("mcse_elpd_loo")[0]));
        List<Map<String, String>> pointwise = readCsv(dir.resolve("pointwise.csv"));
        assertThat(pointwise).hasSize(java.observations());
        for (int i = 0; i < pointwise.size(); i++) {
            Map<String, String> row = pointwise.get(i);
            String at = name + " observation " + (i + 1) + " ";
            assertClose(at + "r_eff", java.rEff()[i], parse(row.get("r_eff")));
            assertClose(at + "pareto_k", java.paretoK()[i], parse(row.get("pareto_k")));
            assertClose(at + "elpd_loo", java.pointwiseElpdLoo()[i], parse(row.get("elpd_loo")));
            assertClose(at + "p_loo", java.pointwisePLoo()[i], parse(row.get("p_loo")));
            assertClose(at + "n_eff", java.nEff()[i], parse(row.get("n_eff")));
            double rMcse = parse(row.get("mcse_elpd_loo"));
            assertThat(Math.abs(java.pointwiseMcseElpdLoo()[i] - rMcse)).as(at + "mcse_elpd_loo")
                    .isLessThanOrEqualTo(RELATIVE * Math.abs(rMcse) + MCSE_ABSOLUTE);
        }
        return java;
    }

    private static void assertClose(String what, double java, double r) {
        if (Double.isNaN(r)) {
            assertThat(java).as(what + ": R gives NA").isNaN();
            return;
        }
        if (Double.isInfinite(r)) {
            assertThat(java).as(what).isEqualTo(r);
            return;
        }
        if (r != 0) {
            largestRelativeDifference = Math.max(largestRelativeDifference, Math.abs(java - r) / Math.abs(r));
        }
        assertThat(Math.abs(java - r)).as(what + ": java " + java + ", R " + r)
                .isLessThanOrEqualTo(RELATIVE * Math.abs(r));
    }

    private static double parse(String s) {
        return switch (s) {
            case "NA", "NaN" -> Double.NaN;
            case "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s);
        };
    }

    private static Path writeCase(String name, double[][] ll, int[] chainIds) throws IOException {
        Path dir = Files.createDirectories(work.resolve(name));
        StringBuilder csv = new StringBuilder();
        for (double[] draw : ll) {
            for (int i = 0; i < draw.length; i++) {
                csv.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.17g", draw[i]));
            }
            csv.append('\n');
        }
        Files.writeString(dir.resolve("loglik.csv"), csv);
        StringBuilder ids = new StringBuilder();
        for (int id : chainIds) {
            ids.append(id).append('\n');
        }
        Files.writeString(dir.resolve("chains.csv"), ids);
        return dir;
    }

    private static void runR(Path... dirs) throws Exception {
        List<String> command = new ArrayList<>(List.of("Rscript", "--vanilla", script.toString()));
        for (Path d : dirs) {
            command.add(d.toString());
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("Rscript finished").isTrue();
        assertThat(p.exitValue()).as("Rscript failed:\n" + output).isZero();
    }

    private static List<Map<String, String>> readCsv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String[] header = lines.get(0).split(",");
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            Map<String, String> row = new HashMap<>();
            for (int j = 0; j < header.length; j++) {
                row.put(header[j], f[j].trim());
            }
            rows.add(row);
        }
        return rows;
    }

    /** Null when Rscript and loo are both there, else what is missing. */
    private static String missingR() {
        try {
            Process p = new ProcessBuilder("Rscript", "--vanilla", "-e",
                    "quit(status = if (requireNamespace('loo', quietly = TRUE)) 0 else 1)")
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return "Rscript did not answer within 2 minutes";
            }
            return p.exitValue() == 0 ? null : "R's loo package is not installed";
        } catch (IOException e) {
            return "Rscript is not on the PATH";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while looking for Rscript";
        }
    }
}
