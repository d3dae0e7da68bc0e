package dev.mmm.core.geo;

import dev.mmm.core.posterior.Posterior;
import dev.mmm.core.posterior.Provenance;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Posteriors for tests: one draw at a known value vector (the truth). */
final class GeoPosteriors {

    private GeoPosteriors() {
    }

    static Posterior single(GeoModel model, double[] values) {
        double[][] columns = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            columns[i] = new double[] {values[i]};
        }
        Map<String, double[]> sampler = new LinkedHashMap<>();
        for (String name : Posterior.SAMPLER_COLUMNS) {
            sampler.put(name, new double[] {0.0});
        }
        Provenance provenance = new Provenance("{}", 1.0, Map.of(), "", 1, "", "", 0, Map.of(), "test", "");
        return new Posterior(model.outputNames(), new int[] {1}, columns, sampler, List.of(), provenance,
                new Posterior.RunInfo(0, 1, true, 0, 0, 0, 0));
    }
}
