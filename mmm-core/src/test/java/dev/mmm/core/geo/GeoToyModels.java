package dev.mmm.core.geo;

import dev.mmm.core.model.ChannelSpec;
import dev.mmm.core.model.ModelSpec;
import java.util.List;
import java.util.Map;

/**
 * Small geo models over a simulated panel with chosen transforms, and value vectors set by
 * parameter family, for tests whose answers follow from the transforms in closed form.
 */
final class GeoToyModels {

    private GeoToyModels() {
    }

    /** The simulator's panel fitted with every channel given {@code adstock} (l_max 4, normalised) and {@code saturation}. */
    static GeoModel model(GeoData panel, int channels, String adstock, String saturation) {
        ModelSpec.Builder b = ModelSpec.builder().date("date").target("y").controls("z1");
        for (int c = 1; c <= channels; c++) {
            b.channel(ChannelSpec.of("ch" + c).withAdstock(adstock, 4, true).withSaturation(saturation));
        }
        return GeoSpec.of(b.build(), "geo").withPopulation("population").compile(panel);
    }

    /**
     * A value vector with every parameter of a family at one value ({@code beta_dev} varying by
     * geo so that geos differ), derived values filled.
     */
    static double[] values(GeoModel model, Map<String, Double> byFamily) {
        List<String> names = model.outputNames();
        double[] v = new double[model.valueCount()];
        for (int i = 0; i < model.parameterNames().size(); i++) {
            String family = GeoNames.family(names.get(i));
            Double x = byFamily.get(family);
            if (family.equals("beta_dev")) {
                v[i] = 0.4 * Math.sin(i);
            } else if (x != null) {
                v[i] = x;
            } else {
                throw new IllegalArgumentException("no value for " + names.get(i));
            }
        }
        model.completeValues(v);
        return v;
    }

    static Map<String, Double> defaults() {
        return Map.of("intercept", 1.0, "sigma", 0.05, "gamma", 0.05, "beta_mu", Math.log(0.3), "beta_tau", 0.3,
                "alpha", 0.5, "lam", 2.0);
    }
}
