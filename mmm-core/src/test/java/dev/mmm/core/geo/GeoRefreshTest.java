package dev.mmm.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mmm.core.analysis.Decomposition;
import dev.mmm.core.analysis.Interval;
import dev.mmm.core.analysis.Window;
import dev.mmm.core.data.DataException;
import dev.mmm.core.data.Dataset;
import dev.mmm.core.posterior.Posterior;
import dev.mmm.sampler.SamplerSettings;
import dev.mmm.sampler.diagnostics.ParameterSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A geo fit on the first 44 of 52 simulated weeks, refreshed with all 52 and a third of the
 * warm-up: a valid geo fit that agrees with a cold fit on all 52 weeks, and its drift report.
 */
class GeoRefreshTest {

    private static final int PERIODS = 52;
    private static final int NEW_PERIODS = 8;
    private static final SamplerSettings COLD = GeoFit.defaultSettings().toBuilder().chains(2).warmup(150).draws(150)
            .seed(3).build();
    private static final int REFRESH_WARMUP = 50;

    private static GeoSimulator.GeoSimulation sim;
    private static GeoFit old;
    private static GeoFit cold;
    private static GeoFit refreshed;

    @TempDir
    Path dir;

    @BeforeAll
    static void fit() {
        sim = GeoSimulator.simulate(3, PERIODS, 2, 1, true, 41);
        old = GeoFit.fit(sim.spec(), firstPeriods(sim.data(), PERIODS - NEW_PERIODS), COLD);
        cold = GeoFit.fit(sim.spec(), sim.data(), COLD.toBuilder().seed(4).build());
        SamplerSettings warm = GeoRefresh.settings(old, 2, REFRESH_WARMUP, COLD.draws(), 4);
        GeoData panel = GeoRefresh.checkPanel("all.csv", old.model().data(), sim.data());
        refreshed = GeoRefresh.refit(old, panel, warm, null, null);
    }

    /** The panel's first {@code periods} periods. */
    static GeoData firstPeriods(GeoData data, int periods) {
        List<Dataset> perGeo = new ArrayList<>();
        for (int g = 0; g < data.geoCount(); g++) {
            perGeo.add(data.geo(g).slice(0, periods));
        }
        return GeoData.of(data.geoColumn(), data.geos(), perGeo);
    }

    /** Gradients spent in warm-up: all of the run's less one per leapfrog step of the kept draws. */
    private static long warmupGradients(GeoFit fit) {
        double kept = 0;
        for (double n : fit.posterior().samplerColumn("n_leapfrog__")) {
            kept += n;
        }
        return fit.posterior().run().gradientEvaluations() - (long) kept;
    }

    private static double sd(Interval i) {
        return (i.q95() - i.q05()) / (2 * 1.6449);
    }

