package dev.mmm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mmm.core.data.CsvReader;
import dev.mmm.core.data.DataValidator;
import dev.mmm.core.data.Dataset;
import dev.mmm.core.geo.GeoAnalysis;
import dev.mmm.core.geo.GeoData;
import dev.mmm.core.geo.GeoSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesValidDataAndATruthNamedAsTheModelNamesItsParameters() throws Exception {
        Path csv = dir.resolve("sim.csv");
        Path truth = dir.resolve("truth.json");
        Cli.Run run = Cli.plain("simulate", "--weeks", "104", "--channels", "3", "--controls", "2",
                "--yearly-seasonality", "2", "--seed", "3", "--out", csv.toString(), "--truth", truth.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        Dataset data = CsvReader.read(csv, "date");
        assertThat(data.rows()).isEqualTo(104);
        assertThat(data.columnNames()).containsExactlyInAnyOrder("ch1", "ch2", "ch3", "ctrl1", "ctrl2", "y");
        List<String> warnings = DataValidator.validate(data, "y", List.of("ch1", "ch2", "ch3"), List.of("ctrl1", "ctrl2"),
                8, DataValidator.defaultModelParameterCount(3, 2, 2));
        assertThat(warnings).isEmpty();

        JsonNode params = new ObjectMapper().readTree(truth.toFile()).get("parameters");
        List<String> names = new ArrayList<>();
        params.fieldNames().forEachRemaining(names::add);
        assertThat(names).hasSize(DataValidator.defaultModelParameterCount(3, 2, 2))
                .contains("intercept", "alpha[ch1]", "lam[ch3]", "beta[ch2]", "gamma[ctrl2]", "fourier[cos_2]", "sigma");
        assertThat(params.get("alpha[ch1]").asDouble()).isBetween(0.1, 0.7);
    }

    @Test
    void theSameSeedGivesTheSameFileAndAnotherSeedAnother() throws Exception {
        String[] args = {"simulate", "--weeks", "30", "--channels", "2", "--seed", "9", "--out"};
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        Path c = dir.resolve("c.csv");
        assertThat(Cli.plain(FitCommandTest.concat(args, a.toString())).exitCode()).isZero();
        assertThat(Cli.plain(FitCommandTest.concat(args, b.toString())).exitCode()).isZero();
        assertThat(Cli.plain("simulate", "--weeks", "30", "--channels", "2", "--seed", "10", "--out", c.toString()).exitCode()).isZero();
        assertThat(Files.readString(a)).isEqualTo(Files.readString(b)).isNotEqualTo(Files.readString(c));
    }

    @Test
    void outOfRangeCountsAreOneLine() {
        Cli.Run run = Cli.plain("simulate", "--weeks", "1", "--channels", "2", "--seed", "1", "--out", dir.resolve("x.csv").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).containsExactly("mmm: error: --weeks must be between 2 and 100000, got 1");
    }

    @Test
    void geosWriteTheGeoSimulatorsPanelItsTrueRoasAndACommandThatFitsIt() throws Exception {
        Path csv = dir.resolve("panel.csv");
        Path truth = dir.resolve("truth.json");
        Cli.Run run = Cli.plain("simulate", "--geos", "3", "--weeks", "40", "--channels", "2", "--controls", "1",
                "--seed", "5", "--out", csv.toString(), "--truth", truth.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        // The file is the simulator's panel, value for value.
        GeoSimulator.GeoSimulation sim = GeoSimulator.simulate(3, 40, 2, 1, true, 5);
        GeoData panel = GeoData.read(csv, "date", "geo", List.of("ch1", "ch2", "z1", "y", "population"));
        assertThat(panel.geos()).containsExactly("Geo0", "Geo1", "Geo2");
        assertThat(panel.dates()).containsExactly(sim.data().dates());
        for (int g = 0; g < 3; g++) {
            for (String column : sim.data().columnNames()) {
                assertThat(panel.geo(g).column(column)).as("geo %d, %s", g, column).containsExactly(sim.data().geo(g).column(column));
            }
        }
        // The truth is the simulator's: ROAS from its truth model, alpha and lam from its value vector.
        JsonNode json = new ObjectMapper().readTree(truth.toFile());
        GeoAnalysis.Roas roas = sim.trueRoas();
        assertThat(json.at("/roas_national/ch2").asDouble()).isEqualTo(roas.of("ch2", null).roas().mean());
        assertThat(json.get("roas_per_geo")).hasSize(6);
        assertThat(json.get("roas_per_geo").get(5).get("roas").asDouble()).isEqualTo(roas.of("ch2", "Geo2").roas().mean());
        assertThat(json.at("/roas_national/ch1").asDouble()).isPositive();
        int lam = sim.truthModel().outputNames().indexOf("lam[ch1]");
        assertThat(json.at("/parameters/lam[ch1]").asDouble()).isEqualTo(sim.truth()[lam]);
        assertThat(json.get("parameters").size()).isEqualTo(4);

        // The printed command fits the panel as written (short here).
        String printed = run.out().lines().filter(l -> l.startsWith("Fit it: mmm ")).findFirst().orElseThrow();
        List<String> args = new ArrayList<>(Arrays.asList(printed.substring("Fit it: mmm ".length()).split(" ")));
        args.set(args.indexOf("geo-fit"), dir.resolve("geo-fit").toString());
        args.addAll(List.of("--chains", "1", "--warmup", "60", "--draws", "30", "--quiet"));
        Cli.Run fit = Cli.plain(args.toArray(String[]::new));
        assertThat(fit.exitCode()).as(fit.err()).isZero();
        assertThat(dir.resolve("geo-fit").resolve("geo.json")).exists();

        // --json says what was written, the geo count with it.
        Path again = dir.resolve("again.csv");
        Cli.Run asJson = Cli.plain("simulate", "--geos", "3", "--weeks", "40", "--channels", "2", "--controls", "1",
                "--seed", "5", "--out", again.toString(), "--json");
        assertThat(asJson.exitCode()).as(asJson.err()).isZero();
        JsonNode written = new ObjectMapper().readTree(asJson.out());
        assertThat(written.get("geos").asInt()).isEqualTo(3);
        assertThat(written.get("weeks").asInt()).isEqualTo(40);
        assertThat(written.get("truth").isNull()).isTrue();
        assertThat(Files.readString(again)).isEqualTo(Files.readString(csv));
    }

    @Test
    void geosRefuseASeasonalityOrderInOneLine() {
        Cli.Run run = Cli.plain("simulate", "--geos", "2", "--weeks", "30", "--channels", "1", "--yearly-seasonality", "2",
                "--seed", "1", "--out", dir.resolve("p.csv").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.errLines()).containsExactly("mmm: error: --yearly-seasonality is not taken with --geos"
                + " (the geo panel's seasonality has order 1), got 2");
        assertThat(dir.resolve("p.csv")).doesNotExist();
    }
}
