package dev.mmm.spark;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mmm batch optimize}: the budget optimiser on every group's fit folder of a batch
 * ({@link BatchOptimize}); writes {@code allocation.csv}, one row per group and channel.
 */
@Command(name = "mmm batch optimize",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Optimise the budget of every group of a batch (FITS/<group>/ fit folders) over the --periods after its"
                + " data, as one Spark job (docs/optimize.md).",
            "",
            "With --budget, every group FITS/batch.csv lists as fitted gets that budget; with --budgets, each group"
                + " of that table (the group columns and --budget-column) gets its own. Budgets and amounts are totals"
                + " over the window. A group without a fit or a budget gets an error row; the others go on.",
            "",
            "Writes DIR/allocation.csv: group, the group columns, status, error, budget, periods, channel, current,"
                + " optimal, change, lower, upper, mroas_mean, mroas_q05, mroas_q95 (at the optimum), uplift_mean,"
                + " uplift_q05, uplift_q95 (optimal - current incremental target, 90%% interval) and converged."},
        footer = {"", "Exit codes: 0 every group optimised, 1 some group failed (see allocation.csv) or bad input, 2 bad command line.",
            "", "Example:",
            "  mmm batch optimize --fits fits-2026-12 --group region,store --budgets budgets.csv --periods 13 --bounds tv=0.5x:1.5x --out plan"})
final class BatchOptimizeCommand implements Callable<Integer> {

    @Option(names = "--fits", required = true, paramLabel = "DIR", description = "A batch's output folder (its batch.csv and <group>/ fit folders).")
    String fits;

    @Option(names = "--group", required = true, split = ",", paramLabel = "COLUMN", description = "Group columns, as in the batch.")
    List<String> group;

    @Option(names = "--budget", paramLabel = "B", description = "One budget (total over the window) for every fitted group.")
    Double budget;

    @Option(names = "--budgets", paramLabel = "CSV", description = "A table of the group columns and a budget column: each group's budget.")
    String budgets;

    @Option(names = "--budget-column", defaultValue = "budget", paramLabel = "COLUMN", description = "The budget column of --budgets. Default: ${DEFAULT-VALUE}.")
    String budgetColumn;

    @Option(names = "--periods", required = true, paramLabel = "N", description = "Length of the window after each group's data.")
    int periods;

    @Option(names = "--bounds", split = ",", paramLabel = "CH=B", description = "Per channel: lo:hi (money), 0.5x:1.5x (relative to the reference window) or locked.")
    Map<String, String> bounds = new LinkedHashMap<>();

    @Option(names = "--objective", defaultValue = "mean", paramLabel = "O", description = "mean, mean-sd:K or cvar:Q. Default: ${DEFAULT-VALUE}.")
    String objective;

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
        BatchCommand.require((budget == null) != (budgets == null), "give exactly one of --budget and --budgets");
        BatchCommand.require(periods >= 1, "--periods must be at least 1, got " + periods);
        BatchCommand.require(partitions >= 0, "--partitions must be at least 0 (0 = one per group), got " + partitions);
        BatchCommand.require(group.stream().noneMatch(String::isBlank), "--group has an empty column name");
        BatchOptimize.Builder builder = BatchOptimize.builder().groupColumns(group.toArray(new String[0])).fits(fits)
                .periods(periods).objective(objective);
        bounds.forEach(builder::bound);
        if (budget != null) {
            builder.budget(budget);
        } else {
            builder.budgetColumn(budgetColumn);
        }
        if (partitions > 0) {
            builder.partitions(partitions);
        }
        BatchOptimize optimize = builder.build();
        SparkSession spark = BatchCommand.session(master, "mmm batch optimize");
        try {
            List<Row> rows = new ArrayList<>((budgets == null ? optimize.runFitted(spark)
                    : optimize.run(BatchCommand.read(spark, budgets, null, "auto"))).collectAsList());
            rows.sort(Comparator.comparing((Row r) -> r.<String>getAs("group"))
                    .thenComparing(r -> r.<String>getAs("channel"), Comparator.nullsFirst(Comparator.naturalOrder())));
            List<String> columns = new ArrayList<>(List.of("group"));
            columns.addAll(group);
            columns.addAll(OptimizeResult.COLUMNS.subList(1, OptimizeResult.COLUMNS.size()));
            FitOutput output = FitOutput.to(out, spark.sparkContext().hadoopConfiguration());
            output.createRoot();
            BatchFiles.writeText(output, BatchFiles.ALLOCATION_FILE, BatchFiles.tableCsv(rows, columns));
            Set<String> groups = new LinkedHashSet<>();
            Set<String> failed = new LinkedHashSet<>();
            for (Row r : rows) {
                String name = r.getAs("group");
                if (!groups.add(name)) {
                    continue;
                }
                boolean ok = GroupResult.OK.equals(r.getAs("status"));
                if (!ok) {
                    failed.add(name);
                }
                stdout.printf(Locale.ROOT, "%-24s %-5s %s%n", name, r.<String>getAs("status"), ok
                        ? String.format(Locale.ROOT, "budget %.2f, uplift %.2f [%.2f, %.2f]%s", r.<Double>getAs("budget"),
                                r.<Double>getAs("uplift_mean"), r.<Double>getAs("uplift_q05"), r.<Double>getAs("uplift_q95"),
                                r.<Boolean>getAs("converged") ? "" : " (search did not converge)")
                        : r.<String>getAs("error"));
            }
            stdout.println();
            stdout.println("Wrote " + out + "/" + BatchFiles.ALLOCATION_FILE + " (" + groups.size() + " groups, "
                    + failed.size() + " failed)");
            stdout.flush();
            if (!failed.isEmpty()) {
                stderr.println("mmm: error: " + failed.size() + " of " + groups.size() + " groups failed; their errors are in "
                        + out + "/" + BatchFiles.ALLOCATION_FILE);
                stderr.flush();
                return BatchCommand.SOME_GROUPS_FAILED;
            }
            return 0;
        } finally {
            spark.stop();
        }
    }
}
