package dev.mmm.core.geo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mmm.core.data.Dataset;
import dev.mmm.core.model.ModelSpec;
import dev.mmm.core.model.ScalingMethod;
import dev.mmm.priors.Dirac;
import dev.mmm.priors.HalfCauchy;
import dev.mmm.priors.Normal;
import dev.mmm.sampler.SamplerSettings;
import dev.mmm.sampler.diagnostics.Diagnostics;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Eight schools as a degenerate geo model: eight geos of one period each, no media, the
 * intercept pooled (normal) with mu ~ Normal(0, 5) and tau ~ HalfCauchy(0, 5), each geo's noise
 * fixed at the school's standard error. Non-centred it is posteriordb's
 * {@code eight_schools_noncentered}; its reference draws (copied into test resources, see
 * SOURCE.md there) must be matched within 4 combined MCSE without a divergence. Centred, the same
 * posterior has the funnel that makes NUTS diverge.
 */
class GeoEightSchoolsTest {

    private static final String RESOURCE = "/dev/mmm/core/geo/eight_schools_noncentered/";

    static GeoSpec spec(GeoSpec.Parameterisation p, double[] sigma) {
        ModelSpec base = ModelSpec.builder().date("date").target("y").targetScaling(ScalingMethod.NONE).build();
        GeoSpec spec = GeoSpec.of(base, "school").withIntercept(GeoSpec.Sharing.POOLED).withParameterisation(p)
                .withPrior("intercept_mu", new Normal(0.0, 5.0)).withPrior("intercept_tau", new HalfCauchy(5.0));
        for (int j = 0; j < sigma.length; j++) {
            spec = spec.withPrior("sigma[School" + (j + 1) + "]", new Dirac(sigma[j]));
        }
        return spec;
    }

    static GeoData panel(double[] y) {
        List<String> schools = new ArrayList<>();
        List<Dataset> rows = new ArrayList<>();
        for (int j = 0; j < y.length; j++) {
            schools.add("School" + (j + 1));
            rows.add(Dataset.of("date", new LocalDate[] {LocalDate.of(1981, 1, 1)}, Map.of("y", new double[] {y[j]})));
        }
        return GeoData.of("school", schools, rows);
    }

    private static JsonNode json(String file) throws IOException {
        try (InputStream in = GeoEightSchoolsTest.class.getResourceAsStream(RESOURCE + file)) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    private static GeoFit fit(GeoSpec.Parameterisation p, double adaptDelta) throws IOException {
        JsonNode data = json("data.json");
        GeoSpec spec = spec(p, doubles(data.get("sigma")));
        SamplerSettings settings = SamplerSettings.builder().chains(4).warmup(1000).draws(1000).seed(20_240_601L)
                .targetAcceptance(adaptDelta).build();
        return GeoFit.fit(spec, panel(doubles(data.get("y"))), settings);
    }

    @Test
    void nonCentredMatchesPosteriordbWithoutDivergences() throws IOException {
        JsonNode reference = json("reference_draws.json");
        Map<String, String> names = new LinkedHashMap<>();
        names.put("mu", "intercept_mu");
        names.put("tau", "intercept_tau");
        for (int j = 1; j <= 8; j++) {
            names.put("theta[" + j + "]", "intercept[School" + j + "]");
        }
        for (double adaptDelta : new double[] {0.95, 0.9}) {
            GeoFit fit = fit(GeoSpec.Parameterisation.NON_CENTRED, adaptDelta);
            SoftAssertions softly = new SoftAssertions();
            for (Map.Entry<String, String> e : names.entrySet()) {
                double[][] theirs = new double[reference.size()][];
                for (int c = 0; c < reference.size(); c++) {
                    theirs[c] = doubles(reference.get(c).get(e.getKey()));
                }
                double[][] ours = fit.posterior().chainsOf(e.getValue());
                double bound = 4 * Math.hypot(Diagnostics.mcseMean(ours), Diagnostics.mcseMean(theirs));
                double diff = Math.abs(Diagnostics.mean(ours) - Diagnostics.mean(theirs));
                System.out.printf(Locale.ROOT, "eight schools non-centred (adapt_delta %.2f) %-22s mean %8.4f ref %8.4f |diff|/bound %.2f%n",
                        adaptDelta, e.getValue(), Diagnostics.mean(ours), Diagnostics.mean(theirs), diff / bound);
                softly.assertThat(diff).as("%s at adapt_delta %s", e.getValue(), adaptDelta).isLessThan(bound);
                softly.assertThat(Diagnostics.rhat(ours)).as("R-hat of %s", e.getValue()).isLessThan(1.01);
            }
            softly.assertThat(fit.posterior().divergences()).as("divergences at adapt_delta %s", adaptDelta).isZero();
            softly.assertAll();
        }
    }

    @Test
    void centredHasTheFunnelsDivergences() throws IOException {
        GeoFit fit = fit(GeoSpec.Parameterisation.CENTRED, 0.95);
        int divergences = fit.posterior().divergences();
        System.out.println("eight schools centred (adapt_delta 0.95): " + divergences + " divergences in 4000 draws");
        assertThat(fit.model().parameterNames()).contains("intercept_raw[School1]");
        assertThat(divergences).isPositive();
    }
}
