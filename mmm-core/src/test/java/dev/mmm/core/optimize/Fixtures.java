package dev.mmm.core.optimize;

import dev.mmm.core.data.Dataset;
import dev.mmm.core.model.CompiledModel;
import dev.mmm.core.model.ModelSpec;
import dev.mmm.core.simulate.DemoData;
import dev.mmm.core.simulate.Simulation;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Models over the demo data and clouds of parameter vectors around its truth, standing in for posteriors. */
final class Fixtures {

    static final Simulation DEMO = DemoData.generate(3);

    private Fixtures() {
    }

    static ModelSpec.Builder spec(String... channels) {
        return ModelSpec.builder().date(DemoData.DATE).target(DemoData.TARGET).channels(channels)
                .controls(DemoData.PROMO).yearlySeasonality(2);
    }

    static CompiledModel model(ModelSpec spec) {
        return spec.compile(DEMO.data());
    }

    static CompiledModel model(ModelSpec spec, Dataset data) {
        return spec.compile(data);
    }

    /**
     * {@code n} parameter vectors: the demo truth where the model has the parameter (the values
     * in {@code overrides} first, the prior's centre otherwise), moved by {@code spread} standard
     * normals on the unconstrained scale.
     */
    static double[][] draws(CompiledModel model, int n, long seed, double spread, Map<String, Double> overrides) {
        List<String> names = model.parameterNames();
        double[] centre = new double[model.parameterCount()];
        model.constrain(new double[model.dimension()], centre);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (overrides.containsKey(name)) {
                centre[i] = overrides.get(name);
            } else if (DEMO.truth().containsKey(name)) {
                centre[i] = DEMO.truth(name);
            }
        }
        double[] u = new double[model.dimension()];
        model.unconstrain(centre, u);
        Random rng = new Random(seed);
        double[][] out = new double[n][model.parameterCount()];
        double[] moved = new double[u.length];
        for (int d = 0; d < n; d++) {
            for (int k = 0; k < u.length; k++) {
                moved[k] = u[k] + spread * rng.nextGaussian();
            }
            model.constrain(moved, out[d]);
        }
        return out;
    }

    static double[][] draws(CompiledModel model, int n, long seed) {
        return draws(model, n, seed, 0.15, Map.of());
    }
}
