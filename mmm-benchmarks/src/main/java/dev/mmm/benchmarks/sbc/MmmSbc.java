package dev.mmm.benchmarks.sbc;

import dev.mmm.core.model.ScalingMethod;
import dev.mmm.sampler.Metric;
import dev.mmm.sampler.sbc.RankUniformity.ParameterCalibration;
import dev.mmm.sampler.sbc.SbcResult;
import dev.mmm.sampler.sbc.SbcSettings;
import dev.mmm.sampler.sbc.SimulationBasedCalibration;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Simulation-based calibration of the default MMM at small size:
 *
 * <pre>
 * java -cp mmm-benchmarks/target/benchmarks.jar dev.mmm.benchmarks.sbc.MmmSbc --reps 200 \
 *     --warmup 500 --draws 99 --thin 10 --bins 20 --seed 1 [--threads 2] [--ranks ranks.csv]
 * </pre>
 *
 * Prints the harness's report (per-parameter chi-square, p-value, bin counts, divergences and ESS)
 * and a verdict at the 1% level, with and without Bonferroni correction over the parameters.
 */
public final class MmmSbc {

    /** Parsed command line. */
    record Options(int replications, int draws, int thin, int warmup, int bins, long seed, int threads,
            int channels, int controls, int weeks, int fourier, long inputSeed, double alpha, double adaptDelta,
            Metric metric, ScalingMethod fitScaling, Path ranksFile, boolean roi) {

        SbcSettings settings() {
            return new SbcSettings(replications, draws, thin, warmup, bins, seed, metric, adaptDelta, threads);
        }
    }

    private MmmSbc() {
    }

