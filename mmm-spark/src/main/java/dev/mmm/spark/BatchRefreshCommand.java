package dev.mmm.spark;

import dev.mmm.core.analysis.Refresh;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mmm batch refresh}: every group of a long table refitted warm-started from a previous
 * batch's fit folder ({@link BatchRefresh}); writes what {@code mmm batch} writes plus
 * {@code drift.csv}, and {@code drift.json} in each group folder.
 */
@Command(name = "mmm batch refresh",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Refit every group of a long table (its old periods and its new ones) warm-started from a previous batch's"
                + " fit folder PREVIOUS/<group>/, as 'mmm refresh' does for one fit, as one Spark job.",
            "",
            "Each group's seed comes from --seed and the group's values. A group without a previous fit gets an"
                + " error row (fit it with 'mmm batch' first); the others go on.",
            "",
            "Writes DIR/batch.csv, DIR/channels.csv, DIR/drift.csv (per group and channel: old and new ROAS and"
                + " contribution over the previous fit's periods, with 90%% intervals, and whether the new mean left"
                + " the old interval) and each group's fit, with its drift.json, under DIR/<group>/."},
        footer = {"", "Exit codes: 0 every group refreshed, 1 some group failed (see batch.csv) or bad input, 2 bad command line.",
            "", "Example:",
            "  mmm batch refresh --previous fits-2026-11 --data sales.parquet --group region,store --seed 2 --out fits-2026-12"})
final class BatchRefreshCommand implements Callable<Integer> {

    @Option(names = "--previous", required = true, paramLabel = "DIR", description = "The previous batch's output folder (its <group>/ fit folders).")
    String previous;

    @Option(names = "--data", paramLabel = "PATH", description = "The long table, all periods: a CSV file or folder (header row), or Parquet.")
    String data;

    @Option(names = "--table", paramLabel = "NAME", description = "A table of the Spark catalog instead of --data.")
    String table;

    @Option(names = "--format", defaultValue = "auto", paramLabel = "F", description = "csv, parquet or auto (by the name). Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--group", required = true, split = ",", paramLabel = "COLUMN", description = "Group columns, as in the previous batch.")
    List<String> group;

    @Option(names = "--chains", paramLabel = "N", description = "Chains (default: the previous fit's).")
    Integer chains;

    @Option(names = "--warmup", defaultValue = "" + Refresh.DEFAULT_WARMUP, paramLabel = "N", description = "Warm-up iterations per chain. Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--draws", paramLabel = "N", description = "Kept draws per chain (default: the previous fit's).")
    Integer draws;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Master seed; give each refresh its own. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder: a local path or any Hadoop URI.")
    String out;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master. Default: spark-submit's, else local[*].")
    String master;

    @Option(names = "--partitions", defaultValue = "0", paramLabel = "N", description = "Tasks to spread the groups over (0 = one per group). Default: ${DEFAULT-VALUE}.")
    int partitions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec commandSpec;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = commandSpec.commandLine().getOut();
        PrintWriter stderr = commandSpec.commandLine().getErr();
        BatchCommand.require(chains == null || chains >= 1, "--chains must be at least 1, got " + chains);
        BatchCommand.require(warmup >= 0, "--warmup must be at least 0, got " + warmup);
        BatchCommand.require(draws == null || draws >= 1, "--draws must be at least 1, got " + draws);
        BatchCommand.require(partitions >= 0, "--partitions must be at least 0 (0 = one per group), got " + partitions);
        BatchCommand.require((data == null) != (table == null), "give exactly one of --data and --table");
        BatchCommand.require(group.stream().noneMatch(String::isBlank), "--group has an empty column name");
        BatchRefresh.Builder refresh = BatchRefresh.builder().groupColumns(group.toArray(new String[0]))
                .previous(previous).output(out).masterSeed(seed).warmup(warmup);
        if (chains != null) {
            refresh.chains(chains);
        }
        if (draws != null) {
            refresh.draws(draws);
        }
        if (partitions > 0) {
            refresh.partitions(partitions);
        }
        BatchRefresh batch = refresh.build();
        SparkSession spark = BatchCommand.session(master, "mmm batch refresh");
        try {
            List<Row> rows = new ArrayList<>(batch.run(BatchCommand.read(spark, data, table, format)).collectAsList());
            return BatchCommand.writeResults(rows, out, spark, stdout, stderr,
                    Map.of(BatchFiles.DRIFT_FILE, BatchFiles::driftCsv));
        } finally {
            spark.stop();
        }
    }
}
