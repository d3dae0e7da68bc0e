package dev.mmm.benchmarks;

import dev.mmm.core.geo.GeoData;
import dev.mmm.core.geo.GeoFit;
import dev.mmm.core.geo.GeoSimulator;
import dev.mmm.core.geo.GeoSimulator.GeoSimulation;
import dev.mmm.core.geo.GeoSpec;
import dev.mmm.sampler.InitialMetric;
import dev.mmm.sampler.SamplerSettings;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The geo model at scale, and its data for the race with Stan.
 *
 * <pre>
 *   java -cp mmm-benchmarks/target/benchmarks.jar dev.mmm.benchmarks.GeoScale fit 40 156 5 3 [chains warmup draws seed [centred|non_centred]]
 *   java -cp mmm-benchmarks/target/benchmarks.jar dev.mmm.benchmarks.GeoScale data 8 104 3 1 SEED panel.csv
 * </pre>
 * {@code fit} simulates a panel of geos x weeks x channels with that many controls (populations,
 * {@link GeoSimulator}), fits it and prints wall time, min bulk-ESS per second, max R-hat,
 * divergences, leapfrog steps per iteration, min bulk-ESS per 1,000 gradients and the peak heap
 * (the sum of the heap pools' peak usage); the optional last argument picks the pooled blocks'
 * parameterisation (the spec's default, non-centred, otherwise); then each chain's step size and
 * divergences. {@code -Dgeo.adaptDelta=D}, {@code -Dgeo.initialMetric=M} and
 * {@code -Dgeo.sharedWarmup=true} override the sampler's geo defaults. {@code data} writes the
 * panel as long-format CSV (date, geo, y, channels, controls, population).
 */
public final class GeoScale {

    private GeoScale() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 5) {
            System.err.println("usage: GeoScale fit|data GEOS WEEKS CHANNELS CONTROLS [...]");
            System.exit(2);
        }
        int geos = Integer.parseInt(args[1]);
        int weeks = Integer.parseInt(args[2]);
        int channels = Integer.parseInt(args[3]);
        int controls = Integer.parseInt(args[4]);
        if (args[0].equals("data")) {
            long seed = Long.parseLong(args[5]);
            GeoSimulation sim = GeoSimulator.simulate(geos, weeks, channels, controls, true, seed);
            writeCsv(sim.data(), Path.of(args[6]));
            return;
        }
        int chains = args.length > 5 ? Integer.parseInt(args[5]) : 4;
        int warmup = args.length > 6 ? Integer.parseInt(args[6]) : 1000;
        int draws = args.length > 7 ? Integer.parseInt(args[7]) : 1000;
        long seed = args.length > 8 ? Long.parseLong(args[8]) : 1;
        GeoSimulation sim = GeoSimulator.simulate(geos, weeks, channels, controls, true, seed);
        GeoSpec spec = sim.spec();
        if (args.length > 9) {
            spec = spec.withParameterisation(switch (args[9]) {
                case "centred" -> GeoSpec.Parameterisation.CENTRED;
                case "non_centred" -> GeoSpec.Parameterisation.NON_CENTRED;
                default -> throw new IllegalArgumentException("parameterisation must be centred or non_centred, got '"
                        + args[9] + "'");
            });
        }
        SamplerSettings.Builder builder = GeoFit.defaultSettings().toBuilder().chains(chains).warmup(warmup).draws(draws).seed(seed);
        // Experiments override the sampler's defaults without new positional arguments.
        if (System.getProperty("geo.adaptDelta") != null) {
            builder.targetAcceptance(Double.parseDouble(System.getProperty("geo.adaptDelta")));
        }
        if (System.getProperty("geo.initialMetric") != null) {
            builder.initialMetric(InitialMetric.valueOf(System.getProperty("geo.initialMetric")));
        }
        builder.sharedWarmup(Boolean.getBoolean("geo.sharedWarmup"));
        SamplerSettings settings = builder.build();
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        GeoFit fit = GeoFit.fit(spec, sim.data(), settings);
        double wall = fit.posterior().run().wallSeconds();
        WorstParameters slowest = WorstParameters.of(fit.summary());
        double minEss = slowest.minEssBulk();
        double maxRhat = slowest.maxRhat();
        String worst = slowest.minEssName();
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "geo model %d geos x %d weeks x %d channels, %d controls; %d sampled parameters; "
                        + "%d chains x (%d + %d)%n", geos, weeks, channels, controls, fit.model().dimension(), chains, warmup,
                draws);
        System.out.printf(Locale.ROOT, "wall %.1f s (warm-up %.1f s), %d gradients, min bulk-ESS %.0f (%s) = %.2f per second,"
                        + " max R-hat %.4f, %d divergences, peak heap %.0f MB, load average at start %.1f on %d cores%n", wall,
                fit.posterior().run().warmupSeconds(), fit.posterior().run().gradientEvaluations(), minEss, worst,
                minEss / wall, maxRhat, fit.posterior().divergences(), peak / 1e6, load,
                Runtime.getRuntime().availableProcessors());
        long gradients = fit.posterior().run().gradientEvaluations();
        System.out.printf(Locale.ROOT, "%s; %.0f leapfrog steps per iteration, min bulk-ESS %.3f per 1,000 gradients%n",
                spec.parameterisation().name().toLowerCase(Locale.ROOT), gradients / (double) (chains * (warmup + draws)),
                1000.0 * minEss / gradients);
        double[] divergent = fit.posterior().samplerColumn("divergent__");
        int[] perChain = fit.posterior().drawsPerChain();
        StringBuilder chainsLine = new StringBuilder("per chain (step size, divergences):");
        int offset = 0;
        for (int c = 0; c < perChain.length; c++) {
            int n = 0;
            for (int d = offset; d < offset + perChain[c]; d++) {
                n += divergent[d] != 0.0 ? 1 : 0;
            }
            offset += perChain[c];
            chainsLine.append(String.format(Locale.ROOT, " %.4f %d;", fit.posterior().adaptation().get(c).stepSize(), n));
        }
        System.out.println(chainsLine);
    }

    /** The panel as long-format CSV, geo by geo. */
    static void writeCsv(GeoData data, Path file) throws IOException {
        List<String> columns = data.columnNames();
        LocalDate[] dates = data.dates();
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write("date,geo," + String.join(",", columns) + "\n");
            for (int g = 0; g < data.geoCount(); g++) {
                double[][] values = new double[columns.size()][];
                for (int k = 0; k < values.length; k++) {
                    values[k] = data.geo(g).column(columns.get(k));
                }
                for (int t = 0; t < dates.length; t++) {
                    StringBuilder row = new StringBuilder().append(dates[t]).append(',').append(data.geos().get(g));
                    for (double[] v : values) {
                        row.append(',').append(v[t]);
                    }
                    out.write(row.append('\n').toString());
                }
            }
        }
    }
}