    public static void main(String[] args) throws IOException {
        Options options;
        try {
            options = parse(args);
            options.settings();
        } catch (IllegalArgumentException e) {
            System.err.println("mmm-sbc: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        DefaultMmmSbcModel model = new DefaultMmmSbcModel(options.channels(), options.controls(), options.weeks(),
                options.fourier(), options.inputSeed(), options.fitScaling(), options.roi());
        if (options.fitScaling() != ScalingMethod.NONE) {
            System.out.println("NEGATIVE CONTROL: the posterior rescales y by its " + options.fitScaling().jsonName()
                    + ", unlike the simulator; SBC should reject");
        }
        SbcSettings settings = options.settings();
        System.out.printf(Locale.ROOT, (options.roi() ? "ROI-parameterised " : "") + "default MMM: %d channels, %d controls, %d weeks, yearly seasonality %d;"
                + " %d parameters: %s%n", options.channels(), options.controls(), options.weeks(), options.fourier(),
                model.parameterNames().size(), String.join(", ", model.parameterNames()));
        System.out.printf(Locale.ROOT, "settings: %s%n", settings);
        AtomicInteger finished = new AtomicInteger();
        long start = System.nanoTime();
        SbcResult result = SimulationBasedCalibration.run(model, settings, i -> {
            int done = finished.incrementAndGet();
            if (done % 10 == 0 || done == settings.replications()) {
                System.err.printf(Locale.ROOT, "%d/%d replications, %.0f s%n", done, settings.replications(),
                        (System.nanoTime() - start) * 1e-9);
            }
        });
        System.out.print(result.report());
        System.out.print(verdict(result, options.alpha()));
        if (options.ranksFile() != null) {
            writeRanks(result, options.ranksFile());
            System.out.println("ranks written to " + options.ranksFile());
        }
    }

    /** Which parameters are rejected at {@code alpha}, alone and with Bonferroni over all parameters. */
    static String verdict(SbcResult result, double alpha) {
        List<ParameterCalibration> tests = result.calibrations();
        double corrected = alpha / tests.size();
        List<String> rejected = new ArrayList<>();
        List<String> rejectedCorrected = new ArrayList<>();
        double lowest = 1.0;
        for (ParameterCalibration c : tests) {
            lowest = Math.min(lowest, c.pValue());
            if (c.pValue() < alpha) {
                rejected.add(c.name());
            }
            if (c.pValue() < corrected) {
                rejectedCorrected.add(c.name());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "lowest p = %.4f; rejected at %.3g: %s; rejected at %.3g/%d = %.2g"
                + " (Bonferroni): %s%n", lowest, alpha, rejected.isEmpty() ? "none" : String.join(", ", rejected),
                alpha, tests.size(), corrected,
                rejectedCorrected.isEmpty() ? "none" : String.join(", ", rejectedCorrected)));
        int[] divergences = result.divergences();
        int total = Arrays.stream(divergences).sum();
        long withDivergences = Arrays.stream(divergences).filter(d -> d > 0).count();
        out.append(String.format(Locale.ROOT, "divergent transitions: %d in total, in %d of %d replications%n",
                total, withDivergences, divergences.length));
        return out.toString();
    }

    /** One row per replication: replication, divergences, min bulk-ESS, then every parameter's rank. */
    static void writeRanks(SbcResult result, Path file) throws IOException {
        int[][] ranks = result.ranks();
        int[] divergences = result.divergences();
        double[] ess = result.minEssBulk();
        try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, "UTF-8")) {
            out.println("replication,divergences,min_ess_bulk," + String.join(",", result.parameterNames()));
            for (int i = 0; i < ranks.length; i++) {
                StringBuilder row = new StringBuilder();
                row.append(i).append(',').append(divergences[i]).append(',')
                        .append(String.format(Locale.ROOT, "%.1f", ess[i]));
                for (int r : ranks[i]) {
                    row.append(',').append(r);
                }
                out.println(row);
            }
        }
    }

    static Options parse(String[] args) {
        int replications = 200;
        int draws = 99;
        int thin = 10;
        int warmup = 500;
        int bins = 20;
        long seed = 1;
        int threads = 0;
        int channels = 2;
        int controls = 1;
        int weeks = 60;
        int fourier = 1;
        long inputSeed = 20240601L;
        double alpha = 0.01;
        double adaptDelta = 0.8;
        Metric metric = Metric.DIAGONAL;
        ScalingMethod fitScaling = ScalingMethod.NONE;
        Path ranksFile = null;
        boolean roi = false;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                System.out.println(usage());
                System.exit(0);
            }
            if (flag.equals("--roi")) {
                roi = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + ": missing value");
            }
            String value = args[++i];
            switch (flag) {
                case "--reps" -> replications = intValue(flag, value);
                case "--draws" -> draws = intValue(flag, value);
                case "--thin" -> thin = intValue(flag, value);
                case "--warmup" -> warmup = intValue(flag, value);
                case "--bins" -> bins = intValue(flag, value);
                case "--seed" -> seed = longValue(flag, value);
                case "--threads" -> threads = intValue(flag, value);
                case "--channels" -> channels = intValue(flag, value);
                case "--controls" -> controls = intValue(flag, value);
                case "--weeks" -> weeks = intValue(flag, value);
                case "--fourier" -> fourier = intValue(flag, value);
                case "--input-seed" -> inputSeed = longValue(flag, value);
                case "--alpha" -> {
                    try {
                        alpha = Double.parseDouble(value);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(flag + ": '" + value + "' is not a number");
                    }
                    if (!(alpha > 0 && alpha < 1)) {
                        throw new IllegalArgumentException(flag + ": must be in (0, 1), got " + value);
                    }
                }
                case "--adapt-delta" -> {
                    try {
                        adaptDelta = Double.parseDouble(value);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(flag + ": '" + value + "' is not a number");
                    }
                }
                case "--metric" -> {
                    try {
                        metric = Metric.valueOf(value.toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(flag + ": '" + value + "' is not one of "
                                + Arrays.toString(Metric.values()).toLowerCase(Locale.ROOT));
                    }
                }
                case "--fit-scaling" -> {
                    try {
                        fitScaling = ScalingMethod.fromJsonName(value);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(flag + ": " + e.getMessage());
                    }
                }
                case "--ranks" -> ranksFile = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option '" + flag + "'");
            }
        }
        return new Options(replications, draws, thin, warmup, bins, seed, threads, channels, controls, weeks,
                fourier, inputSeed, alpha, adaptDelta, metric, fitScaling, ranksFile, roi);
    }

    private static int intValue(String flag, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + ": '" + value + "' is not an integer");
        }
    }

    private static long longValue(String flag, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + ": '" + value + "' is not an integer");
        }
    }

    static String usage() {
        return "usage: MmmSbc [--reps 200] [--warmup 500] [--draws 99] [--thin 10] [--bins 20] [--seed 1]"
                + " [--threads 0=all] [--channels 2] [--controls 1] [--weeks 60] [--fourier 1]"
                + " [--input-seed 20240601] [--alpha 0.01] [--adapt-delta 0.8]"
                + " [--metric diagonal|dense|diagonal_gradient|unit] [--ranks FILE.csv]"
                + " [--roi (ROI priors on every channel: roas sampled, beta derived)]"
                + " [--fit-scaling none|max|mean (anything but none is a deliberately wrong negative control)]";
    }
}
