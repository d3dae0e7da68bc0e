package dev.mmm.benchmarks;

import dev.mmm.core.data.Dataset;
import dev.mmm.core.model.CompiledModel;
import dev.mmm.core.model.MmmFit;
import dev.mmm.core.model.ModelSpec;
import dev.mmm.sampler.InitialMetric;
import dev.mmm.sampler.Metric;
import dev.mmm.sampler.Phase;
import dev.mmm.sampler.Sampler;
import dev.mmm.sampler.SamplerSettings;
import dev.mmm.sampler.SamplingResult;
import dev.mmm.sampler.WarmupSchedule;
import dev.mmm.sampler.adapt.AdaptationWindows;
import dev.mmm.sampler.adapt.SwitchingWindows;
import dev.mmm.sampler.diagnostics.ChainReport;
import dev.mmm.sampler.diagnostics.StuckChains;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code SamplerSweep adaptation}: each way of adapting (a variant
 * {@code metric:initial:schedule:warmup[:adapt_delta[:draws]]}, e.g. {@code diagonal:unit:stan_windows:1000}, Stan's)
 * on race-size data files (file i with sampler seed {@code --race-seeds}[i], default i + 1, as
 * scripts/race-stan.sh pairs them; make them with {@code mmm simulate}, whose data the race uses) and
 * on the PyMC-Marketing example (one fit per {@code --pymc-seeds}), 4 chains x (warm-up + draws, default 1000).
 * Per fit: gradients in total, in warm-up and in sampling, min bulk-ESS (and its parameter) per
 * 1000 gradients, divergences, max R-hat and stuck chains; per chain: the gradients of each
 * warm-up phase (Stan: the fast buffer, each slow window, the terminal buffer; switching
 * windows: early, late, step size only) and of sampling, with step size and divergences. Then
 * one line per variant and data set. Gradients and ESS do not depend on machine load; seconds do.
 * The sampling coordinates are the default model's unless {@code -Dsweep.saturationCoordinates=true}
 * ({@link CompiledModel#withSaturationCoordinates}) or {@code -Dsweep.productFactor=F}
 * ({@link CompiledModel#withProductCoordinates}) is given; {@code -Dsweep.sharedWarmup=true} shares
 * the warm-up across chains ({@link SamplerSettings#sharedWarmup()}).
 */
final class AdaptationSweep {

    private AdaptationSweep() {
    }

    /**
     * Kept draws per chain when a variant does not give them: 1000, fixed, so that the commands
     * recorded in BENCHMARKS.md before the sampler's default became 1250 still run what they ran.
     */
    static final int DEFAULT_DRAWS = 1000;

    /** One way of adapting. */
    record Variant(Metric metric, InitialMetric initial, WarmupSchedule schedule, int warmup, double delta,
                   int draws) {
        static Variant parse(String text) {
            String[] parts = text.split(":");
            if (parts.length < 4 || parts.length > 6) {
                throw new IllegalArgumentException("--variants: '" + text
                        + "' is not metric:initial:schedule:warmup[:adapt_delta[:draws]]");
            }
            double delta = parts.length >= 5 ? Double.parseDouble(parts[4])
                    : SamplerSettings.defaults().targetAcceptance();
            int draws = parts.length == 6 ? Integer.parseInt(parts[5]) : DEFAULT_DRAWS;
            return new Variant(Metric.valueOf(upper(parts[0])), InitialMetric.valueOf(upper(parts[1])),
                    WarmupSchedule.valueOf(upper(parts[2])), Integer.parseInt(parts[3]), delta, draws);
        }

        private static String upper(String s) {
            return s.toUpperCase(Locale.ROOT).replace('-', '_');
        }

        /** {@code -Dsweep.sharedWarmup=true} turns on {@link SamplerSettings#sharedWarmup()} for every variant. */
        SamplerSettings settings(long seed, int threads) {
            return SamplerSettings.builder().chains(4).warmup(warmup).draws(draws).seed(seed).threads(threads)
                    .metric(metric).initialMetric(initial).warmupSchedule(schedule).targetAcceptance(delta)
                    .sharedWarmup(Boolean.getBoolean("sweep.sharedWarmup")).build();
        }

        /** Warm-up phase boundaries (0-based iterations), from 0 to the warm-up length. */
        int[] phases() {
            List<Integer> bounds = new ArrayList<>();
            bounds.add(0);
            if (schedule == WarmupSchedule.SWITCHING_WINDOWS) {
                if (warmup >= 20) {
                    bounds.add((int) (SwitchingWindows.EARLY_FRACTION * warmup));
                    bounds.add(warmup - (int) Math.ceil(SwitchingWindows.FINAL_FRACTION * warmup));
                }
            } else {
                AdaptationWindows w = new AdaptationWindows(warmup);
                if (w.initBuffer() > 0) {
                    bounds.add(w.initBuffer());
                }
                for (int end : AdaptationWindows.windowEnds(warmup, w.initBuffer(), w.termBuffer(), w.baseWindow())) {
                    bounds.add(end + 1);
                }
            }
            if (bounds.get(bounds.size() - 1) != warmup) {
                bounds.add(warmup);
            }
            return bounds.stream().mapToInt(Integer::intValue).distinct().sorted().toArray();
        }

        @Override
        public String toString() {
            String name = (metric + " " + initial + " " + schedule + " " + warmup).toLowerCase(Locale.ROOT);
            name = delta == SamplerSettings.defaults().targetAcceptance() ? name : name + " delta " + delta;
            return draws == DEFAULT_DRAWS ? name : name + " draws " + draws;
        }
    }

    /** One fit's numbers. */
    record Fit(String data, Variant variant, long seed, double wallSeconds, long gradients, long warmupGradients,
               int divergences, double maxRhat, double minEss, String minEssName, int stuckChains) {
        double essPer1000() {
            return 1000 * minEss / gradients;
        }
    }

    static void run(Map<String, String> options, int threads) throws IOException {
        List<Variant> variants = Arrays.stream(RaceFit.required(options, "variants").split(",")).map(Variant::parse)
                .toList();
        List<Fit> fits = new ArrayList<>();
        String race = options.get("race");
        if (race != null) {
            String[] files = race.split(",");
            long[] seeds = seeds(options.get("race-seeds"), files.length);
            for (Variant v : variants) {
                for (int i = 0; i < files.length; i++) {
                    Dataset data = RaceFit.readCsv(Path.of(files[i]), "date");
                    fits.add(fit("race " + seeds[i], SamplerSweep.raceSpec(data), data, v, seeds[i], threads));
                }
            }
        }
        String pymc = options.get("pymc");
        if (pymc != null) {
            Dataset data = RaceFit.readCsv(Path.of(pymc), "date_week");
            ModelSpec spec = ModelSpec.builder().date("date_week").target("y").channels("x1", "x2")
                    .controls("event_1", "event_2", "t").yearlySeasonality(2).build();
            for (Variant v : variants) {
                for (long seed : seeds(options.getOrDefault("pymc-seeds", "1,2,3"), 0)) {
                    fits.add(fit("pymc " + seed, spec, data, v, seed, threads));
                }
            }
        }
        System.out.println();
        System.out.println("| data | variant | fits | median gradients | median min bulk-ESS per 1000 gradients"
                + " | divergences per fit | fits with 0 divergences | max R-hat | stuck chains |");
        System.out.println("|---|---|---:|---:|---:|---|---:|---:|---:|");
        for (String data : List.of("race", "pymc")) {
            for (Variant v : variants) {
                List<Fit> group = fits.stream().filter(f -> f.variant().equals(v) && f.data().startsWith(data)).toList();
                if (group.isEmpty()) {
                    continue;
                }
                System.out.printf(Locale.ROOT, "| %s | %s | %d | %.0f | %.3f | %s | %d | %.4f | %d |%n", data, v,
                        group.size(), SamplerSweep.median(group.stream().mapToDouble(Fit::gradients).toArray()),
                        SamplerSweep.median(group.stream().mapToDouble(Fit::essPer1000).toArray()),
                        group.stream().map(f -> Integer.toString(f.divergences())).toList(),
                        group.stream().filter(f -> f.divergences() == 0).count(),
                        group.stream().mapToDouble(Fit::maxRhat).max().orElse(Double.NaN),
                        group.stream().mapToInt(Fit::stuckChains).sum());
            }
        }
    }

    /** Comma-separated seeds, or 1..count when {@code text} is null. */
    private static long[] seeds(String text, int count) {
        if (text == null) {
            long[] out = new long[count];
            for (int i = 0; i < count; i++) {
                out[i] = i + 1;
            }
            return out;
        }
        return Arrays.stream(text.split(",")).mapToLong(Long::parseLong).toArray();
    }

    private static Fit fit(String name, ModelSpec spec, Dataset data, Variant variant, long seed, int threads) {
        CompiledModel model = spec.compile(data);
        // -Dsweep.saturationCoordinates=true|false compares the sampling coordinates on the same fits.
        if (System.getProperty("sweep.saturationCoordinates") != null) {
            model = model.withSaturationCoordinates(Boolean.getBoolean("sweep.saturationCoordinates"));
        }
        if (System.getProperty("sweep.productFactor") != null) {
            model = model.withProductCoordinates(Double.parseDouble(System.getProperty("sweep.productFactor")));
        }
        CountingDensity counting = new CountingDensity(model);
        SamplerSettings settings = variant.settings(seed, threads);
        int warmup = settings.warmup();
        int total = warmup + settings.draws();
        long[][] countAfter = new long[settings.chains()][total];
        int[] warmupDivergences = new int[settings.chains()];
        SamplingResult r = Sampler.sample(counting, settings, (double[][]) null,
                (chain, iteration, phase, divergences) -> {
                    int at = phase == Phase.WARMUP ? iteration - 1 : warmup + iteration - 1;
                    countAfter[chain][at] = counting.chain(chain);
                    if (phase == Phase.WARMUP) {
                        warmupDivergences[chain] = divergences;
                    }
                }, null);
        MmmFit fit = new MmmFit(spec, model, r);
        WorstParameters worst = WorstParameters.of(fit.summary());
        double maxRhat = worst.maxRhat();
        double minEss = worst.minEssBulk();
        String minName = worst.minEssName();
        long warmupGradients = 0;
        for (int c = 0; c < settings.chains(); c++) {
            warmupGradients += warmup == 0 ? 0 : countAfter[c][warmup - 1];
        }
        int stuck = (int) StuckChains.find(ChainReport.of(r)).stream().mapToInt(StuckChains.StuckChain::chain)
                .distinct().count();
        Fit f = new Fit(name, variant, seed, r.wallSeconds(), r.gradientEvaluations(), warmupGradients,
                r.divergences(), maxRhat, minEss, minName, stuck);
        System.out.printf(Locale.ROOT, "| %s | %s | seed %d | %.1f s | %d gradients (warm-up %d, sampling %d) | "
                        + "min bulk-ESS %.0f (%s) | %.3f per 1000 gradients | %d divergences | max R-hat %.4f | "
                        + "%d stuck |%n", name, variant, seed, f.wallSeconds(), f.gradients(), warmupGradients,
                f.gradients() - warmupGradients, minEss, minName, f.essPer1000(), f.divergences(), maxRhat, stuck);
        int[] phases = variant.phases();
        for (int c = 0; c < settings.chains(); c++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "|   chain %d: warm-up", c + 1));
            for (int b = 0; b + 1 < phases.length; b++) {
                long before = phases[b] == 0 ? 0 : countAfter[c][phases[b] - 1];
                long after = countAfter[c][phases[b + 1] - 1];
                line.append(String.format(Locale.ROOT, " [%d,%d) %d", phases[b], phases[b + 1], after - before));
            }
            long w = warmup == 0 ? 0 : countAfter[c][warmup - 1];
            int sampled = 0;
            for (boolean d : r.divergent()[c]) {
                sampled += d ? 1 : 0;
            }
            line.append(String.format(Locale.ROOT, "; sampling %d; step %.4f; divergences warm-up %d, sampling %d |",
                    countAfter[c][total - 1] - w, r.stepSize()[c], warmupDivergences[c], sampled));
            System.out.println(line);
        }
        System.out.flush();
        return f;
    }
}