    @Test
    void theRefreshAgreesWithAColdFitOnAllPeriodsAndSpendsFewerWarmupGradients() {
        assertThat(refreshed.model().periods()).isEqualTo(PERIODS);
        assertThat(refreshed.model().parameterNames()).isEqualTo(cold.model().parameterNames());
        assertThat(refreshed.posterior().run().warmup()).isEqualTo(REFRESH_WARMUP);
        double worstRhat = 0;
        for (ParameterSummary p : refreshed.summary().subList(0, refreshed.model().parameterNames().size())) {
            worstRhat = Math.max(worstRhat, p.rhat());
        }
        GeoAnalysis.Roas truth = new GeoAnalysis(sim.truthModel(), GeoPosteriors.single(sim.truthModel(), sim.truth()))
                .roas();
        GeoAnalysis.Roas warmRoas = refreshed.analysis().roas();
        GeoAnalysis.Roas coldRoas = cold.analysis().roas();
        int covered = 0;
        for (GeoAnalysis.ChannelRoas t : truth.national()) {
            Interval w = warmRoas.of(t.channel(), null).roas();
            Interval c = coldRoas.of(t.channel(), null).roas();
            double combined = Math.hypot(sd(w), sd(c));
            System.out.printf(Locale.ROOT, "%s ROAS: truth %.4f, refresh %.4f [%.4f, %.4f], cold %.4f [%.4f, %.4f]%n",
                    t.channel(), t.roas().mean(), w.mean(), w.q05(), w.q95(), c.mean(), c.q05(), c.q95());
            assertThat(Math.abs(w.mean() - c.mean())).as(t.channel() + ": |refresh - cold| national ROAS")
                    .isLessThan(3 * combined);
            covered += w.covers(t.roas().mean()) ? 1 : 0;
        }
        long warmGradients = warmupGradients(refreshed);
        long coldGradients = warmupGradients(cold);
        System.out.printf(Locale.ROOT, "warm-up gradients: refresh %d (%d iterations), cold %d (%d); all gradients"
                        + " %d vs %d; max R-hat of the refresh %.4f; divergences %d vs %d%n", warmGradients,
                REFRESH_WARMUP, coldGradients, COLD.warmup(), refreshed.posterior().run().gradientEvaluations(),
                cold.posterior().run().gradientEvaluations(), worstRhat, refreshed.posterior().divergences(),
                cold.posterior().divergences());
        assertThat(covered).as("channels whose refreshed 90% interval covers the true national ROAS")
                .isGreaterThanOrEqualTo(1);
        assertThat(worstRhat).as("max R-hat of the refresh").isLessThan(1.1);
        assertThat(warmGradients).as("warm-up gradients of the refresh vs a cold fit").isLessThan(coldGradients);
    }

    @Test
    void theRefreshedFitIsAGeoFitFolderAndItsDriftIsGeoAnalysisOfBothFits() throws Exception {
        Path out = dir.resolve("new");
        refreshed.write(out, List.of());
        GeoFit loaded = GeoFit.load(out);
        assertThat(loaded.model().periods()).isEqualTo(PERIODS);
        assertThat(loaded.posterior().adaptation()).hasSize(2);
        assertThat(loaded.posterior().column("beta[ch1,Geo2]")).containsExactly(refreshed.posterior().column("beta[ch1,Geo2]"));

        GeoRefresh.Drift drift = GeoRefresh.drift(old, refreshed);
        JsonNode json = GeoJson.MAPPER.readTree(GeoRefresh.driftJson(drift));
        LocalDate[] oldDates = old.model().dates();
        assertThat(json.path("from").asText()).isEqualTo(oldDates[0].toString());
        assertThat(json.path("to").asText()).isEqualTo(oldDates[oldDates.length - 1].toString());
        assertThat(json.path("old_periods").asInt()).isEqualTo(PERIODS - NEW_PERIODS);
        assertThat(json.path("new_periods").asInt()).isEqualTo(PERIODS);

        GeoAnalysis before = old.analysis();
        GeoAnalysis after = refreshed.analysis();
        Window sameRows = after.between(oldDates[0], oldDates[oldDates.length - 1]);
        assertThat(sameRows.rows()).isEqualTo(PERIODS - NEW_PERIODS);
        GeoAnalysis.Roas oldRoas = before.roas();
        GeoAnalysis.Roas newRoas = after.roas(sameRows);
        Decomposition oldParts = before.decomposition(before.all(), false).national();
        Decomposition newParts = after.decomposition(sameRows, false).national();
        List<String> moved = new ArrayList<>();
        JsonNode channels = json.path("channels");
        assertThat(channels).hasSize(2);
        for (JsonNode c : channels) {
            String ch = c.path("channel").asText();
            assertEqual(c.path("old_roas"), oldRoas.of(ch, null).roas());
            assertEqual(c.path("new_roas"), newRoas.of(ch, null).roas());
            assertEqual(c.path("old_contribution"), oldParts.part(ch).total());
            assertEqual(c.path("new_contribution"), newParts.part(ch).total());
            boolean outside = !oldRoas.of(ch, null).roas().covers(newRoas.of(ch, null).roas().mean())
                    || !oldParts.part(ch).total().covers(newParts.part(ch).total().mean());
            assertThat(c.path("moved").asBoolean()).as(ch + " moved").isEqualTo(outside);
            if (outside) {
                moved.add(ch);
            }
        }
        List<String> listed = new ArrayList<>();
        json.path("moved").forEach(m -> listed.add(m.asText()));
        assertThat(listed).isEqualTo(moved);
        JsonNode perGeo = json.path("roas_per_geo");
        assertThat(perGeo).hasSize(3 * 2);
        for (JsonNode r : perGeo) {
            String ch = r.path("channel").asText();
            String geo = r.path("geo").asText();
            assertEqual(r.path("old_roas"), oldRoas.of(ch, geo).roas());
            assertEqual(r.path("new_roas"), newRoas.of(ch, geo).roas());
        }
    }

