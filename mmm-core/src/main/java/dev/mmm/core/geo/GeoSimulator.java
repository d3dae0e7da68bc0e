package dev.mmm.core.geo;

import dev.mmm.core.data.Dataset;
import dev.mmm.core.model.ModelSpec;
import dev.mmm.core.posterior.Posterior;
import dev.mmm.core.posterior.Provenance;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * A panel drawn from a geo model with known parameters: weekly dates, geos with populations,
 * channels {@code ch1..chC} (geometric adstock, logistic saturation, shared across geos, effects
 * log-normally pooled), controls {@code z1..zK} and a yearly seasonality of order 1, the target
 * {@code y} with a per-geo noise scale. The truth is a value vector of the model the panel is fitted
 * with ({@link GeoSimulation#truthModel()}), so the true ROAS comes from the same counterfactual code
 * as the fitted one.
 */
public final class GeoSimulator {

    private GeoSimulator() {
    }

    /** A simulated panel and the truth behind it. */
    public record GeoSimulation(GeoData data, GeoSpec spec, GeoModel truthModel, double[] truth) {

        /** The true ROAS, nationally and per geo, over the whole panel: the analysis of a posterior of one draw, the truth. */
        public GeoAnalysis.Roas trueRoas() {
            return new GeoAnalysis(truthModel, fixedDraws(truthModel, new double[][] {truth})).roas();
        }
    }

    /**
     * A posterior of {@code model} holding the given value vectors as one chain (its sampler columns
     * zero): for analyses at known values, such as the truth.
     */
    static Posterior fixedDraws(GeoModel model, double[][] draws) {
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
        Provenance provenance = new Provenance("{}", 1.0, Map.of(), "", 1, "", "", 0, Map.of(), "simulated", "");
        return new Posterior(model.outputNames(), new int[] {n}, columns, sampler, List.of(), provenance,
                new Posterior.RunInfo(0, n, true, 0, 0, 0, 0));
    }

    /** The spec the simulator generates from and the panel is fitted with. */
    public static GeoSpec spec(int channels, int controls, boolean population) {
        ModelSpec.Builder b = ModelSpec.builder().date("date").target("y").yearlySeasonality(1);
        for (int c = 1; c <= channels; c++) {
            b.channels("ch" + c);
        }
        for (int k = 1; k <= controls; k++) {
            b.controls("z" + k);
        }
        GeoSpec spec = GeoSpec.of(b.build(), "geo");
        return population ? spec.withPopulation("population") : spec;
    }

    public static GeoSimulation simulate(int geos, int periods, int channels, int controls, boolean population,
                                         long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        LocalDate start = LocalDate.of(2021, 1, 4);
        LocalDate[] dates = new LocalDate[periods];
        for (int t = 0; t < periods; t++) {
            dates[t] = start.plusWeeks(t);
        }
        List<String> geoNames = new ArrayList<>();
        double[] pop = new double[geos];
        for (int g = 0; g < geos; g++) {
            geoNames.add("Geo" + g);
            pop[g] = population ? Math.round(Math.exp(Math.log(5e5) + 0.6 * normal.sample())) : 1.0;
        }
        List<LinkedHashMap<String, double[]>> columns = new ArrayList<>();
        for (int g = 0; g < geos; g++) {
            LinkedHashMap<String, double[]> cols = new LinkedHashMap<>();
            for (int c = 1; c <= channels; c++) {
                double level = 100.0 * c;
                double phase = rng.nextDouble() * 2 * Math.PI;
                double[] x = new double[periods];
                for (int t = 0; t < periods; t++) {
                    boolean on = rng.nextDouble() < 0.8;
                    double wave = 1.0 + 0.3 * Math.sin(2 * Math.PI * t / 26.0 + phase);
                    // A narrow spread of spend keeps typical spend near its maximum, where the
                    // saturation bends and its curvature is identified.
                    x[t] = on ? pop[g] / 1e5 * level * wave * Math.exp(0.2 * normal.sample()) : 0.0;
                }
                cols.put("ch" + c, x);
            }
            for (int k = 1; k <= controls; k++) {
                double[] z = new double[periods];
                for (int t = 0; t < periods; t++) {
                    z[t] = normal.sample();
                }
                cols.put("z" + k, z);
            }
            double[] placeholder = new double[periods];
            java.util.Arrays.fill(placeholder, pop[g]);
            cols.put("y", placeholder);
            if (population) {
                double[] p = new double[periods];
                java.util.Arrays.fill(p, pop[g]);
                cols.put("population", p);
            }
            columns.add(cols);
        }
        GeoSpec spec = spec(channels, controls, population);
        // The placeholder target is 1 per capita, so the truth model's target scale is 1 and its
        // scaled mean is the per-capita target itself.
        GeoModel truthModel = spec.compile(panel(geoNames, dates, columns));
        double[] truth = new double[truthModel.valueCount()];
        List<String> names = truthModel.outputNames();
        double[] alphas = {0.5, 0.3, 0.6, 0.4, 0.2};
        double[] lams = {2.0, 3.0, 1.5, 2.5, 2.0};
        double[] betas = {0.30, 0.20, 0.25, 0.15, 0.20};
        for (int c = 1; c <= channels; c++) {
            set(truth, names, "alpha[ch" + c + "]", alphas[(c - 1) % alphas.length]);
            set(truth, names, "lam[ch" + c + "]", lams[(c - 1) % lams.length]);
            set(truth, names, "beta_mu[ch" + c + "]", Math.log(betas[(c - 1) % betas.length]));
            set(truth, names, "beta_tau[ch" + c + "]", 0.3);
            for (String g : geoNames) {
                set(truth, names, GeoNames.name("beta_dev", "ch" + c, g), normal.sample());
            }
        }
        for (String g : geoNames) {
            set(truth, names, GeoNames.name("intercept", null, g), 1.0 + 0.2 * normal.sample());
            set(truth, names, GeoNames.name("sigma", null, g), 0.04 + 0.04 * rng.nextDouble());
            for (int k = 1; k <= controls; k++) {
                set(truth, names, GeoNames.name("gamma", "z" + k, g), 0.05 + 0.02 * normal.sample());
            }
        }
        set(truth, names, "fourier[sin_1]", 0.08);
        set(truth, names, "fourier[cos_1]", -0.05);
        truthModel.completeValues(truth);
        double[] mu = new double[periods];
        for (int g = 0; g < geos; g++) {
            truthModel.meanInto(g, truth, mu);
            double sigma = truth[truthModel.sigmaSlot(g)];
            double[] y = columns.get(g).get("y");
            for (int t = 0; t < periods; t++) {
                y[t] = pop[g] * (mu[t] + sigma * normal.sample());
            }
        }
        return new GeoSimulation(panel(geoNames, dates, columns), spec, truthModel, truth);
    }

    private static GeoData panel(List<String> geos, LocalDate[] dates, List<LinkedHashMap<String, double[]>> columns) {
        List<Dataset> perGeo = new ArrayList<>();
        for (LinkedHashMap<String, double[]> c : columns) {
            perGeo.add(Dataset.of("date", dates, c));
        }
        return GeoData.of("geo", geos, perGeo);
    }

    private static void set(double[] values, List<String> names, String name, double v) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalStateException("the simulated model has no parameter " + name);
        }
        values[i] = v;
    }
}
