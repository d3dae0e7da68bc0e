package dev.mmm.sampler.posteriordb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mmm.sampler.Metric;
import dev.mmm.sampler.Sampler;
import dev.mmm.sampler.SamplerSettings;
import dev.mmm.sampler.SamplingResult;
import dev.mmm.sampler.diagnostics.Diagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Our NUTS on five posteriordb posteriors, 4 chains x (1000 warm-up + 1000 draws): every
 * reference posterior mean is matched within {@code 4 sqrt(mcse^2 + mcse_ref^2)}, R-hat stays
 * below 1.01 and bulk-ESS above 400, with both MCSEs computed by our own {@code mcseMean}.
 */
@Tag("posteriordb")
class PosteriorDbValidationTest {

    private static final long SEED = 20_240_601L;

    @Test
    void eightSchoolsNoncentered() {
        // the reference run used adapt_delta 0.95; the funnel may still give a few divergences
        Result result = validate(EightSchoolsNoncentered::new, "eight_schools-eight_schools_noncentered",
                settings().targetAcceptance(0.95));
        assertThat(result.sampling.divergences()).isLessThanOrEqualTo(20);
    }

    @Test
    void kidscoreMomiq() {
        validate(KidscoreMomiq::new, "kidiq-kidscore_momiq", settings());
    }

    @ParameterizedTest
    @EnumSource(value = Metric.class, names = {"DIAGONAL", "DENSE"})
    void sblrcBlr(Metric metric) {
        // five strongly correlated predictors: the test case for the dense metric
        Result result = validate(SblrcBlr::new, "sblrc-blr", settings().metric(metric));
        assertThat(result.sampling.maxTreeDepthHits()).isZero();
    }

    @Test
    void arK() {
        validate(ArK::new, "arK-arK", settings());
    }

    @Test
    void garch11() {
        validate(Garch11::new, "garch-garch11", settings());
    }

    private static SamplerSettings.Builder settings() {
        return SamplerSettings.builder().chains(4).warmup(1000).draws(1000).seed(SEED);
    }

    private record Result(SamplingResult sampling, List<String> lines) {
    }

    private static Result validate(Function<JsonNode, PosteriorDbModel> factory, String posterior,
            SamplerSettings.Builder settings) {
        PosteriorDbModel model = factory.apply(PosteriorDbData.data(posterior));
        assertThat(model.posteriorName()).isEqualTo(posterior);
        Map<String, double[][]> reference = PosteriorDbData.referenceDraws(posterior);
        SamplingResult sampling = Sampler.sample(model, settings.build());
        assertThat(sampling.complete()).isTrue();

        List<String> names = model.parameterNames();
        double[][][] positions = sampling.positions();
        int chains = positions.length;
        int draws = positions[0].length;
        double[][][] constrained = new double[names.size()][chains][draws];
        double[] out = new double[names.size()];
        for (int c = 0; c < chains; c++) {
            for (int d = 0; d < draws; d++) {
                model.constrain(positions[c][d], out);
                for (int p = 0; p < names.size(); p++) {
                    constrained[p][c][d] = out[p];
                }
            }
        }

        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%s: %.2f s, %d divergences, %d max-depth hits, %d gradients",
                posterior, sampling.wallSeconds(), sampling.divergences(), sampling.maxTreeDepthHits(),
                sampling.gradientEvaluations()));
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(reference.keySet()).containsExactlyInAnyOrderElementsOf(names);
        for (int p = 0; p < names.size(); p++) {
            String name = names.get(p);
            double[][] ours = constrained[p];
            double[][] theirs = reference.get(name);
            double mean = Diagnostics.mean(ours);
            double referenceMean = Diagnostics.mean(theirs);
            double mcse = Diagnostics.mcseMean(ours);
            double referenceMcse = Diagnostics.mcseMean(theirs);
            double bound = 4 * Math.sqrt(mcse * mcse + referenceMcse * referenceMcse);
            double rhat = Diagnostics.rhat(ours);
            double essBulk = Diagnostics.essBulk(ours);
            lines.add(String.format(Locale.ROOT,
                    "  %-9s mean %10.4f ref %10.4f  |diff|/bound %.2f  rhat %.4f  ess_bulk %5.0f",
                    name, mean, referenceMean, Math.abs(mean - referenceMean) / bound, rhat, essBulk));
            softly.assertThat(Math.abs(mean - referenceMean)).as("%s %s mean %s vs reference %s",
                    posterior, name, mean, referenceMean).isLessThan(bound);
            softly.assertThat(rhat).as("%s %s R-hat", posterior, name).isLessThan(1.01);
            softly.assertThat(essBulk).as("%s %s bulk-ESS", posterior, name).isGreaterThan(400);
        }
        System.out.println(String.join("\n", lines));
        softly.assertAll();
        return new Result(sampling, lines);
    }
}
