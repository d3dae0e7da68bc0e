package dev.mmm.spark;

import dev.mmm.core.model.ModelSpec;
import dev.mmm.sampler.SamplerSettings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mmm batch}: one model per group of a long table, as one Spark job. Writes
 * {@code DIR/batch.csv} (one row per group), {@code DIR/channels.csv} (one row per group and
 * channel) and each fitted group's fit folder under {@code DIR/<group>/}, which every other
 * {@code mmm} command reads. Runs under {@code spark-submit} on a cluster, or alone in local mode.
 */
@Command(name = "mmm batch",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Fit one model per group of a long table (CSV, Parquet or a Spark table) as one Spark job.",
            "",
            "Each group's seed comes from --seed and the group's values, so its draws are those of"
                + " 'mmm fit --seed <seed>' on the group's rows alone. A group with bad data gets its error in"
                + " batch.csv and the others go on.",
            "",
            "Writes DIR/batch.csv (group, status, error, seed, divergences, max_rhat, min_ess_bulk, wall_seconds),"
                + " DIR/channels.csv (spend, contribution, share, ROAS and marginal ROAS per group and channel,"
                + " with 90%% intervals) and each group's fit under DIR/<group>/."},
        footer = {"", "Exit codes: 0 every group fitted, 1 some group failed (see batch.csv) or bad input, 2 bad command line.",
            "", "Refresh and optimise a batch's fits: 'mmm batch refresh --help', 'mmm batch optimize --help'.",
            "", "Example:",
            "  mmm batch --data sales.parquet --group region,store --date week --target sales --channels tv,search --out fits --master local[2]"})
