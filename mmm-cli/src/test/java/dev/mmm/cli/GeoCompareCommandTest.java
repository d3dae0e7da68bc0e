package dev.mmm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mmm.core.geo.GeoData;
import dev.mmm.core.geo.GeoFit;
import dev.mmm.core.geo.GeoLoo;
import dev.mmm.core.geo.GeoSimulator;
import dev.mmm.core.io.DatasetCsv;
import dev.mmm.core.simulate.DemoData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 'mmm compare' of geo fits end to end: two fits of one simulated panel, with and without a
 * control that moves the target in every geo, ranked by PSIS-LOO (the table, and JSON whose numbers
 * are {@link GeoLoo}'s on the loaded fits), with each geo's share of the difference adding up to it; a geo fit
 * beside a national one, or geo fits of other panels, refused in one line.
 */
class GeoCompareCommandTest {

    private static final int PERIODS = 50;

    @TempDir
    static Path dir;
    static Path full;
    static Path noControl;
    static Path csv;

    @BeforeAll
    static void fitThePanelWithAndWithoutTheControl() throws Exception {
        GeoData panel = GeoSimulator.simulate(3, PERIODS, 1, 1, true, 31).data();
        csv = GeoPanelCsv.write(dir.resolve("panel.csv"), panel, 0, PERIODS, panel.columnNames(), (g, t) -> true);
        full = fitGeo("geo-full", csv, "--controls", "z1");
        noControl = fitGeo("geo-no-control", csv);
    }

    private static Path fitGeo(String name, Path data, String... more) {
        Path out = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("fit-geo", "--data", data.toString(), "--geo", "geo",
                "--population", "population", "--target", "y", "--channels", "ch1", "--chains", "2", "--warmup", "150",
                "--draws", "150", "--seed", "5", "--quiet", "--out", out.toString()));
        args.addAll(List.of(more));
        Cli.Run run = Cli.plain(args.toArray(new String[0]));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return out;
    }

    @Test
    void compareRanksGeoFitsOfOnePanelAndSplitsTheDifferenceByGeo() throws Exception {
        Cli.Run run = Cli.plain("compare", noControl.toString(), full.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("kind").asText()).isEqualTo("geo");
        assertThat(json.get("best").asText()).isEqualTo(full.toString());
        assertThat(json.get("geos")).hasSize(3);
        JsonNode worse = json.get("fits").get(1);
        assertThat(worse.get("fit").asText()).isEqualTo(noControl.toString());
        assertThat(worse.get("elpd_diff").asDouble()).isLessThan(-2 * worse.get("se_diff").asDouble())
                .isLessThan(-dev.mmm.core.analysis.LooComparison.SMALL_DIFFERENCE);
        // A clear difference, and the note names what was held out: one geo in one period at a time.
        assertThat(json.get("warnings").get(0).asText())
                .startsWith(full + " predicts held-out geo-periods better than " + noControl + ": elpd_diff ");

        // The numbers are GeoLoo's on the saved fits.
        GeoLoo expectedFull = GeoLoo.of(GeoFit.load(full));
        GeoLoo expectedWorse = GeoLoo.of(GeoFit.load(noControl));
        assertThat(json.get("fits").get(0).get("elpd_loo").asDouble()).isEqualTo(expectedFull.loo().elpdLoo().value());
        assertThat(worse.get("elpd_loo").asDouble()).isEqualTo(expectedWorse.loo().elpdLoo().value());
        assertThat(worse.get("pareto_k").get("bad_observations_named"))
                .hasSize(expectedWorse.loo().paretoKSummary().badObservations().length);
        JsonNode perGeo = worse.get("per_geo");
        assertThat(perGeo).hasSize(3);
        java.util.Map<String, GeoLoo> loos = new java.util.LinkedHashMap<>();
        loos.put(noControl.toString(), expectedWorse);
        loos.put(full.toString(), expectedFull);
        GeoLoo.Comparison expected = GeoLoo.compare(loos);
        double sum = 0;
        for (int g = 0; g < 3; g++) {
            JsonNode row = perGeo.get(g);
            assertThat(row.get("geo").asText()).isEqualTo("Geo" + g);
            assertThat(row.get("elpd_loo").asDouble()).isEqualTo(expectedWorse.perGeo().get(g).elpdLoo().value());
            assertThat(row.get("elpd_diff").asDouble())
                    .isEqualTo(expected.perGeo().get(noControl.toString()).get(g).value());
            sum += row.get("elpd_diff").asDouble();
        }
        assertThat(sum).isCloseTo(worse.get("elpd_diff").asDouble(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(json.get("fits").get(0).get("per_geo").get(1).get("elpd_diff").asDouble()).isZero();

        Cli.Run table = Cli.plain("compare", noControl.toString(), full.toString());
        assertThat(table.exitCode()).as(table.err()).isZero();
        List<String> lines = table.out().lines().toList();
        assertThat(lines.get(0)).contains("elpd_loo", "elpd_diff", "se_diff", "p_loo", "pareto k");
        assertThat(lines.get(1)).startsWith(full.toString());
        assertThat(lines.get(2)).startsWith(noControl.toString());
        assertThat(table.out()).contains("per geo, elpd_diff against " + full);
        assertThat(lines.stream().filter(l -> l.startsWith("Geo1 ")).count()).isEqualTo(2);
        assertThat(lines).contains("note: " + json.get("warnings").get(0).asText());
    }

    @Test
    void aGeoFitBesideANationalFitIsRefusedInOneLine() throws Exception {
        Path nationalCsv = dir.resolve("national.csv");
        DatasetCsv.write(nationalCsv, DemoData.generate(4).data().slice(0, 60));
        Path national = dir.resolve("national-fit");
        Cli.Run fit = Cli.plain("fit", "--data", nationalCsv.toString(), "--date", DemoData.DATE, "--target",
                DemoData.TARGET, "--channels", "tv", "--chains", "1", "--warmup", "60", "--draws", "40", "--quiet",
                "--out", national.toString());
        assertThat(fit.exitCode()).as(fit.err()).isZero();
        for (List<Path> order : List.of(List.of(full, national), List.of(national, full))) {
            Cli.Run run = Cli.plain("compare", order.get(0).toString(), order.get(1).toString());
            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertThat(run.errLines()).hasSize(1);
            assertThat(run.err()).startsWith("mmm: error: ")
                    .contains(full + " is a geo fit (it has geo.json)", national + " is a national fit",
                            "not one with the other");
        }
    }

    @Test
    void geoFitsOfAnotherPanelAreRefusedInOneLine() throws Exception {
        GeoData panel = GeoSimulator.simulate(3, PERIODS, 1, 1, true, 31).data();
        Path shorter = GeoPanelCsv.write(dir.resolve("shorter.csv"), panel, 0, PERIODS - 5, panel.columnNames(),
                (g, t) -> true);
        Path other = dir.resolve("geo-shorter");
        Cli.Run fit = Cli.plain("fit-geo", "--data", shorter.toString(), "--geo", "geo", "--population", "population",
                "--target", "y", "--channels", "ch1", "--chains", "1", "--warmup", "60", "--draws", "40", "--quiet",
                "--out", other.toString());
        assertThat(fit.exitCode()).as(fit.err()).isZero();
        Cli.Run run = Cli.plain("compare", full.toString(), other.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains(other + " was fitted to another panel than " + full + " (" + (PERIODS - 5)
                + " periods, not " + PERIODS + ")");
    }
}