    private static void assertEqual(JsonNode node, Interval want) {
        assertThat(node.path("mean").asDouble()).isEqualTo(want.mean());
        assertThat(node.path("q05").asDouble()).isEqualTo(want.q05());
        assertThat(node.path("q95").asDouble()).isEqualTo(want.q95());
    }

    @Test
    void aPanelWithoutAnOldGeoOrWithAChangedOldValueIsRefusedInOneLine() {
        GeoData oldPanel = old.model().data();
        GeoData all = sim.data();
        GeoData withoutGeo1 = GeoData.of("geo", List.of("Geo0", "Geo2"), List.of(all.geo(0), all.geo(2)));
        assertThatThrownBy(() -> GeoRefresh.checkPanel("all.csv", oldPanel, withoutGeo1))
                .isInstanceOf(DataException.class).hasMessageStartingWith("all.csv: no rows for geo 'Geo1'")
                .hasMessageNotContaining("\n");

        LinkedHashMap<String, double[]> columns = new LinkedHashMap<>();
        for (String c : all.geo(1).columnNames()) {
            columns.put(c, all.geo(1).column(c).clone());
        }
        columns.get("ch2")[10] += 1.0;
        GeoData changed = GeoData.of("geo", all.geos(),
                List.of(all.geo(0), Dataset.of("date", all.dates(), columns), all.geo(2)));
        assertThatThrownBy(() -> GeoRefresh.checkPanel("all.csv", oldPanel, changed))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith("all.csv: geo 'Geo1', date " + all.dates()[10] + ", column 'ch2': ")
                .hasMessageNotContaining("\n");

        assertThatThrownBy(() -> GeoRefresh.checkPanel("all.csv", oldPanel, oldPanel))
                .isInstanceOf(DataException.class).hasMessageContaining("no more than the old fit's 44");

        List<Dataset> shifted = new ArrayList<>();
        for (int g = 0; g < all.geoCount(); g++) {
            shifted.add(all.geo(g).slice(1, PERIODS));
        }
        assertThatThrownBy(() -> GeoRefresh.checkPanel("all.csv", firstPeriods(all, 20),
                GeoData.of("geo", all.geos(), shifted)))
                .isInstanceOf(DataException.class).hasMessageStartingWith("all.csv: period 1 is " + all.dates()[1]);

        // Geos in another order are put back in the old fit's order.
        GeoData reordered = GeoData.of("geo", List.of("Geo2", "Geo0", "Geo1"), List.of(all.geo(2), all.geo(0), all.geo(1)));
        assertThat(GeoRefresh.checkPanel("all.csv", oldPanel, reordered).geos()).isEqualTo(all.geos());
    }

    @Test
    void anOldFolderWithoutAdaptedStateIsRefusedInOneLine() throws Exception {
        Path folder = dir.resolve("old");
        old.write(folder, List.of());
        Path meta = folder.resolve("posterior.json");
        JsonNode root = GeoJson.MAPPER.readTree(meta.toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) root).putArray("adaptation");
        Files.writeString(meta, GeoJson.MAPPER.writeValueAsString(root));
        GeoFit withoutState = GeoFit.load(folder);
        Posterior p = withoutState.posterior();
        assertThat(p.adaptation()).isEmpty();
        assertThatThrownBy(() -> GeoRefresh.warmStart(withoutState, cold.model(), 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$.adaptation")
                .hasMessageNotContaining("\n");
    }
}
