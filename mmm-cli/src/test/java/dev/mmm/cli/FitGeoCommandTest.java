package dev.mmm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mmm.core.geo.GeoData;
import dev.mmm.core.geo.GeoSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mmm fit-geo} on a small simulated panel: the contract files with per-geo names, and its data errors. */
class FitGeoCommandTest {

    @TempDir
    Path dir;

    private Path writePanel(GeoData data, boolean dropOneRow) throws Exception {
        return GeoPanelCsv.write(dir.resolve(dropOneRow ? "bad.csv" : "panel.csv"), data, 0, data.periods(),
                data.columnNames(), (g, t) -> !(dropOneRow && g == 1 && t == 5));
    }

    @Test
    void aSmallGeoFitWritesSummaryDrawsAndGeoJson() throws Exception {
        GeoData data = GeoSimulator.simulate(3, 40, 2, 1, true, 4).data();
        Path out = dir.resolve("fit");
        Cli.Run run = Cli.plain("fit-geo", "--data", writePanel(data, false).toString(), "--geo", "geo",
                "--population", "population", "--target", "y", "--channels", "ch1,ch2", "--controls", "z1",
                "--yearly-seasonality", "1", "--chains", "2", "--warmup", "150", "--draws", "150", "--seed", "3",
                "--quiet", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("3 geos x 40 periods").contains("ch1").contains("ROAS");
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        List<String> names = new ArrayList<>();
        summary.get("parameters").forEach(p -> names.add(p.get("name").asText()));
        assertThat(names).contains("intercept[Geo0]", "sigma[Geo2]", "gamma[z1,Geo1]", "alpha[ch1]", "beta_mu[ch2]",
                "beta_dev[ch2,Geo1]", "beta[ch1,Geo2]");
        assertThat(names.get(names.size() - 1)).isEqualTo("beta[ch2,Geo2]");
        assertThat(Files.readAllLines(out.resolve("draws.csv")).get(0)).startsWith("chain,draw,").contains("beta[ch1,Geo0]");
        JsonNode geo = new ObjectMapper().readTree(out.resolve("geo.json").toFile());
        assertThat(geo.get("roas_national")).hasSize(2);
        assertThat(geo.get("roas_per_geo")).hasSize(6);
        assertThat(geo.get("roas_per_geo").get(0).get("roas").get("mean").asDouble()).isPositive();
        assertThat(geo.get("geo_fit")).hasSize(3);
        // Geo fits keep their own sampler defaults (GeoFit.defaultSettings), not the national model's.
        JsonNode settings = new ObjectMapper().readTree(out.resolve("posterior.json").toFile()).at("/provenance/sampler_settings");
        assertThat(settings.get("target_acceptance").asText()).isEqualTo("0.8");
        assertThat(settings.get("initial_metric").asText()).isEqualTo("UNIT");

        Cli.Run asJson = Cli.plain("fit-geo", "--data", writePanel(data, false).toString(), "--geo", "geo",
                "--target", "y", "--channels", "ch1,ch2", "--chains", "1", "--warmup", "100", "--draws", "50",
                "--adapt-delta", "0.95", "--quiet", "--json", "--out", dir.resolve("fit-json").toString());
        assertThat(asJson.exitCode()).as(asJson.err()).isZero();
        assertThat(new ObjectMapper().readTree(dir.resolve("fit-json").resolve("posterior.json").toFile())
                .at("/provenance/sampler_settings/target_acceptance").asText()).isEqualTo("0.95");
        JsonNode printed = new ObjectMapper().readTree(asJson.out());
        assertThat(printed.get("roas_national")).hasSize(2);
        assertThat(printed).isEqualTo(new ObjectMapper().readTree(dir.resolve("fit-json").resolve("geo.json").toFile()));
    }

    @Test
    void aSpecsLiftTestsCalibrateTheFitAndABadOneIsOneLine() throws Exception {
        GeoData data = GeoSimulator.simulate(2, 30, 1, 0, true, 7).data();
        LocalDate[] dates = data.dates();
        String panel = writePanel(data, false).toString();
        java.util.function.Function<String, Path> spec = geo -> {
            Path file = dir.resolve("spec-" + geo + ".json");
            try {
                Files.writeString(file, "{\"date\": \"date\", \"target\": \"y\", \"channels\": [\"ch1\"], "
                        + "\"geo\": {\"column\": \"geo\", \"population\": \"population\", \"lift_tests\": [{\"geo\": \""
                        + geo + "\", \"channel\": \"ch1\", \"start\": \"" + dates[4] + "\", \"end\": \"" + dates[9]
                        + "\", \"delta_spend\": 100, \"lift\": 400, \"se\": 80}]}}");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return file;
        };
        Path out = dir.resolve("spec-fit");
        Cli.Run run = Cli.plain("fit-geo", "--data", panel, "--spec", spec.apply("Geo1").toString(), "--chains", "1",
                "--warmup", "80", "--draws", "30", "--seed", "2", "--quiet", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode lifts = new ObjectMapper().readTree(out.resolve("geo.json").toFile()).get("lift_tests");
        assertThat(lifts).hasSize(1);
        assertThat(lifts.get(0).get("geo").asText()).isEqualTo("Geo1");
        assertThat(lifts.get(0).get("delta_spend").asDouble()).isEqualTo(100.0);

        Cli.Run bad = Cli.plain("fit-geo", "--data", panel, "--spec", spec.apply("Geo9").toString(), "--out",
                dir.resolve("never").toString());
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.errLines()).hasSize(1);
        assertThat(bad.err()).contains("geo.lift_tests[0].geo: 'Geo9' is not a geo of the data; the geos are Geo0, Geo1");
        assertThat(dir.resolve("never")).doesNotExist();
    }

    @Test
    void aGeoMissingADateIsOneLineNamingTheGeoAndTheDate() throws Exception {
        GeoData data = GeoSimulator.simulate(3, 10, 1, 0, false, 4).data();
        Cli.Run run = Cli.plain("fit-geo", "--data", writePanel(data, true).toString(), "--geo", "geo", "--target", "y",
                "--channels", "ch1", "--out", dir.resolve("never").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("geo 'Geo1' has no row for date " + data.dates()[5]);
    }

    @Test
    void fitWithGeoRoutesToTheGeoFitAndOptimizeAllocatesAcrossGeoAndChannel() throws Exception {
        GeoData data = GeoSimulator.simulate(2, 30, 2, 0, true, 7).data();
        Path out = dir.resolve("geo-fit");
        LocalDate[] dates = data.dates();
        Path lifts = dir.resolve("lifts.csv");
        Files.writeString(lifts, "geo,channel,start,end,delta_spend,lift,se\nGeo1,ch1," + dates[4] + "," + dates[9]
                + ",100,400,80\n");
        Cli.Run run = Cli.plain("fit", "--data", writePanel(data, false).toString(), "--geo", "geo",
                "--population", "population", "--target", "y", "--channels", "ch1,ch2", "--chains", "1",
                "--warmup", "80", "--draws", "30", "--seed", "2", "--quiet", "--lift-tests", lifts.toString(),
                "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("2 geos x 30 periods");
        JsonNode geoJson = new ObjectMapper().readTree(out.resolve("geo.json").toFile());
        assertThat(geoJson.get("lift_tests")).hasSize(1);
        assertThat(geoJson.get("lift_tests").get(0).get("geo").asText()).isEqualTo("Geo1");
        assertThat(geoJson.get("lift_tests").get(0).get("model_lift").get("mean").asDouble()).isPositive();
        assertThat(geoJson.get("roas_per_geo").get(0).get("mroas").get("mean").asDouble()).isPositive();
        assertThat(geoJson.get("response_curves")).hasSize(2 + 4);

        Files.writeString(lifts, "geo,channel,start,end,delta_spend,lift,se\nGeo9,ch1," + dates[4] + "," + dates[9]
                + ",100,400,80\n");
        Cli.Run badLift = Cli.plain("fit-geo", "--data", writePanel(data, false).toString(), "--geo", "geo",
                "--target", "y", "--channels", "ch1,ch2", "--lift-tests", lifts.toString(), "--out",
                dir.resolve("never").toString());
        assertThat(badLift.exitCode()).isEqualTo(1);
        assertThat(badLift.errLines()).hasSize(1);
        assertThat(badLift.err()).contains("geo.lift_tests[0].geo: 'Geo9' is not a geo of the data");
        assertThat(out.resolve("data.csv")).exists();

        double budget = 4 * 2000.0;
        Cli.Run opt = Cli.plain("optimize", "--fit", out.toString(), "--budget", String.valueOf(budget), "--periods", "4",
                "--bounds", "ch1=0.5x:1.5x,ch2[Geo1]=300:", "--json");
        assertThat(opt.exitCode()).as(opt.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(opt.out());
        JsonNode allocation = json.get("allocation");
        assertThat(allocation).hasSize(4);
        double total = 0.0;
        for (JsonNode a : allocation) {
            assertThat(a.get("geo").asText()).isIn("Geo0", "Geo1");
            total += a.get("optimal").asDouble();
            assertThat(a.get("optimal").asDouble()).isGreaterThanOrEqualTo(a.get("lower").asDouble() - 0.01 / 4);
        }
        assertThat(total * 4).isCloseTo(budget, org.assertj.core.api.Assertions.within(0.01));
        assertThat(allocation.get(3).get("channel").asText()).isEqualTo("ch2");
        assertThat(allocation.get(3).get("lower").asDouble()).isEqualTo(300.0 / 4);

        Cli.Run table = Cli.plain("optimize", "--fit", out.toString(), "--budget", String.valueOf(budget), "--periods", "4");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("geo").contains("Geo1");

        Path html = dir.resolve("geo-report.html");
        Cli.Run report = Cli.plain("report", "--fit", out.toString(), "--out", html.toString());
        assertThat(report.exitCode()).as(report.err()).isZero();
        String page = Files.readString(html);
        assertThat(page).contains("<section id=\"geo\">").contains("<section id=\"roas\">")
                .contains("data-chart=\"geo-roas\"").contains("<td>Geo1</td><td>ch2</td>");
        // The national decomposition section and each geo's row of totals and shares.
        assertThat(page).contains("<section id=\"decomposition\">").contains("<th class=\"num\">intercept</th>")
                .containsPattern("<tr><td>Geo1</td><td class=\"num\">[^<]+ \\([0-9.]+%\\)</td>");

        Cli.Run bad = Cli.plain("fit", "--data", writePanel(data, false).toString(), "--population", "population",
                "--target", "y", "--channels", "ch1", "--out", dir.resolve("never").toString());
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.err()).contains("--population needs --geo");
    }
}
