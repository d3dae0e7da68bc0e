package dev.mmm.benchmarks;

import dev.mmm.core.data.Dataset;
import dev.mmm.core.model.CompiledModel;
import dev.mmm.core.model.ModelSpec;
import dev.mmm.sampler.InitialMetric;
import dev.mmm.sampler.Metric;
import dev.mmm.sampler.Phase;
import dev.mmm.sampler.Sampler;
import dev.mmm.sampler.SamplerSettings;
import dev.mmm.sampler.SamplingResult;
import dev.mmm.sampler.diagnostics.Diagnostics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a fit's gradients go: the default model on a simulated CSV (date, y, ch1..ch6,
 * ctrl1, ctrl2; yearly seasonality 2), gradient evaluations per warm-up phase (Stan's
 * windows) and in sampling, per chain, then min bulk-ESS over the parameters and divergences.
 *
 * <pre>
 * java [-DdumpEarly=true] -cp ... dev.mmm.benchmarks.WarmupGradients DATA.csv SEED CHAINS THREADS \
 *      [unit|gradient|gradient_refreshed] [diagonal|diagonal_gradient|dense]
 * </pre>
 * The data come from {@code mmm simulate --weeks 156 --channels 6 --controls 2 --yearly-seasonality 2}.
 * With {@code -DdumpEarly=true} it also prints chain 0's gradients for each of the first 110 iterations.
 * Gradient counts and ESS are deterministic for a seed; seconds are not printed on purpose.
 */
public final class WarmupGradients {
    /** Stan's phase boundaries for 1000 warm-up iterations, then sampling. */
    private static final int[] BOUNDS = {0, 75, 100, 150, 250, 450, 950, 1000, 2000};

    private WarmupGradients() {
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args[0]);
        long seed = Long.parseLong(args[1]);
        int chains = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        InitialMetric initial = args.length > 4 ? InitialMetric.valueOf(args[4].toUpperCase(Locale.ROOT))
                : SamplerSettings.defaults().initialMetric();
        Metric metric = args.length > 5 ? Metric.valueOf(args[5].toUpperCase(Locale.ROOT)) : Metric.DIAGONAL;
        Dataset dataset = RaceFit.readCsv(data, "date");
        CompiledModel model = ModelSpec.builder().date("date").target("y")
                .channels("ch1", "ch2", "ch3", "ch4", "ch5", "ch6").controls("ctrl1", "ctrl2")
                .yearlySeasonality(2).build().compile(dataset);
        SamplerSettings settings = SamplerSettings.builder().chains(chains).threads(threads).seed(seed)
                .metric(metric).initialMetric(initial).build();
        int warmup = settings.warmup();
        CountingDensity counting = new CountingDensity(model);
        long[][] countAfter = new long[chains][warmup + settings.draws()];
        SamplingResult r = Sampler.sample(counting, settings, (double[][]) null, (chain, iteration, phase, divergences) -> {
            int at = phase == Phase.WARMUP ? iteration - 1 : warmup + iteration - 1;
            countAfter[chain][at] = counting.chain(chain);
        }, null);

        System.out.printf(Locale.ROOT, "data=%s seed=%d metric=%s initial=%s dim=%d%n", data.getFileName(), seed,
                metric, initial, model.dimension());
        StringBuilder header = new StringBuilder("chain");
        for (int b = 0; b + 1 < BOUNDS.length; b++) {
            header.append(String.format(Locale.ROOT, " [%d,%d)", BOUNDS[b], BOUNDS[b + 1]));
        }
        System.out.println(header + "  warmupGrad samplingGrad stepSize divergent");
        long warmupTotal = 0;
        long samplingTotal = 0;
        for (int c = 0; c < chains; c++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%5d", c));
            for (int b = 0; b + 1 < BOUNDS.length; b++) {
                long before = BOUNDS[b] == 0 ? 0 : countAfter[c][BOUNDS[b] - 1];
                long after = countAfter[c][BOUNDS[b + 1] - 1];
                line.append(String.format(Locale.ROOT, " %8.0f", (after - before) / (double) (BOUNDS[b + 1] - BOUNDS[b])));
            }
            long w = countAfter[c][warmup - 1];
            long s = countAfter[c][warmup + settings.draws() - 1] - w;
            warmupTotal += w;
            samplingTotal += s;
            int div = 0;
            for (boolean d : r.divergent()[c]) {
                div += d ? 1 : 0;
            }
            line.append(String.format(Locale.ROOT, "  %9d %9d %.4f %d", w, s, r.stepSize()[c], div));
            System.out.println(line);
        }
        if (Boolean.getBoolean("dumpEarly")) {
            StringBuilder early = new StringBuilder("chain0 first 110:");
            for (int i = 0; i < 110; i++) {
                early.append(' ').append(countAfter[0][i] - (i == 0 ? 0 : countAfter[0][i - 1]));
            }
            System.out.println(early);
        }
        double minEss = Double.POSITIVE_INFINITY;
        int worst = -1;
        double[][][] positions = r.positions();
        for (int k = 0; k < model.dimension(); k++) {
            double[][] x = new double[chains][];
            for (int c = 0; c < chains; c++) {
                x[c] = new double[positions[c].length];
                for (int d = 0; d < x[c].length; d++) {
                    x[c][d] = positions[c][d][k];
                }
            }
            double ess = Diagnostics.essBulk(x);
            if (ess < minEss) {
                minEss = ess;
                worst = k;
            }
        }
        StringBuilder lp = new StringBuilder("per-chain mean log density:");
        for (int c = 0; c < chains; c++) {
            double m = 0;
            for (double v : r.logDensity()[c]) {
                m += v / r.logDensity()[c].length;
            }
            lp.append(String.format(Locale.ROOT, " %.1f", m));
        }
        System.out.println(lp);
        long total = warmupTotal + samplingTotal;
        System.out.printf(Locale.ROOT,
                "SUMMARY seed=%d initial=%s warmupGradPerChain=%.0f samplingGradPerChain=%.0f totalPerChain=%.0f "
                        + "minBulkEss=%.1f (%s) essPer1000Total=%.3f essPer1000Sampling=%.3f divergences=%d check=%d%n",
                seed, initial, warmupTotal / (double) chains, samplingTotal / (double) chains, total / (double) chains,
                minEss, model.parameterNames().get(worst), 1000 * minEss / total, 1000 * minEss / samplingTotal,
                r.divergences(), r.gradientEvaluations() - total);
    }
}
