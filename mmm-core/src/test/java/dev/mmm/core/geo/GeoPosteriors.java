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
        return of(model, new double[][] {values});
    }

    /** One chain of the given value vectors. */
    static Posterior of(GeoModel model, double[][] draws) {
        int n = draws.length;
        double[][] columns = new double[model.valueCount()][n];
        for (int d = 0; d < n; d++) {
            for (int i = 0; i < columns.length; i++) {
                columns[i][d] = draws[d][i];
            }
        }
        Map<String, double[]> sampler = new LinkedHashMap<>();
        for (String name : Posterior.SAMPLER_COLUMNS) {
            sampler.put(name, new double[n]);
        }
        Provenance provenance = new Provenance("{}", 1.0, Map.of(), "", 1, "", "", 0, Map.of(), "test", "");
        return new Posterior(model.outputNames(), new int[] {n}, columns, sampler, List.of(), provenance,
                new Posterior.RunInfo(0, n, true, 0, 0, 0, 0));
    }
}
