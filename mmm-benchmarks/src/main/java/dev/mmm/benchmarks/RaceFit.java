package dev.mmm.benchmarks;

import dev.mmm.core.data.DataException;
import dev.mmm.core.data.Dataset;
import dev.mmm.core.model.Mmm;
import dev.mmm.core.model.MmmFit;
import dev.mmm.core.model.ModelSpec;
import dev.mmm.sampler.InitialMetric;
import dev.mmm.sampler.Metric;
import dev.mmm.sampler.SamplerSettings;
import dev.mmm.sampler.SamplingResult;
import dev.mmm.sampler.diagnostics.ParameterSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Our side of the race straight through the library, for when the CLI is not at hand:
 * {@code simulate} writes {@link BenchmarkData} as CSV, {@code fit} fits the default model
 * and writes a {@code summary.json} with the fields the race compares (the same as
 * {@code mmm fit}'s). Options mirror {@code mmm fit} and {@code mmm simulate}.
 *
 * <pre>
 * java -cp benchmarks.jar dev.mmm.benchmarks.RaceFit simulate --weeks 156 --channels 6 --controls 2 --seed 1 --out data.csv
 * java -cp benchmarks.jar dev.mmm.benchmarks.RaceFit fit --data data.csv --date date --target y --channels ch1,ch2
 *      [--controls c1] [--yearly-seasonality 2] [--chains 4] [--warmup 1000] [--draws 1000] [--seed 1] [--threads 2]
 *      [--metric diagonal|dense|diagonal-gradient] [--initial-metric unit|gradient-refreshed|gradient] [--intercept centred|plain] [--product-factor F] --out DIR
 * </pre>
 */
public final class RaceFit {

    private RaceFit() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0 || !(args[0].equals("fit") || args[0].equals("simulate"))) {
            System.err.println("usage: RaceFit fit|simulate --option value ... (see the class comment)");
            System.exit(2);
        }
        Map<String, String> options = parseOptions(args);
        try {
            if (args[0].equals("simulate")) {
                simulate(options);
            } else {
                fit(options);
            }
        } catch (IllegalArgumentException e) { // DataException and SpecException included
            System.err.println("RaceFit: " + e.getMessage());
            System.exit(2);
        } catch (java.nio.file.NoSuchFileException e) {
            System.err.println("RaceFit: no such file: " + e.getFile());
            System.exit(2);
        }
    }

    static Map<String, String> parseOptions(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("options come in --name value pairs; bad at '" + args[i] + "'");
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private static int intOption(Map<String, String> options, String name, int fallback) {
        String value = options.get(name);
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be an integer, got '" + value + "'");
        }
    }

    private static void simulate(Map<String, String> options) throws IOException {
        int weeks = intOption(options, "weeks", 156);
        Dataset data = BenchmarkData.generate(weeks, intOption(options, "channels", 6),
                intOption(options, "controls", 2), false, intOption(options, "seed", 1));
        StringBuilder csv = new StringBuilder("date");
        List<String> names = data.columnNames();
        for (String name : names) {
            csv.append(',').append(name);
        }
        csv.append('\n');
        List<double[]> columns = new ArrayList<>();
        for (String name : names) {
            columns.add(data.column(name));
        }
        for (int t = 0; t < data.rows(); t++) {
            csv.append(data.date(t));
            for (double[] column : columns) {
                csv.append(',').append(column[t]);
            }
            csv.append('\n');
        }
        Files.writeString(Path.of(required(options, "out")), csv, StandardCharsets.UTF_8);
    }

    /** Reads an ISO-dated CSV of plain numbers (no quoting): what our simulators write. */
    static Dataset readCsv(Path path, String dateColumn) throws IOException {
        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new DataException(path + ": the file is empty");
        }
        String[] header = lines.get(0).replace("\"", "").split(",", -1);
        int dateIndex = List.of(header).indexOf(dateColumn);
        if (dateIndex < 0) {
            throw new DataException(path + ": no column '" + dateColumn + "'");
        }
        int rows = lines.size() - 1;
        while (rows > 0 && lines.get(rows).isBlank()) {
            rows--;
        }
        LocalDate[] dates = new LocalDate[rows];
        double[][] values = new double[header.length][rows];
        for (int r = 0; r < rows; r++) {
            String[] cells = lines.get(r + 1).replace("\"", "").split(",", -1);
            if (cells.length != header.length) {
                throw new DataException(path + ": row " + (r + 1) + " has " + cells.length + " cells, the header "
                        + header.length);
            }
            for (int c = 0; c < header.length; c++) {
                try {
                    if (c == dateIndex) {
                        dates[r] = LocalDate.parse(cells[c]);
                    } else {
                        values[c][r] = Double.parseDouble(cells[c]);
                    }
                } catch (DateTimeParseException | NumberFormatException e) {
                    throw new DataException(path + ": row " + (r + 1) + ", column '" + header[c] + "': cannot read '"
                            + cells[c] + "'");
                }
            }
        }
        LinkedHashMap<String, double[]> columns = new LinkedHashMap<>();
        for (int c = 0; c < header.length; c++) {
            if (c != dateIndex) {
                columns.put(header[c], values[c]);
            }
        }
        return Dataset.of(dateColumn, dates, columns);
    }

    private static MmmFit fitIn(ModelSpec spec, Dataset data, SamplerSettings settings, boolean centred,
                                double productFactor) {
        dev.mmm.core.model.CompiledModel model = spec.compile(data).withCentredIntercept(centred)
                .withProductCoordinates(productFactor);
        return new MmmFit(spec, model, dev.mmm.sampler.Sampler.sample(model, settings, (double[][]) null, null, null));
    }

    private static void fit(Map<String, String> options) throws IOException {
        String date = required(options, "date");
        Dataset data = readCsv(Path.of(required(options, "data")), date);
        String[] channels = required(options, "channels").split(",");
        String controlList = options.getOrDefault("controls", "");
        String[] controls = controlList.isEmpty() ? new String[0] : controlList.split(",");
        ModelSpec.Builder spec = ModelSpec.builder().date(date).target(required(options, "target"))
                .channels(channels).controls(controls);
        int order = intOption(options, "yearly-seasonality", 0);
        if (order > 0) {
            spec.yearlySeasonality(order);
        }
        SamplerSettings settings = SamplerSettings.builder()
                .chains(intOption(options, "chains", 4))
                .warmup(intOption(options, "warmup", 1000))
                .draws(intOption(options, "draws", 1000))
                .seed(intOption(options, "seed", 1))
                .threads(intOption(options, "threads", 0))
                .metric(metric(options.getOrDefault("metric", SamplerSettings.defaults().metric().name())))
                .initialMetric(initialMetric(options.getOrDefault("initial-metric",
                        SamplerSettings.defaults().initialMetric().name())))
                .build();
        // --intercept plain samples the intercept as it is (the coordinates before the centred
        // intercept became the default), to compare the two on the same data.
        String intercept = options.getOrDefault("intercept", "centred");
        if (!intercept.equals("centred") && !intercept.equals("plain")) {
            throw new IllegalArgumentException("--intercept must be centred or plain, got '" + intercept + "'");
        }
        ModelSpec built = spec.build();
        double productFactor = Double.parseDouble(options.getOrDefault("product-factor", "0"));
        MmmFit fit = intercept.equals("centred") && productFactor == 0.0 ? Mmm.fit(built, data, settings)
                : fitIn(built, data, settings, intercept.equals("centred"), productFactor);
        Path out = Path.of(required(options, "out"));
        Files.createDirectories(out);
        Files.writeString(out.resolve("summary.json"), summaryJson(fit, settings), StandardCharsets.UTF_8);
        SamplingResult r = fit.samplingResult();
        System.err.printf(Locale.ROOT, "RaceFit: %d chains x (%d + %d) in %.1f s, %d divergences%n",
                settings.chains(), settings.warmup(), settings.draws(), r.wallSeconds(), r.divergences());
        // Adapted step size and, over the kept draws, mean tree depth and leapfrog steps per chain:
        // to compare with Stan's get_sampler_params (run_stan.R prints the same three).
        double[] stepSizes = r.stepSize();
        for (int c = 0; c < stepSizes.length; c++) {
            double depth = 0;
            double steps = 0;
            int[] d = r.treeDepth()[c];
            int[] l = r.leapfrogSteps()[c];
            for (int i = 0; i < d.length; i++) {
                depth += d[i];
                steps += l[i];
            }
            System.err.printf(Locale.ROOT, "RaceFit: chain %d step size %.4f, mean tree depth %.2f, mean leapfrog steps %.1f%n",
                    c + 1, stepSizes[c], depth / d.length, steps / l.length);
        }
    }

    private static Metric metric(String name) {
        try {
            return Metric.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--metric must be one of " + java.util.Arrays.toString(Metric.values())
                    + ", got '" + name + "'");
        }
    }

    private static InitialMetric initialMetric(String name) {
        try {
            return InitialMetric.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--initial-metric must be one of "
                    + java.util.Arrays.toString(InitialMetric.values()) + ", got '" + name + "'");
        }
    }

    static String summaryJson(MmmFit fit, SamplerSettings settings) {
        SamplingResult r = fit.samplingResult();
        StringBuilder json = new StringBuilder("{\n");
        json.append(String.format(Locale.ROOT,
                "  \"library\": \"ours\", \"chains\": %d, \"warmup\": %d, \"draws\": %d, \"seed\": %d, \"threads\": %d,%n"
                        + "  \"wall_seconds\": %s, \"warmup_seconds\": %s, \"sampling_seconds\": %s,%n"
                        + "  \"gradient_evaluations\": %d, \"divergences\": %d, \"max_treedepth_hits\": %d,%n"
                        + "  \"parameters\": [%n",
                settings.chains(), settings.warmup(), settings.draws(), settings.seed(), settings.effectiveThreads(),
                number(r.wallSeconds()), number(r.warmupSeconds()), number(r.samplingSeconds()),
                r.gradientEvaluations(), r.divergences(), r.maxTreeDepthHits()));
        List<ParameterSummary> summary = fit.summary();
        for (int i = 0; i < summary.size(); i++) {
            ParameterSummary p = summary.get(i);
            json.append(String.format(Locale.ROOT,
                    "    {\"name\": \"%s\", \"mean\": %s, \"sd\": %s, \"q05\": %s, \"q50\": %s, \"q95\": %s, "
                            + "\"rhat\": %s, \"ess_bulk\": %s, \"ess_tail\": %s, \"mcse_mean\": %s}%s%n",
                    p.name(), number(p.mean()), number(p.sd()), number(p.q05()), number(p.q50()), number(p.q95()),
                    number(p.rhat()), number(p.essBulk()), number(p.essTail()), number(p.mcseMean()),
                    i + 1 < summary.size() ? "," : ""));
        }
        return json.append("  ]\n}\n").toString();
    }

    /** JSON has no NaN or infinity: null stands for a diagnostic that could not be computed. */
    private static String number(double x) {
        return Double.isFinite(x) ? Double.toString(x) : "null";
    }
}
