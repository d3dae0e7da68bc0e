package dev.mmm.core.geo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mmm.core.analysis.Interval;
import dev.mmm.core.io.Draws;
import dev.mmm.core.io.DrawsCsv;
import dev.mmm.core.io.FitSummary;
import dev.mmm.core.io.SummaryJson;
import dev.mmm.sampler.CancellationToken;
import dev.mmm.sampler.Phase;
import dev.mmm.sampler.SamplerSettings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A geo fit cancelled through its token, as Ctrl-C cancels {@code mmm fit-geo}: it keeps the
 * draws finished so far, marked incomplete, and its folder is written from them (summary.json
 * with "complete": false, geo.json's analysis over the kept draws), as a national fit's is.
 */
class GeoCancellationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static final GeoSimulator.GeoSimulation SIM = GeoSimulator.simulate(2, 20, 1, 1, true, 6);

    private static SamplerSettings settings() {
        return SamplerSettings.builder().chains(2).warmup(60).draws(100).seed(4).threads(1).build();
    }

    @Test
    void cancelledDuringSamplingKeepsTheDrawsSoFarAndWritesTheFolderFromThem() throws Exception {
        CancellationToken token = new CancellationToken();
        GeoFit fit = GeoFit.fit(SIM.spec(), SIM.data(), settings(), (chain, iteration, phase, div) -> {
            if (chain == 0 && phase == Phase.SAMPLING && iteration == 30) {
                token.cancel();
            }
        }, token);

        assertThat(fit.complete()).isFalse();
        // One thread: chain 0 stops after its 30th draw, chain 1 before its first iteration.
        assertThat(fit.posterior().drawsPerChain()).containsExactly(30, 0);

        Path out = dir.resolve("fit");
        FitSummary written = fit.write(out, List.of());
        FitSummary summary = SummaryJson.read(out.resolve("summary.json"));
        assertThat(written.complete()).isFalse();
        assertThat(summary.complete()).isFalse();
        assertThat(summary.draws()).isEqualTo(100);
        assertThat(summary.drawsCompleted()).containsExactly(30, 0);
        assertThat(summary.summaryChains()).containsExactly(1);
        Draws draws = DrawsCsv.read(out.resolve("draws.csv"));
        // draws.csv has the rows of chain 1 only: chain 2 has none.
        assertThat(draws.chains()).isEqualTo(1);
        assertThat(draws.values()[0].length).isEqualTo(30);
        // The mean in summary.json is the mean of the 30 kept draws of that output.
        double[] beta = fit.posterior().column("beta[ch1,Geo1]");
        assertThat(beta).hasSize(30);
        double mean = java.util.Arrays.stream(beta).average().orElseThrow();
        assertThat(summary.parameters().stream().filter(p -> p.name().equals("beta[ch1,Geo1]")).findFirst()
                .orElseThrow().mean()).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-12 * (1 + Math.abs(mean))));

        // geo.json is the analysis of the kept draws: the folder loads back and gives the same ROAS.
        assertThat(GeoFit.isGeoFit(out)).isTrue();
        GeoFit loaded = GeoFit.load(out);
        assertThat(loaded.complete()).isFalse();
        assertThat(loaded.posterior().drawsPerChain()).containsExactly(30, 0);
        Interval roas = loaded.analysis().roas().of("ch1", "Geo1").roas();
        assertThat(roas.mean()).isFinite();
        JsonNode geo = JSON.readTree(out.resolve(GeoFit.GEO_FILE).toFile());
        JsonNode row = null;
        for (JsonNode r : geo.get("roas_per_geo")) {
            if (r.get("channel").asText().equals("ch1") && r.get("geo").asText().equals("Geo1")) {
                row = r;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.get("roas").get("mean").asDouble()).isEqualTo(roas.mean());
        assertThat(row.get("roas").get("q05").asDouble()).isEqualTo(roas.q05());
    }

    @Test
    void cancelledDuringWarmupWritesAFolderWithoutDrawsAndAnAnalysisOfNothing() throws Exception {
        CancellationToken token = new CancellationToken();
        GeoFit fit = GeoFit.fit(SIM.spec(), SIM.data(), settings(), (chain, iteration, phase, div) -> {
            if (phase == Phase.WARMUP && iteration == 10) {
                token.cancel();
            }
        }, token);

        assertThat(fit.complete()).isFalse();
        assertThat(fit.posterior().drawCount()).isZero();
        Path out = dir.resolve("fit");
        FitSummary summary = fit.write(out, List.of());
        assertThat(summary.complete()).isFalse();
        assertThat(summary.drawsCompleted()).containsExactly(0, 0);
        assertThat(summary.summaryChains()).isEmpty();
        assertThat(summary.parameters()).allSatisfy(p -> assertThat(p.mean()).isNaN());
        // Still a geo fit folder (geo.json is its mark), its numbers undefined (null) without draws.
        JsonNode geo = JSON.readTree(out.resolve(GeoFit.GEO_FILE).toFile());
        assertThat(geo.get("geos")).hasSize(2);
        assertThat(geo.get("roas_national").get(0).get("roas").get("mean").isNull()).isTrue();
        assertThat(GeoFit.load(out).posterior().drawCount()).isZero();
    }
}
