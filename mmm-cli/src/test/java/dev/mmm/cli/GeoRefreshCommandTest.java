package dev.mmm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mmm.core.geo.GeoAnalysis;
import dev.mmm.core.geo.GeoData;
import dev.mmm.core.geo.GeoFit;
import dev.mmm.core.geo.GeoSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mmm refresh} on a geo fit folder: a geo fit of the first 32 of 40 simulated weeks,
 * refreshed on all 40, writes a geo fit folder and drift.json; a panel without an old geo, with a
 * changed old value, or an old folder without its chains' adapted state is refused in one line.
 */
class GeoRefreshCommandTest {

    private static final int FITTED = 32;
    private static final int PERIODS = 40;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path fit;
    static GeoData panel;
    static Path all;

    @BeforeAll
    static void fitTheFirstPeriods() throws Exception {
        panel = GeoSimulator.simulate(3, PERIODS, 2, 1, true, 17).data();
        Path csv = GeoPanelCsv.write(dir.resolve("train.csv"), panel, 0, FITTED, panel.columnNames(), (g, t) -> true);
        fit = dir.resolve("geo-fit");
        Cli.Run run = Cli.plain("fit-geo", "--data", csv.toString(), "--geo", "geo", "--population", "population",
                "--target", "y", "--channels", "ch1,ch2", "--controls", "z1", "--yearly-seasonality", "1",
                "--chains", "2", "--warmup", "150", "--draws", "100", "--seed", "5", "--quiet", "--out", fit.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        all = GeoPanelCsv.write(dir.resolve("all.csv"), panel, 0, PERIODS, panel.columnNames(), (g, t) -> true);
    }

    @Test
    void refreshOfAGeoFitWritesAGeoFitFolderAndItsDrift() throws Exception {
        Path out = dir.resolve("refreshed");
        Cli.Run run = Cli.plain("refresh", "--fit", fit.toString(), "--data", all.toString(), "--warmup", "60",
                "--draws", "100", "--seed", "9", "--quiet", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("3 geos x 40 periods (8 new)", "warm-up 60 iterations",
                "Drift over the old fit's periods " + panel.dates()[0] + " to " + panel.dates()[FITTED - 1], "ch1", "ch2",
                "per geo: ", "Wrote " + out);
        for (String file : List.of("summary.json", "draws.csv", "posterior.json", "posterior.bin", "data.csv",
                GeoFit.GEO_FILE, "drift.json")) {
            assertThat(out.resolve(file)).as(file).isRegularFile();
        }
        GeoFit refreshed = GeoFit.load(out);
        assertThat(refreshed.model().periods()).isEqualTo(PERIODS);
        assertThat(refreshed.posterior().run().warmup()).isEqualTo(60);
        assertThat(refreshed.posterior().provenance().seed()).isEqualTo(9);
        assertThat(refreshed.posterior().provenance().samplerSettings().get("target_acceptance")).isEqualTo("0.8");
        // geo.json as fit-geo writes it: the analysis of the loaded fit.
        assertThat(JSON.readTree(out.resolve(GeoFit.GEO_FILE).toFile())).isEqualTo(JSON.readTree(refreshed.analysisJson()));

        JsonNode drift = JSON.readTree(out.resolve("drift.json").toFile());
        assertThat(drift.get("old_periods").asInt()).isEqualTo(FITTED);
        assertThat(drift.get("new_periods").asInt()).isEqualTo(PERIODS);
        assertThat(drift.get("geos")).hasSize(3);
        assertThat(drift.get("channels")).hasSize(2);
        assertThat(drift.get("roas_per_geo")).hasSize(6);
        GeoAnalysis.Roas oldRoas = GeoFit.load(fit).analysis().roas();
        for (JsonNode c : drift.get("channels")) {
            assertThat(c.at("/old_roas/mean").asDouble())
                    .isEqualTo(oldRoas.of(c.get("channel").asText(), null).roas().mean());
        }
    }

    @Test
    void aPanelWithoutAnOldGeoIsRefusedInOneLine() throws Exception {
        Path without = GeoPanelCsv.write(dir.resolve("without-geo1.csv"), panel, 0, PERIODS, panel.columnNames(),
                (g, t) -> g != 1);
        Cli.Run run = Cli.plain("refresh", "--fit", fit.toString(), "--data", without.toString(), "--out",
                dir.resolve("never").toString());
        assertOneLineError(run, without + ": no rows for geo 'Geo1' (column 'geo'); a refresh needs every geo of the old fit");
        assertThat(dir.resolve("never")).doesNotExist();
    }

    @Test
    void aChangedValueInAnOldPeriodIsRefusedInOneLine() throws Exception {
        List<String> lines = Files.readAllLines(all);
        // Row 1 + 40 + 6 is Geo1's seventh period; its ch1 (the fourth column: date, geo, ch1, ...) is changed.
        int row = 1 + PERIODS + 6;
        String[] cells = lines.get(row).split(",");
        assertThat(cells[1]).isEqualTo("Geo1");
        List<String> header = List.of(lines.get(0).split(","));
        int ch1 = header.indexOf("ch1");
        cells[ch1] = Double.toString(Double.parseDouble(cells[ch1]) + 1.0);
        lines.set(row, String.join(",", cells));
        Path changed = dir.resolve("changed.csv");
        Files.write(changed, lines);
        Cli.Run run = Cli.plain("refresh", "--fit", fit.toString(), "--data", changed.toString(), "--out",
                dir.resolve("never-changed").toString());
        assertOneLineError(run, changed + ": geo 'Geo1', date " + panel.dates()[6] + ", column 'ch1': " + cells[ch1]
                + " is not the old fit's ");
        assertThat(dir.resolve("never-changed")).doesNotExist();
    }

    @Test
    void anOldFolderWithoutAdaptedStateIsRefusedInOneLine() throws Exception {
        Path copy = dir.resolve("without-adaptation");
        Files.createDirectories(copy);
        try (var files = Files.list(fit)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        ObjectNode meta = (ObjectNode) JSON.readTree(copy.resolve("posterior.json").toFile());
        meta.putArray("adaptation");
        Files.writeString(copy.resolve("posterior.json"), JSON.writeValueAsString(meta));
        Cli.Run run = Cli.plain("refresh", "--fit", copy.toString(), "--data", all.toString(), "--out",
                dir.resolve("never-warm").toString());
        assertOneLineError(run, "the old geo fit keeps no chain's adapted state");
        assertThat(run.err()).contains("$.adaptation");
    }

    private static void assertOneLineError(Cli.Run run, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("mmm: error: ").contains(message);
    }
}
