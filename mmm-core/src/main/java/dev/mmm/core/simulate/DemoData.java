package dev.mmm.core.simulate;

import dev.mmm.core.model.ModelSpec;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * A realistic demo data set: three years of weekly sales driven by five channels with typical
 * spend patterns (TV and radio flighted in bursts with dark weeks between, search and display
 * always on, social growing), a promotion flag and yearly seasonality; the default model's
 * truth has alpha in 0.2..0.7, lam in 1.5..4 and media about a quarter of sales.
 */
public final class DemoData {

    public static final String DATE = "week";
    public static final String TARGET = "sales";
    public static final List<String> CHANNELS = List.of("tv", "search", "social", "display", "radio");
    public static final String PROMO = "promo";
    public static final int WEEKS = 156;
    /** Sales units per scaled unit of the truth below. */
    public static final double SALES_SCALE = 100_000.0;

    private DemoData() {
    }

    /** The default model over the demo columns. */
    public static ModelSpec spec() {
        return ModelSpec.builder().date(DATE).target(TARGET).channels(CHANNELS.toArray(String[]::new))
                .controls(PROMO).yearlySeasonality(2).build();
    }

    /** The truth in the simulator's space (sales / {@link #SALES_SCALE}). */
    static LinkedHashMap<String, Double> simulationTruth() {
        LinkedHashMap<String, Double> t = new LinkedHashMap<>();
        t.put("intercept", 0.6);
        double[] alpha = {0.6, 0.2, 0.4, 0.3, 0.5};
        double[] lam = {2.0, 3.0, 1.5, 4.0, 2.5};
        double[] beta = {0.15, 0.08, 0.10, 0.05, 0.06};
        for (int c = 0; c < CHANNELS.size(); c++) {
            t.put("alpha[" + CHANNELS.get(c) + "]", alpha[c]);
        }
        for (int c = 0; c < CHANNELS.size(); c++) {
            t.put("lam[" + CHANNELS.get(c) + "]", lam[c]);
        }
        for (int c = 0; c < CHANNELS.size(); c++) {
            t.put("beta[" + CHANNELS.get(c) + "]", beta[c]);
        }
        t.put("gamma[" + PROMO + "]", 0.08);
        t.put("fourier[sin_1]", 0.05);
        t.put("fourier[cos_1]", -0.04);
        t.put("fourier[sin_2]", 0.02);
        t.put("fourier[cos_2]", 0.01);
        t.put("sigma", 0.03);
        return t;
    }

    /** Generates the demo data and its truth; the same seed gives the same data. */
    public static Simulation generate(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        LocalDate first = LocalDate.of(2022, 1, 3);
        LocalDate[] dates = new LocalDate[WEEKS];
        for (int t = 0; t < WEEKS; t++) {
            dates[t] = first.plusWeeks(t);
        }
        LinkedHashMap<String, double[]> columns = new LinkedHashMap<>();
        columns.put("tv", flighted(rng, 50_000, 4, 7, 4, 9));
        columns.put("search", alwaysOn(rng, 20_000, 0.2));
        double[] social = new double[WEEKS];
        for (int t = 0; t < WEEKS; t++) {
            social[t] = Math.max(0.0, (5_000 + 20_000.0 * t / (WEEKS - 1)) * (1 + 0.15 * gaussian(rng)));
        }
        columns.put("social", social);
        columns.put("display", alwaysOn(rng, 10_000, 0.3));
        columns.put("radio", flighted(rng, 15_000, 2, 4, 3, 8));
        double[] promo = new double[WEEKS];
        for (int t = 0; t < WEEKS; t++) {
            promo[t] = rng.nextDouble() < 0.1 ? 1.0 : 0.0;
        }
        columns.put(PROMO, promo);
        return Simulator.simulate(spec(), dates, columns, simulationTruth(), SALES_SCALE, seed ^ 0x5DEECE66DL);
    }

    /** Bursts of onMin..onMax weeks at about {@code level}, separated by offMin..offMax dark weeks. */
    private static double[] flighted(UniformRandomProvider rng, double level, int onMin, int onMax, int offMin, int offMax) {
        double[] x = new double[WEEKS];
        int t = rng.nextInt(offMax);
        while (t < WEEKS) {
            int on = onMin + rng.nextInt(onMax - onMin + 1);
            for (int k = 0; k < on && t < WEEKS; k++, t++) {
                x[t] = Math.max(0.0, level * (1 + 0.25 * gaussian(rng)));
            }
            t += offMin + rng.nextInt(offMax - offMin + 1);
        }
        return x;
    }

    private static double[] alwaysOn(UniformRandomProvider rng, double level, double noise) {
        double[] x = new double[WEEKS];
        for (int t = 0; t < WEEKS; t++) {
            x[t] = Math.max(0.0, level * (1 + noise * gaussian(rng)));
        }
        return x;
    }

    private static double gaussian(UniformRandomProvider rng) {
        // Box-Muller keeps this file free of sampler objects; speed is irrelevant here.
        double u1 = 1.0 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}
