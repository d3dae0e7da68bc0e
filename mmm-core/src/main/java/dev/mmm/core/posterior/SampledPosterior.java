package dev.mmm.core.posterior;

import dev.mmm.sampler.SamplerSettings;
import dev.mmm.sampler.SamplingResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Posterior} from a sampler's result for any model: the caller says how an
 * unconstrained position becomes the vector of named outputs (constrained parameters, and
 * derived values if the model has them).
 */
public final class SampledPosterior {

    /** Writes the named outputs of one unconstrained position into {@code out}. */
    @FunctionalInterface
    public interface Constrainer {
        void constrain(double[] unconstrained, double[] out);
    }

    private SampledPosterior() {
    }

    /** The draws of {@code r} as a Posterior of {@code names}, each draw through {@code constrainer}. */
    public static Posterior of(List<String> names, Constrainer constrainer, SamplingResult r, Provenance provenance) {
        int chains = r.chains();
        int[] perChain = r.drawsCompleted().clone();
        int total = 0;
        for (int n : perChain) {
            total += n;
        }
        int p = names.size();
        double[][] columns = new double[p][total];
        String[] samplerNames = Posterior.SAMPLER_COLUMNS.toArray(new String[0]);
        double[][] sampler = new double[samplerNames.length][total];
        double[] theta = new double[p];
        int k = 0;
        for (int c = 0; c < chains; c++) {
            double[][] positions = r.positions()[c];
            for (int d = 0; d < perChain[c]; d++, k++) {
                constrainer.constrain(positions[d], theta);
                for (int i = 0; i < p; i++) {
                    columns[i][k] = theta[i];
                }
                sampler[0][k] = r.logDensity()[c][d];
                sampler[1][k] = r.acceptance()[c][d];
                sampler[2][k] = r.stepSize()[c];
                sampler[3][k] = r.treeDepth()[c][d];
                sampler[4][k] = r.leapfrogSteps()[c][d];
                sampler[5][k] = r.divergent()[c][d] ? 1 : 0;
                sampler[6][k] = r.energy()[c][d];
            }
        }
        Map<String, double[]> samplerColumns = new LinkedHashMap<>();
        for (int j = 0; j < samplerNames.length; j++) {
            samplerColumns.put(samplerNames[j], sampler[j]);
        }
        List<ChainAdaptation> adaptation = new ArrayList<>();
        for (int c = 0; c < chains; c++) {
            double[][] positions = r.positions()[c];
            double[] last = perChain[c] > 0 ? positions[perChain[c] - 1] : new double[0];
            adaptation.add(new ChainAdaptation(c, r.stepSize()[c], r.inverseMetricDiagonal()[c], last));
        }
        SamplerSettings s = r.settings();
        Posterior.RunInfo run = new Posterior.RunInfo(s.warmup(), s.draws(), r.complete(), r.wallSeconds(),
                r.warmupSeconds(), r.samplingSeconds(), r.gradientEvaluations());
        return new Posterior(names, perChain, columns, samplerColumns, adaptation, provenance, run);
    }

    /** The sampler settings as provenance records them. */
    public static Map<String, String> settingsOf(SamplerSettings s) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("chains", Integer.toString(s.chains()));
        settings.put("warmup", Integer.toString(s.warmup()));
        settings.put("draws", Integer.toString(s.draws()));
        settings.put("seed", Long.toString(s.seed()));
        settings.put("max_tree_depth", Integer.toString(s.maxTreeDepth()));
        settings.put("target_acceptance", Double.toString(s.targetAcceptance()));
        settings.put("metric", s.metric().name());
        settings.put("initial_metric", s.initialMetric().name());
        settings.put("warmup_schedule", s.warmupSchedule().name());
        settings.put("init_radius", Double.toString(s.initRadius()));
        // Only when on, so the default's provenance is as before.
        if (s.sharedWarmup()) {
            settings.put("shared_warmup", "true");
        }
        return settings;
    }
}