public final class BatchCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "PATH", description = "The long table: a CSV file or folder (header row), or Parquet (.parquet, or --format).")
    String data;

    @Option(names = "--table", paramLabel = "NAME", description = "A table of the Spark catalog (a warehouse table) instead of --data.")
    String table;

    @Option(names = "--format", defaultValue = "auto", paramLabel = "F", description = "csv, parquet or auto (by the name: *.parquet is Parquet). Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--group", required = true, split = ",", paramLabel = "COLUMN", description = "Group columns, comma-separated: one model per distinct combination.")
    List<String> group;

    @Option(names = "--date", defaultValue = "date", paramLabel = "COLUMN", description = "Date column (ISO yyyy-MM-dd). Default: ${DEFAULT-VALUE}.")
    String date;

    @Option(names = "--target", paramLabel = "COLUMN", description = "Column to explain (not with --spec).")
    String target;

    @Option(names = "--channels", split = ",", paramLabel = "COLUMN", description = "Media spend columns, comma-separated (not with --spec).")
    List<String> channels = new ArrayList<>();

    @Option(names = "--controls", split = ",", paramLabel = "COLUMN", description = "Control columns, comma-separated (not with --spec).")
    List<String> controls = new ArrayList<>();

    @Option(names = "--yearly-seasonality", defaultValue = "0", paramLabel = "N", description = "Fourier order of yearly seasonality (not with --spec). Default: ${DEFAULT-VALUE}.")
    int yearlySeasonality;

    @Option(names = "--spec", paramLabel = "FILE", description = "A model spec in JSON (docs/MODEL-DSL.md) for every group, instead of the default model of --target/--channels.")
    Path specFile;

    @Option(names = "--chains", defaultValue = "4", paramLabel = "N", description = "Chains. Default: ${DEFAULT-VALUE}.")
    int chains;

    @Option(names = "--warmup", defaultValue = "" + SamplerSettings.DEFAULT_WARMUP, paramLabel = "N", description = "Warm-up iterations per chain. Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--draws", defaultValue = "" + SamplerSettings.DEFAULT_DRAWS, paramLabel = "N", description = "Kept draws per chain. Default: ${DEFAULT-VALUE}.")
    int draws;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Master seed; each group's seed is derived from it and the group's values. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder: a local path or any Hadoop URI (hdfs://, s3a://...).")
    String out;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (local[N], spark://..., yarn). Default: spark-submit's, else local[*].")
    String master;

    @Option(names = "--partitions", defaultValue = "0", paramLabel = "N", description = "Tasks to spread the groups over (0 = one per group). Default: ${DEFAULT-VALUE}.")
    int partitions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    /** Exit code when some group failed: the others are written all the same. */
    public static final int SOME_GROUPS_FAILED = 1;

    /** {@code mmm batch ...} fits; {@code mmm batch refresh ...} and {@code mmm batch optimize ...} as their commands say. */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("refresh")) {
            System.exit(refreshCommandLine().execute(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("optimize")) {
            System.exit(optimizeCommandLine().execute(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        System.exit(commandLine().execute(args));
    }

    /** The batch fit's command line with one-line errors: exit 2 for a bad command line, 1 for anything else. */
    public static CommandLine commandLine() {
        return withOneLineErrors(new CommandLine(new BatchCommand()));
    }

    /** {@code mmm batch refresh}'s command line ({@link BatchRefreshCommand}). */
    public static CommandLine refreshCommandLine() {
        return withOneLineErrors(new CommandLine(new BatchRefreshCommand()));
    }

    /** {@code mmm batch optimize}'s command line ({@link BatchOptimizeCommand}). */
    public static CommandLine optimizeCommandLine() {
        return withOneLineErrors(new CommandLine(new BatchOptimizeCommand()));
    }

    private static CommandLine withOneLineErrors(CommandLine cl) {
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("mmm: error: " + oneLine(ex.getMessage()) + " (see '"
                    + ex.getCommandLine().getCommandName() + " --help')");
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            cmd.getErr().println("mmm: error: " + GroupFitter.message(ex));
            return 1;
        });
        return cl;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = commandSpec.commandLine().getOut();
        PrintWriter stderr = commandSpec.commandLine().getErr();
        ModelSpec spec = spec();
        require(chains >= 1, "--chains must be at least 1, got " + chains);
        require(warmup >= 0, "--warmup must be at least 0, got " + warmup);
        require(draws >= 1, "--draws must be at least 1, got " + draws);
        require(partitions >= 0, "--partitions must be at least 0 (0 = one per group), got " + partitions);
        require((data == null) != (table == null), "give exactly one of --data and --table");
        require(group.stream().noneMatch(String::isBlank), "--group has an empty column name");

        SparkSession spark = session(master, "mmm batch");
        try {
            Dataset<Row> input = read(spark, data, table, format);
            BatchFit.Builder batch = BatchFit.builder()
                    .groupColumns(group.toArray(new String[0]))
                    .plan(GroupPlan.shared(spec, SamplerPlan.of(chains, warmup, draws)))
                    .masterSeed(seed)
                    .output(out);
            if (partitions > 0) {
                batch.partitions(partitions);
            }
            List<Row> rows = new ArrayList<>(batch.build().run(input).collectAsList());
            return writeResults(rows, out, spark, stdout, stderr, Map.of());
        } finally {
            spark.stop();
        }
    }

    /**
     * Writes {@code batch.csv}, {@code channels.csv} and {@code more} files (name to text) of
     * result rows ({@link GroupResult#schema} or a superset) under {@code out}, prints a line per
     * group, and gives the exit code: 0 if every group fitted, {@link #SOME_GROUPS_FAILED} if not.
     */
    static int writeResults(List<Row> rows, String out, SparkSession spark, PrintWriter stdout, PrintWriter stderr,
                            Map<String, java.util.function.Function<List<Row>, String>> more) throws java.io.IOException {
        rows.sort(Comparator.comparing(r -> r.<String>getAs("group")));
        FitOutput output = FitOutput.to(out, spark.sparkContext().hadoopConfiguration());
        BatchFiles.writeText(output, BatchFiles.BATCH_FILE, BatchFiles.batchCsv(rows));
        BatchFiles.writeText(output, BatchFiles.CHANNELS_FILE, BatchFiles.channelsCsv(rows));
        List<String> written = new ArrayList<>(List.of(BatchFiles.BATCH_FILE, BatchFiles.CHANNELS_FILE));
        for (Map.Entry<String, java.util.function.Function<List<Row>, String>> file : new java.util.TreeMap<>(more).entrySet()) {
            BatchFiles.writeText(output, file.getKey(), file.getValue().apply(rows));
            written.add(file.getKey());
        }
        long failed = rows.stream().filter(r -> !GroupResult.OK.equals(r.getAs("status"))).count();
        for (Row r : rows) {
            String status = r.getAs("status");
            stdout.printf(Locale.ROOT, "%-24s %-5s seed %-20d %s%n", r.<String>getAs("group"), status,
                    r.<Long>getAs("seed"), GroupResult.OK.equals(status)
                            ? String.format(Locale.ROOT, "divergences %d, max R-hat %.3f, min bulk ESS %.0f, %.1f s",
                                    r.<Long>getAs("divergences"), r.<Double>getAs("max_rhat"),
                                    r.<Double>getAs("min_ess_bulk"), r.<Double>getAs("wall_seconds"))
                            : r.<String>getAs("error"));
        }
        stdout.println();
        stdout.println("Wrote " + written.stream().map(f -> out + "/" + f).collect(java.util.stream.Collectors.joining(", "))
                + " and " + (rows.size() - failed) + " fit folders (" + rows.size() + " groups, " + failed + " failed)");
        stdout.flush();
        if (failed > 0) {
            stderr.println("mmm: error: " + failed + " of " + rows.size() + " groups failed; their errors are in "
                    + out + "/" + BatchFiles.BATCH_FILE);
            stderr.flush();
            return SOME_GROUPS_FAILED;
        }
        return 0;
    }

    private ModelSpec spec() throws java.io.IOException {
        if (specFile != null) {
            require(target == null && channels.isEmpty() && controls.isEmpty() && yearlySeasonality == 0,
                    "--spec names the target, channels and controls; do not give --target, --channels, --controls"
                            + " or --yearly-seasonality with it");
            return ModelSpec.fromJson(Files.readString(specFile));
        }
        require(target != null, "--target is needed (or --spec)");
        require(!channels.isEmpty() && channels.stream().noneMatch(String::isBlank),
                "--channels must name at least one column, without empty names (or give --spec)");
        require(controls.stream().noneMatch(String::isBlank), "--controls has an empty column name");
        require(yearlySeasonality >= 0 && yearlySeasonality <= 20,
                "--yearly-seasonality must be between 0 and 20, got " + yearlySeasonality);
        // mmm fit's default model, built from the same flags the same way.
        return ModelSpec.builder()
                .date(date)
                .target(target)
                .channels(channels.toArray(new String[0]))
                .controls(controls.toArray(new String[0]))
                .yearlySeasonality(yearlySeasonality)
                .build();
    }

    /** A Spark session on {@code master}, else spark-submit's, else {@code local[*]}. */
    static SparkSession session(String master, String appName) {
        SparkSession.Builder builder = SparkSession.builder().appName(appName);
        String effective = master != null ? master : new SparkConf().get("spark.master", "local[*]");
        builder.master(effective);
        if (effective.startsWith("local")) {
            // Several local runs side by side would fight over the UI's port; local mode has no use for it.
            builder.config("spark.ui.enabled", "false");
        }
        SparkSession spark = builder.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        return spark;
    }

    /** The long table: a catalog table, or a CSV or Parquet file or folder. */
    static Dataset<Row> read(SparkSession spark, String data, String table, String format) {
        if (table != null) {
            return spark.table(table);
        }
        String kind = switch (format.toLowerCase(Locale.ROOT)) {
            case "auto" -> data.toLowerCase(Locale.ROOT).endsWith(".parquet") ? "parquet" : "csv";
            case "csv", "parquet" -> format.toLowerCase(Locale.ROOT);
            default -> throw new IllegalArgumentException("--format must be csv, parquet or auto, got '" + format + "'");
        };
        if (kind.equals("parquet")) {
            return spark.read().parquet(data);
        }
        // Every cell as its text, exactly as mmm fit's CSV reader sees it (no type inference).
        return spark.read().option("header", "true").option("inferSchema", "false").csv(data);
    }

    static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
