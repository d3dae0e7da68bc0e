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
        List<String> columns = data.columnNames();
        StringBuilder csv = new StringBuilder("date,geo," + String.join(",", columns) + "\n");
        LocalDate[] dates = data.dates();
        for (int g = 0; g < data.geoCount(); g++) {
            for (int t = 0; t < dates.length; t++) {
                if (dropOneRow && g == 1 && t == 5) {
                    continue;
                }
                csv.append(dates[t]).append(',').append(data.geos().get(g));
                for (String c : columns) {
                    csv.append(',').append(data.geo(g).column(c)[t]);
                }
                csv.append('\n');
            }
        }
        Path file = dir.resolve(dropOneRow ? "bad.csv" : "panel.csv");
        Files.writeString(file, csv);
        return file;
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

        Cli.Run asJson = Cli.plain("fit-geo", "--data", writePanel(data, false).toString(), "--geo", "geo",
                "--target", "y", "--channels", "ch1,ch2", "--chains", "1", "--warmup", "100", "--draws", "50",
                "--quiet", "--json", "--out", dir.resolve("fit-json").toString());
        assertThat(asJson.exitCode()).as(asJson.err()).isZero();
        JsonNode printed = new ObjectMapper().readTree(asJson.out());
        assertThat(printed.get("roas_national")).hasSize(2);
        assertThat(printed).isEqualTo(new ObjectMapper().readTree(dir.resolve("fit-json").resolve("geo.json").toFile()));
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
}
