package dev.mmm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mmm.core.analysis.Decomposition;
import dev.mmm.core.analysis.Interval;
import dev.mmm.core.analysis.Window;
import dev.mmm.core.geo.GeoAnalysis;
import dev.mmm.core.geo.GeoData;
import dev.mmm.core.geo.GeoFit;
import dev.mmm.core.geo.GeoSimulator;
import dev.mmm.core.geo.GeoSpec;
import dev.mmm.core.io.FitSummary;
import dev.mmm.core.io.SummaryJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands that take a fit folder, on a geo fit: 'mmm predict' predicts new periods nationally
 * and per geo (and names the column, geo or date of bad future data); 'mmm diagnose' reads its
 * draws; 'mmm scenario' evaluates a geo plan ('mmm refresh' of a geo fit: GeoRefreshCommandTest; 'mmm compare'
 * of geo fits: GeoCompareCommandTest); 'mmm summary' gives the national and per-geo ROAS, decomposition and fit of a window.
 */
class GeoFitCommandsTest {

    private static final int FITTED = 34;
    private static final int PERIODS = 40;

    @TempDir
    static Path dir;
    static Path fit;
    static GeoData panel;

    @BeforeAll
    static void fitTheFirstPeriodsOfASimulatedPanel() throws Exception {
        panel = GeoSimulator.simulate(3, PERIODS, 2, 1, true, 11).data();
        Path csv = GeoPanelCsv.write(dir.resolve("train.csv"), panel, 0, FITTED, panel.columnNames(), (g, t) -> true);
        fit = dir.resolve("geo-fit");
        Cli.Run run = Cli.plain("fit-geo", "--data", csv.toString(), "--geo", "geo", "--population", "population",
                "--target", "y", "--channels", "ch1,ch2", "--controls", "z1", "--chains", "2", "--warmup", "150",
                "--draws", "100", "--seed", "5", "--quiet", "--out", fit.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    private static Path future(String name, int from, List<String> columns) throws Exception {
        return GeoPanelCsv.write(dir.resolve(name), panel, from, PERIODS, columns, (g, t) -> true);
    }

    private static Cli.Run predict(Path data, String... more) {
        List<String> args = new ArrayList<>(List.of("predict", "--fit", fit.toString(), "--data", data.toString()));
        args.addAll(List.of(more));
        return Cli.plain(args.toArray(new String[0]));
    }

    @Test
    void predictGivesTheHeldOutPeriodsNationallyAndPerGeo() throws Exception {
        Cli.Run run = predict(future("future.csv", FITTED, panel.columnNames()), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        JsonNode national = json.get("periods");
        assertThat(national).hasSize(PERIODS - FITTED);
        assertThat(national.get(0).get("date").asText()).isEqualTo(panel.dates()[FITTED].toString());
        JsonNode geos = json.get("geos");
        assertThat(geos).hasSize(3);
        for (int t = 0; t < PERIODS - FITTED; t++) {
            double meanSum = 0.0;
            double observedSum = 0.0;
            for (int g = 0; g < 3; g++) {
                JsonNode geo = geos.get(g);
                assertThat(geo.get("geo").asText()).isEqualTo("Geo" + g);
                JsonNode period = geo.get("periods").get(t);
                assertThat(period.get("date").asText()).isEqualTo(panel.dates()[FITTED + t].toString());
                assertThat(period.get("observed").asDouble()).isEqualTo(panel.geo(g).column("y")[FITTED + t]);
                assertThat(period.get("predictive").get("q05").asDouble())
                        .isLessThan(period.get("predictive").get("q95").asDouble());
                meanSum += period.get("mean").get("mean").asDouble();
                observedSum += period.get("observed").asDouble();
            }
            // The national expected target is the geos' summed, draw by draw, so its mean is their means' sum.
            assertThat(national.get(t).get("mean").get("mean").asDouble()).isCloseTo(meanSum, within(1e-6 * Math.abs(meanSum)));
            assertThat(national.get(t).get("observed").asDouble()).isCloseTo(observedSum, within(1e-9 * Math.abs(observedSum)));
        }
        // Data simulated from the model: the held-out geo-periods fall inside their 90% predictive band mostly.
        double inside = 0;
        for (JsonNode geo : geos) {
            inside += geo.get("coverage90").asDouble();
        }
        assertThat(inside / 3).isGreaterThanOrEqualTo(0.6);

        // Without the target and the population: a plan, not a check; the same table shape per geo.
        Cli.Run table = predict(future("plan.csv", FITTED, List.of("ch1", "ch2", "z1")));
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("National (the 3 geos summed)").contains("Geo Geo2").contains("expected [90%]")
                .doesNotContain("Observed inside");
    }

    @Test
    void predictNamesTheColumnGeoOrDateOfBadFutureData() throws Exception {
        Cli.Run noColumn = predict(future("no-ch2.csv", FITTED, List.of("ch1", "z1")));
        assertOneLineError(noColumn, 1, "no-ch2.csv: column 'ch2' is missing; the fit needs ch1, ch2, z1");

        Path renamed = dir.resolve("geo9.csv");
        Files.writeString(renamed, Files.readString(future("geo9.csv", FITTED, panel.columnNames())).replace(",Geo2,", ",Geo9,"));
        assertOneLineError(predict(renamed), 1, "geo9.csv: geo 'Geo9' (column 'geo') is not a geo of the fit, whose geos are Geo0, Geo1, Geo2");

        Path twoGeos = GeoPanelCsv.write(dir.resolve("two-geos.csv"), panel, FITTED, PERIODS, panel.columnNames(),
                (g, t) -> g != 2);
        assertOneLineError(predict(twoGeos), 1, "two-geos.csv: no rows for geo 'Geo2'; every geo of the fit");

        Cli.Run gap = predict(future("late.csv", FITTED + 1, panel.columnNames()));
        assertOneLineError(gap, 1, "late.csv: the new periods start on " + panel.dates()[FITTED + 1]);
        assertThat(gap.err()).contains("whose next period is " + panel.dates()[FITTED]);

        Path moved = dir.resolve("population.csv");
        String text = Files.readString(future("population.csv", FITTED, List.of("ch1", "ch2", "z1", "population")));
        double pop = panel.geo(1).column("population")[0];
        Files.writeString(moved, text.replace("," + pop + "\n", "," + (pop + 1) + "\n"));
        assertOneLineError(predict(moved), 1, "population.csv: population column 'population', geo 'Geo1': "
                + (pop + 1) + " is not the fitted population " + pop);

        Path noGeo = dir.resolve("no-geo.csv");
        Files.writeString(noGeo, "date,ch1,ch2,z1\n" + panel.dates()[FITTED] + ",1,2,3\n");
        assertOneLineError(predict(noGeo), 1, "no-geo.csv: geo column 'geo' not found");
    }

    @Test
    void diagnoseReadsTheGeoFitsDrawsFromItsFolder() {
        Cli.Run run = Cli.plain("diagnose", fit.toString(), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("beta[ch1,Geo2]").contains("sigma[Geo0]");
        assertThat(Cli.plain("diagnose", fit.resolve("draws.csv").toString(), "--json").out()).isEqualTo(run.out());

        Cli.Run empty = Cli.plain("diagnose", dir.toString());
        assertOneLineError(empty, 1, "a folder without draws.csv");
    }

    @Test
    void scenarioOfAGeoPlanMatchesPredictAndComparesPairedOverDraws() throws Exception {
        // The held-out periods' spend, the controls at each geo's mean over the last 6 fitted periods
        // (what a plan holds them at): predict's national expected target, summed over the periods,
        // must be the scenario's expected target.
        int n = PERIODS - FITTED;
        StringBuilder future = new StringBuilder("date,geo,ch1,ch2,z1\n");
        StringBuilder zero = new StringBuilder("date,geo,ch1,ch2\n");
        for (int g = 0; g < 3; g++) {
            double[] z = panel.geo(g).column("z1");
            double mean = 0.0;
            for (int t = FITTED - n; t < FITTED; t++) {
                mean += z[t] / n;
            }
            for (int t = FITTED; t < PERIODS; t++) {
                String row = panel.dates()[t] + ",Geo" + g + "," + panel.geo(g).column("ch1")[t] + ","
                        + panel.geo(g).column("ch2")[t];
                future.append(row).append(',').append(mean).append('\n');
                zero.append(panel.dates()[t]).append(",Geo").append(g).append(",0,0\n");
            }
        }
        Path plan = dir.resolve("geo-plan.csv");
        Files.writeString(plan, future);
        Path nothing = dir.resolve("no-spend.csv");
        Files.writeString(nothing, zero);

        Cli.Run scenario = Cli.plain("scenario", "--fit", fit.toString(), "--plan", plan.toString(), "--against",
                nothing.toString(), "--json");
        assertThat(scenario.exitCode()).as(scenario.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(scenario.out());
        assertThat(json.get("periods").asInt()).isEqualTo(n);
        JsonNode spend = json.at("/plan/spend");
        assertThat(spend).hasSize(6);
        assertThat(spend.get(0).get("channel").asText()).isEqualTo("ch1");
        assertThat(spend.get(0).get("geo").asText()).isEqualTo("Geo0");
        assertThat(spend.get(5).get("per_period").get(2).asDouble()).isEqualTo(panel.geo(2).column("ch2")[FITTED + 2]);
        assertThat(json.at("/plan/channels").has("ch2[Geo1]")).isTrue();

        JsonNode predicted = new ObjectMapper().readTree(predict(plan, "--json").out()).get("periods");
        double sum = 0.0;
        for (JsonNode period : predicted) {
            sum += period.get("mean").get("mean").asDouble();
        }
        double perPeriod = json.at("/plan/expected_target/mean").asDouble();
        assertThat(perPeriod * n).isCloseTo(sum, within(1e-9 * Math.abs(sum)));
        JsonNode expected = json.at("/plan/expected_target");
        JsonNode withNoise = json.at("/plan/predicted_target");
        assertThat(withNoise.get("q95").asDouble() - withNoise.get("q05").asDouble())
                .isGreaterThan(expected.get("q95").asDouble() - expected.get("q05").asDouble());

        // Against spending nothing: the difference is the plan's whole incremental target, positive in every draw.
        double incremental = json.at("/plan/incremental/mean").asDouble();
        assertThat(incremental).isPositive();
        assertThat(json.at("/baseline/incremental/mean").asDouble()).isZero();
        assertThat(json.at("/difference/incremental/mean").asDouble()).isCloseTo(incremental, within(1e-9 * incremental));
        assertThat(json.at("/difference/probability_higher").asDouble()).isEqualTo(1.0);

        Cli.Run text = Cli.plain("scenario", "--fit", fit.toString(), "--plan", plan.toString());
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("plan " + plan + ": expected target per period");
    }

    @Test
    void scenarioNamesTheGeoColumnOrDateOfABadGeoPlan() throws Exception {
        Path renamed = dir.resolve("plan-geo9.csv");
        Files.writeString(renamed, Files.readString(future("plan-geo9.csv", FITTED, List.of("ch1", "ch2")))
                .replace(",Geo1,", ",Geo9,"));
        assertOneLineError(Cli.plain("scenario", "--fit", fit.toString(), "--plan", renamed.toString()), 1,
                "plan-geo9.csv: geo 'Geo9' (column 'geo') is not a geo of the fit");
        Path noCh2 = future("plan-no-ch2.csv", FITTED, List.of("ch1"));
        assertOneLineError(Cli.plain("scenario", "--fit", fit.toString(), "--plan", noCh2.toString()), 1,
                "plan-no-ch2.csv: column 'ch2' not found");
        Path late = future("plan-late.csv", FITTED + 2, List.of("ch1", "ch2"));
        assertOneLineError(Cli.plain("scenario", "--fit", fit.toString(), "--plan", late.toString()), 1,
                "plan-late.csv: the plan starts on " + panel.dates()[FITTED + 2] + "; it must continue the fitted data,"
                        + " whose next period is " + panel.dates()[FITTED]);
        Path shorter = future("plan-short.csv", FITTED + 2, List.of("ch1", "ch2"));
        Path full = future("plan-full.csv", FITTED, List.of("ch1", "ch2"));
        assertOneLineError(Cli.plain("scenario", "--fit", fit.toString(), "--plan", full.toString(), "--against",
                shorter.toString()), 1, "plan-short.csv: covers other periods than " + full);
    }

    @Test
    void summaryJsonOfAWindowIsWhatGeoAnalysisGivesForThatWindow() throws Exception {
        LocalDate first = panel.dates()[10];
        LocalDate last = panel.dates()[29];
        Cli.Run run = Cli.plain("summary", "--fit", fit.toString(), "--from", first.toString(), "--to", last.toString(),
                "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("target").asText()).isEqualTo("y");
        assertThat(json.get("from").asText()).isEqualTo(first.toString());
        assertThat(json.get("to").asText()).isEqualTo(last.toString());
        assertThat(json.get("periods").asInt()).isEqualTo(20);

        GeoFit loaded = GeoFit.load(fit);
        GeoAnalysis analysis = loaded.analysis();
        Window window = analysis.between(first, last);
        assertThat(window.from()).isEqualTo(10);
        GeoAnalysis.Roas roas = analysis.roas(window);
        GeoAnalysis.GeoDecomposition dec = analysis.decomposition(window, false);
        List<GeoAnalysis.GeoFitSummary> fits = analysis.geoFits(window);
        // The window's ROAS is not the whole fit's: the window really is used.
        assertThat(roas.of("ch1", null).spend()).isNotEqualTo(analysis.roas().of("ch1", null).spend());

        JsonNode national = json.get("national");
        assertThat(national.get("roas")).hasSize(2);
        for (int c = 0; c < 2; c++) {
            assertRoasRow(national.get("roas").get(c), roas.national().get(c));
        }
        assertDecomposition(national.get("decomposition"), dec.national());
        JsonNode perGeo = json.get("per_geo");
        assertThat(perGeo).hasSize(3);
        for (int g = 0; g < 3; g++) {
            String geo = "Geo" + g;
            JsonNode block = perGeo.get(g);
            assertThat(block.get("geo").asText()).isEqualTo(geo);
            for (int c = 0; c < 2; c++) {
                assertRoasRow(block.get("roas").get(c), roas.of("ch" + (c + 1), geo));
            }
            assertDecomposition(block.get("decomposition"), dec.of(geo));
            JsonNode f = block.get("fit");
            assertThat(f.get("observed_total").asDouble()).isEqualTo(fits.get(g).observedTotal());
            assertInterval(f.get("predicted_total"), fits.get(g).predictedTotal());
            assertThat(f.get("r_squared").asDouble()).isEqualTo(fits.get(g).rSquared());
            double observed = 0.0;
            for (int t = 10; t < 30; t++) {
                observed += panel.geo(g).column("y")[t];
            }
            assertThat(fits.get(g).observedTotal()).isCloseTo(observed, within(1e-9 * observed));
            // Simulated from the model: the predicted total of the window is close to the observed one.
            assertThat(fits.get(g).predictedTotal().mean()).isCloseTo(observed, within(0.1 * observed));
        }

        // The sampler's diagnostics are summary.json's.
        FitSummary summary = SummaryJson.read(fit.resolve("summary.json"));
        JsonNode sampler = json.get("sampler");
        assertThat(sampler.get("chains").asInt()).isEqualTo(2);
        assertThat(sampler.get("draws").asInt()).isEqualTo(100);
        assertThat(sampler.get("divergences").asLong()).isEqualTo(summary.divergences());
        double maxRhat = summary.parameters().stream().mapToDouble(FitSummary.Parameter::rhat).filter(Double::isFinite).max().orElseThrow();
        assertThat(sampler.at("/max_rhat/value").asDouble()).isEqualTo(maxRhat);
        assertThat(summary.parameter(sampler.at("/max_rhat/parameter").asText()).rhat()).isEqualTo(maxRhat);
        double minEss = summary.parameters().stream().mapToDouble(FitSummary.Parameter::essBulk).filter(Double::isFinite).min().orElseThrow();
        assertThat(sampler.at("/min_ess_bulk/value").asDouble()).isEqualTo(minEss);
        assertThat(sampler.get("warnings")).hasSize(summary.warnings().size());
    }

    @Test
    void summaryTableOfAGeoFitAndABadWindow() {
        Cli.Run run = Cli.plain("summary", "--fit", fit.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        GeoAnalysis.ChannelRoas ch2 = analysisOfTheFit().roas().of("ch2", "Geo1");
        assertThat(run.out()).contains("Geo fit of 3 geos; window " + panel.dates()[0] + " to " + panel.dates()[FITTED - 1]
                        + " (" + FITTED + " periods)")
                .contains("2 chains x (150 warm-up + 100 draws)").contains("largest R-hat")
                .contains("National (the geos summed)").contains("National decomposition").contains("intercept")
                .contains("Per geo: ROAS").contains("Per geo: fit")
                .containsPattern("Geo1 +ch2 +" + java.util.regex.Pattern.quote(Tables.num(ch2.spend())) + " +"
                        + java.util.regex.Pattern.quote(SummaryCommand.text(ch2.roas())));
        Cli.Run outside = Cli.plain("summary", "--fit", fit.toString(), "--from", "1990-01-01", "--to", "1990-02-01");
        assertOneLineError(outside, 1, "no data rows between 1990-01-01 and 1990-02-01; the data runs from "
                + panel.dates()[0]);
        Cli.Run reversed = Cli.plain("summary", "--fit", fit.toString(), "--from", panel.dates()[20].toString(), "--to",
                panel.dates()[10].toString(), "--json");
        assertOneLineError(reversed, 1, "no data rows between " + panel.dates()[20] + " and " + panel.dates()[10]);
    }

    private static GeoAnalysis analysisOfTheFit() {
        try {
            return GeoFit.load(fit).analysis();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertRoasRow(JsonNode row, GeoAnalysis.ChannelRoas expected) {
        assertThat(row.get("channel").asText()).isEqualTo(expected.channel());
        assertThat(row.get("spend").asDouble()).isEqualTo(expected.spend());
        assertInterval(row.get("incremental"), expected.incremental());
        assertInterval(row.get("roas"), expected.roas());
        assertInterval(row.get("mroas"), expected.mroas());
    }

    private static void assertDecomposition(JsonNode node, Decomposition expected) {
        assertInterval(node.get("prediction"), expected.prediction().total());
        assertInterval(node.at("/media/share"), expected.media().share());
        assertInterval(node.at("/baseline/total"), expected.baseline().total());
        assertThat(node.get("parts")).hasSize(expected.parts().size());
        for (int k = 0; k < expected.parts().size(); k++) {
            JsonNode part = node.get("parts").get(k);
            assertThat(part.get("name").asText()).isEqualTo(expected.parts().get(k).name());
            assertInterval(part.get("total"), expected.parts().get(k).total());
            assertInterval(part.get("share"), expected.parts().get(k).share());
        }
    }

    private static void assertInterval(JsonNode node, Interval expected) {
        assertThat(node.get("mean").asDouble()).isEqualTo(expected.mean());
        assertThat(node.get("q05").asDouble()).isEqualTo(expected.q05());
        assertThat(node.get("q50").asDouble()).isEqualTo(expected.q50());
        assertThat(node.get("q95").asDouble()).isEqualTo(expected.q95());
    }

    @Test
    void theProvenanceSpecIsAGeoSpecThatFitGeoReads() throws Exception {
        JsonNode spec = new ObjectMapper().readTree(fit.resolve("posterior.json").toFile()).at("/provenance/spec");
        assertThat(GeoSpec.fromJson(spec.toString()).geoColumn()).isEqualTo("geo");
    }

    private static void assertOneLineError(Cli.Run run, int exitCode, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(exitCode);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("mmm: error: ").contains(message);
    }
}
