package dev.mmm.benchmarks;

import dev.mmm.core.data.Dataset;
import dev.mmm.core.model.CompiledModel;
import dev.mmm.core.model.MmmFit;
import dev.mmm.core.model.ModelSpec;
import dev.mmm.sampler.Sampler;
import dev.mmm.sampler.SamplerSettings;
import dev.mmm.sampler.SamplingResult;
import dev.mmm.sampler.WarmStart;
import dev.mmm.sampler.diagnostics.ChainReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Two measurements of the sampler's settings on the default model, printed as Markdown tables
 * for BENCHMARKS.md.
 *
 * <p>{@code adapt-delta}: divergences, wall time and min bulk-ESS per second of each fit at each
 * target acceptance (adapt_delta), on the PyMC-Marketing example data (one fit per seed) and on
 * race-size data files (file i fitted with seed i, as scripts/race-stan.sh pairs them).
 *
 * <p>{@code refresh}: a cold fit on all but the last {@code --new-weeks} rows, then the refit
 * on every row warm-started from its adaptation with {@code --warm-warmup} iterations (each
 * {@link WarmStart.Retune}), beside cold refits with the full and with the short warm-up.
 *
 * <p>{@code adaptation}: where each fit's gradients go under each way of adapting
 * ({@link AdaptationSweep}).
 *
 * <pre>
 * java -cp benchmarks.jar dev.mmm.benchmarks.SamplerSweep adapt-delta --deltas 0.8,0.9,0.95 --seeds 1,2,3
 *      [--pymc example.csv] [--race data-1.csv,data-2.csv,data-3.csv] [--threads 2]
 * java -cp benchmarks.jar dev.mmm.benchmarks.SamplerSweep refresh --race data.csv [--new-weeks 8]
 *      [--warm-warmup 250] [--seed 1] [--threads 2] [--references false]
 * java -cp benchmarks.jar dev.mmm.benchmarks.SamplerSweep adaptation --variants diagonal:unit:stan_windows:1000,...
 *      [--race data-1.csv,...] [--race-seeds 1,...] [--pymc example.csv] [--pymc-seeds 1,2,3] [--threads 2]
 * (-Dchains=1 adds each fit's chains)
 * </pre>
 */
public final class SamplerSweep {

    /** The chains of the last fit, printed beside its row when the system property {@code chains} is set. */
    private static List<ChainReport> lastReports = List.of();

    private SamplerSweep() {
    }

    /** One fit's numbers. */
    record Run(String data, String setting, long seed, double wallSeconds, long gradients, int divergences,
               double maxRhat, double minEssBulk, String minEssName, double meanStepSize) {
        double essPerSecond() {
            return minEssBulk / wallSeconds;
        }

        String row() {
            return String.format(Locale.ROOT, "| %s | %s | %d | %.1f | %d | %d | %.3f | %.0f (%s) | %.1f | %.2f | %.4f |",
                    data, setting, seed, wallSeconds, gradients, divergences, maxRhat, minEssBulk, minEssName,
                    essPerSecond(), 1000 * minEssBulk / gradients, meanStepSize);
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0 || !List.of("adapt-delta", "refresh", "adaptation").contains(args[0])) {
            System.err.println("usage: SamplerSweep adapt-delta|refresh|adaptation --option value ... (see the class comment)");
            System.exit(2);
        }
        Map<String, String> options = RaceFit.parseOptions(args);
        int threads = Integer.parseInt(options.getOrDefault("threads", "2"));
        if (args[0].equals("adaptation")) {
            AdaptationSweep.run(options, threads);
            return;
        }
        System.out.println("| data | setting | seed | wall s | gradients | divergences | max R-hat"
                + " | min bulk-ESS (parameter) | min bulk-ESS/s | per 1000 gradients | mean step size |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        if (args[0].equals("adapt-delta")) {
            adaptDelta(options, threads);
        } else {
            refresh(options, threads);
        }
    }

    private static void adaptDelta(Map<String, String> options, int threads) throws IOException {
        double[] deltas = Arrays.stream(options.getOrDefault("deltas", "0.8,0.9,0.95").split(","))
                .mapToDouble(Double::parseDouble).toArray();
        long[] seeds = Arrays.stream(options.getOrDefault("seeds", "1,2,3").split(",")).mapToLong(Long::parseLong)
                .toArray();
        List<Run> runs = new ArrayList<>();
        String pymc = options.get("pymc");
        if (pymc != null) {
            Dataset data = RaceFit.readCsv(Path.of(pymc), "date_week");
            ModelSpec spec = ModelSpec.builder().date("date_week").target("y").channels("x1", "x2")
                    .controls("event_1", "event_2", "t").yearlySeasonality(2).build();
            for (double delta : deltas) {
                for (long seed : seeds) {
                    runs.add(print(coldFit("pymc example", "adapt_delta " + delta, spec, data, delta, 1000, seed,
                            threads)));
                }
            }
        }
        String race = options.get("race");
        if (race != null) {
            String[] files = race.split(",");
            for (double delta : deltas) {
                for (int i = 0; i < files.length; i++) {
                    Dataset data = RaceFit.readCsv(Path.of(files[i]), "date");
                    runs.add(print(coldFit("race " + (i + 1), "adapt_delta " + delta, raceSpec(data), data, delta, 1000,
                            i + 1, threads)));
                }
            }
        }
        System.out.println();
        System.out.println("| data | adapt_delta | fits | divergences per fit (each) | median wall s"
                + " | median min bulk-ESS/s | median per 1000 gradients |");
        System.out.println("|---|---:|---:|---|---:|---:|---:|");
        for (String data : runs.stream().map(r -> r.data().startsWith("race") ? "race" : r.data()).distinct().toList()) {
            for (double delta : deltas) {
                String setting = "adapt_delta " + delta;
                List<Run> group = runs.stream().filter(r -> r.setting().equals(setting)
                        && (r.data().startsWith("race") ? "race" : r.data()).equals(data)).toList();
                System.out.printf(Locale.ROOT, "| %s | %s | %d | %s | %.1f | %.1f | %.2f |%n", data, delta, group.size(),
                        group.stream().map(r -> Integer.toString(r.divergences())).toList(),
                        median(group.stream().mapToDouble(Run::wallSeconds).toArray()),
                        median(group.stream().mapToDouble(Run::essPerSecond).toArray()),
                        median(group.stream().mapToDouble(r -> 1000 * r.minEssBulk() / r.gradients()).toArray()));
            }
        }
    }

    private static void refresh(Map<String, String> options, int threads) throws IOException {
        Dataset all = RaceFit.readCsv(Path.of(RaceFit.required(options, "race")), "date");
        int newWeeks = Integer.parseInt(options.getOrDefault("new-weeks", "8"));
        int warmWarmup = Integer.parseInt(options.getOrDefault("warm-warmup", "250"));
        long seed = Long.parseLong(options.getOrDefault("seed", "1"));
        Dataset old = all.slice(0, all.rows() - newWeeks);
        ModelSpec spec = raceSpec(all);
        String oldName = "first " + old.rows() + " weeks";
        String allName = "all " + all.rows() + " weeks";
        SamplerSettings cold = settings(0.8, 1000, seed, threads);
        CompiledModel oldModel = spec.compile(old);
        SamplingResult previous = Sampler.sample(oldModel, cold);
        print(run(oldName, "cold, warm-up 1000", new MmmFit(spec, oldModel, previous)));

        CompiledModel model = spec.compile(all);
        for (WarmStart.Retune retune : WarmStart.Retune.values()) {
            SamplingResult warm = Sampler.sample(model, cold.toBuilder().warmup(warmWarmup).seed(seed + 1).build(),
                    new WarmStart(previous.adaptation(), retune), null, null);
            print(run(allName, "warm start (" + retune + "), warm-up " + warmWarmup, new MmmFit(spec, model, warm)));
        }
        if (!options.getOrDefault("references", "true").equals("false")) {
            print(coldFit(allName, "cold, warm-up 1000", spec, all, 0.8, 1000, seed + 1, threads));
            print(coldFit(allName, "cold, warm-up " + warmWarmup, spec, all, 0.8, warmWarmup, seed + 1, threads));
        }
    }

    /** The race's model: the first six columns after date and y are channels, the next two controls. */
    static ModelSpec raceSpec(Dataset data) {
        List<String> others = data.columnNames().stream().filter(n -> !n.equals("y")).toList();
        return ModelSpec.builder().date("date").target("y").channels(others.subList(0, 6).toArray(new String[0]))
                .controls(others.subList(6, 8).toArray(new String[0])).yearlySeasonality(2).build();
    }

    private static SamplerSettings settings(double delta, int warmup, long seed, int threads) {
        return SamplerSettings.builder().chains(4).warmup(warmup).draws(1000).seed(seed).threads(threads)
                .targetAcceptance(delta).build();
    }

    private static Run coldFit(String name, String setting, ModelSpec spec, Dataset data, double delta, int warmup,
            long seed, int threads) {
        CompiledModel model = spec.compile(data);
        SamplingResult result = Sampler.sample(model, settings(delta, warmup, seed, threads));
        return run(name, setting, new MmmFit(spec, model, result));
    }

    private static Run run(String name, String setting, MmmFit fit) {
        WorstParameters worst = WorstParameters.of(fit.summary());
        double maxRhat = worst.maxRhat();
        double minEss = worst.minEssBulk();
        String minName = worst.minEssName();
        SamplingResult r = fit.samplingResult();
        lastReports = ChainReport.of(r);
        return new Run(name, setting, r.settings().seed(), r.wallSeconds(), r.gradientEvaluations(), r.divergences(),
                maxRhat, minEss, minName, Arrays.stream(r.stepSize()).average().orElse(Double.NaN));
    }

    private static Run print(Run run) {
        System.out.println(run.row());
        if (System.getProperty("chains") != null) {
            for (ChainReport c : lastReports) {
                System.out.printf(Locale.ROOT, "|   chain %d: step %.4f, depth %.2f, divergences %d, E-BFMI %.2f, lp %.1f +- %.1f |%n",
                        c.chain(), c.stepSize(), c.meanTreeDepth(), c.divergences(), c.ebfmi(), c.meanLogDensity(),
                        c.sdLogDensity());
            }
        }
        System.out.flush();
        return run;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }
}
