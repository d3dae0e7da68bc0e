package dev.mmm.core.geo;

import dev.mmm.core.model.DensityTerm;
import dev.mmm.sampler.LogDensity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A geo model's log posterior plus extra density terms on its value vector (lift tests run in a
 * geo, {@link GeoLiftTestTerm}): the model's own density and gradient as they are, then each term
 * at the constrained values, its gradient pulled back to the sampler's coordinates through
 * {@link GeoModel#pullBack}. The parameters, their order and the Posterior's columns are the
 * geo model's. One instance per thread ({@link #copyForChain()}); allocates nothing.
 */
public final class CalibratedGeoModel implements LogDensity {

    private final GeoModel model;
    private final List<DensityTerm> terms;
    private final double[] values;
    private final double[] dValues;

    public CalibratedGeoModel(GeoModel model, List<? extends DensityTerm> terms) {
        this.model = model.copyForChain();
        this.terms = new ArrayList<>();
        for (DensityTerm t : terms) {
            this.terms.add(t.copy());
        }
        this.values = new double[model.valueCount()];
        this.dValues = new double[model.valueCount()];
    }

    /** The model with one term per geo lift test. */
    public static CalibratedGeoModel withLiftTests(GeoModel model, List<GeoLiftTest> tests) {
        List<DensityTerm> terms = new ArrayList<>();
        for (int i = 0; i < tests.size(); i++) {
            terms.add(GeoLiftTestTerm.of(model, tests.get(i), i));
        }
        return new CalibratedGeoModel(model, terms);
    }

    public GeoModel model() {
        return model;
    }

    public List<DensityTerm> terms() {
        return List.copyOf(terms);
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    @Override
    public CalibratedGeoModel copyForChain() {
        return new CalibratedGeoModel(model, terms);
    }

    @Override
    public double logDensityAndGradient(double[] position, double[] gradient) {
        double lp = model.logDensityAndGradient(position, gradient);
        if (!(lp > Double.NEGATIVE_INFINITY)) {
            return lp;
        }
        // dValues doubles as the pooled blocks' scratch: constrain writes into it only when centred.
        model.constrain(position, values, dValues);
        Arrays.fill(dValues, 0.0);
        // An indexed loop: a for-each's iterator is only removed by escape analysis when C2 inlines
        // it, which a megamorphic DensityTerm call site in the same loop can prevent (32 bytes a call).
        for (int i = 0; i < terms.size(); i++) {
            lp += terms.get(i).addLogDensity(values, dValues);
            if (!(lp > Double.NEGATIVE_INFINITY)) {
                Arrays.fill(gradient, 0.0);
                return Double.NEGATIVE_INFINITY;
            }
        }
        model.pullBack(position, values, dValues, gradient);
        return lp;
    }
}
