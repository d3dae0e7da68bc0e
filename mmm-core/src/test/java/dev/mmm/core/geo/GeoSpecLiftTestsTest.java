package dev.mmm.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mmm.core.calibration.LiftLikelihood;
import dev.mmm.core.calibration.LiftTest;
import dev.mmm.core.geo.GeoSimulator.GeoSimulation;
import dev.mmm.core.model.SpecException;
import dev.mmm.sampler.SamplerSettings;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lift tests run in geos given in the geo spec's JSON ({@code geo.lift_tests}). */
class GeoSpecLiftTestsTest {

    private static final GeoSimulation SIM = GeoSimulator.simulate(3, 30, 2, 0, true, 4);

    @TempDir
    Path dir;

    /** The simulator's spec as JSON with {@code tests} (JSON objects) as its geo.lift_tests. */
    private static String specJson(String tests) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode root =
                (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(SIM.spec().toJson());
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("geo")).set("lift_tests", mapper.readTree(tests));
        return mapper.writeValueAsString(root);
    }

    private static String test(String geo, int from, int to, double lift) {
        LocalDate[] d = SIM.data().dates();
        return "{" + (geo == null ? "" : "\"geo\": \"" + geo + "\", ") + "\"channel\": \"ch1\", \"start\": \"" + d[from]
                + "\", \"end\": \"" + d[to] + "\", \"delta_spend\": 200, \"lift\": " + lift + ", \"se\": 5}";
    }

    @Test
    void liftTestsInTheJsonSpecRoundTripWithTheirGeo() throws Exception {
        GeoSpec spec = GeoSpec.fromJson(specJson("[" + test("Geo1", 3, 8, 40) + ", " + test("Geo2", 10, 14, 25) + "]"));
        LocalDate[] d = SIM.data().dates();
        assertThat(spec.liftTests()).containsExactly(
                new GeoLiftTest("Geo1", new LiftTest("ch1", d[3], d[8], 200, 40, 5, null, LiftLikelihood.NORMAL)),
                new GeoLiftTest("Geo2", new LiftTest("ch1", d[10], d[14], 200, 25, 5, null, LiftLikelihood.NORMAL)));
        assertThat(GeoSpec.fromJson(spec.toJson())).isEqualTo(spec);
        assertThat(GeoSpec.fromJson(SIM.spec().toJson()).liftTests()).isEmpty();
        assertThat(SIM.spec().toJson()).doesNotContain("lift_tests");
    }

    @Test
    void aSpecsLiftTestCalibratesTheFitExactlyAsTheListDoesAndGeoJsonListsIt() throws Exception {
        GeoSpec spec = GeoSpec.fromJson(specJson("[" + test("Geo1", 3, 8, 40) + "]"));
        SamplerSettings settings = GeoFit.defaultSettings().toBuilder().chains(1).warmup(100).draws(50).seed(5).build();
        GeoFit fromSpec = GeoFit.fit(spec, SIM.data(), settings);
        GeoFit fromList = GeoFit.fit(SIM.spec(), SIM.data(), spec.liftTests(), settings, null, null);
        GeoFit plain = GeoFit.fit(SIM.spec(), SIM.data(), settings);
        String beta = "beta[ch1,Geo1]";
        assertThat(fromSpec.posterior().column(beta)).containsExactly(fromList.posterior().column(beta));
        assertThat(fromSpec.posterior().column(beta)).isNotEqualTo(plain.posterior().column(beta));
        assertThat(fromSpec.liftTests()).isEqualTo(spec.liftTests());

        JsonNode lifts = new ObjectMapper().readTree(fromSpec.analysisJson()).get("lift_tests");
        assertThat(lifts).hasSize(1);
        assertThat(lifts.get(0).get("geo").asText()).isEqualTo("Geo1");
        assertThat(lifts.get(0).get("lift").asDouble()).isEqualTo(40.0);
        assertThat(lifts.get(0).get("model_lift").get("mean").asDouble()).isPositive();

        // The fit's spec (in the provenance) keeps the tests, so a loaded fit has them too.
        Path out = dir.resolve("fit");
        fromList.write(out, List.of());
        assertThat(GeoFit.load(out).liftTests()).isEqualTo(spec.liftTests());
    }

    @Test
    void theListsTestsComeAfterTheSpecsAndAreNumberedSo() throws Exception {
        GeoSpec spec = GeoSpec.fromJson(specJson("[" + test("Geo1", 3, 8, 40) + "]"));
        GeoLiftTest extra = new GeoLiftTest("Geo0", LiftTest.of("ch2", SIM.data().dates()[2], SIM.data().dates()[5],
                100, 20, 4));
        GeoSpec all = GeoFit.appendLiftTests(spec, List.of(extra));
        assertThat(all.liftTests()).containsExactly(spec.liftTests().get(0), extra);
        GeoLiftTest nowhere = new GeoLiftTest("Geo9", extra.test());
        SamplerSettings settings = GeoFit.defaultSettings().toBuilder().chains(1).warmup(10).draws(10).seed(5).build();
        assertThatThrownBy(() -> GeoFit.fit(spec, SIM.data(), List.of(nowhere), settings, null, null))
                .hasMessage("geo.lift_tests[1].geo: 'Geo9' is not a geo of the data; the geos are Geo0, Geo1, Geo2");
    }

    @Test
    void aGeoTheDataDoNotHaveIsOneLineBeforeSampling() throws Exception {
        GeoSpec spec = GeoSpec.fromJson(specJson("[" + test("Geo1", 3, 8, 40) + ", " + test("Geo9", 3, 8, 40) + "]"));
        SamplerSettings settings = GeoFit.defaultSettings().toBuilder().chains(1).warmup(10).draws(10).seed(5).build();
        assertThatThrownBy(() -> GeoFit.fit(spec, SIM.data(), settings)).isInstanceOf(SpecException.class)
                .hasMessage("geo.lift_tests[1].geo: 'Geo9' is not a geo of the data; the geos are Geo0, Geo1, Geo2");
    }

    @Test
    void badLiftTestJsonIsOneLineNamingItsPath() throws Exception {
        assertThatThrownBy(() -> GeoSpec.fromJson(specJson("[" + test("Geo1", 3, 8, 40) + ", " + test(null, 3, 8, 40) + "]")))
                .isInstanceOf(SpecException.class).hasMessage("$.geo.lift_tests[1].geo: missing");
        assertThatThrownBy(() -> GeoSpec.fromJson(specJson("[" + test("Geo1", 3, 8, 40).replace("\"se\"", "\"sd\"") + "]")))
                .hasMessage("$.geo.lift_tests[0].sd: unknown key; valid: channel, delta_spend, end, geo, lift, "
                        + "likelihood, measured_until, se, start");
        assertThatThrownBy(() -> GeoSpec.fromJson(specJson("[" + test("Geo1", 3, 8, 40).replace("\"Geo1\"", "3") + "]")))
                .hasMessage("$.geo.lift_tests[0].geo: expected a non-empty string, got 3");
        assertThatThrownBy(() -> GeoSpec.fromJson(specJson(test("Geo1", 3, 8, 40))))
                .hasMessageStartingWith("$.geo.lift_tests: expected an array of lift tests");
        String national = SIM.spec().toJson().replaceFirst("\\{", "{\"calibration\": {\"lift_tests\": ["
                + test("Geo1", 3, 8, 40) + "]}, ");
        assertThatThrownBy(() -> GeoSpec.fromJson(national)).hasMessageStartingWith(
                "$.calibration: a national calibration is not used by a geo model; give lift tests run in geos in "
                        + "geo.lift_tests");
    }
}
