package dev.mmm.spark;

import dev.mmm.core.data.CsvReader;
import dev.mmm.core.data.DataValidator;
import dev.mmm.core.data.Dataset;
import dev.mmm.core.io.FitFolder;
import dev.mmm.core.io.FitMetadata;
import dev.mmm.core.io.FitWriter;
import dev.mmm.core.model.Mmm;
import dev.mmm.core.model.MmmFit;
import dev.mmm.core.model.ModelSpec;
import dev.mmm.core.analysis.PosteriorAnalysis;
import dev.mmm.sampler.SamplerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The throughput benchmark of BENCHMARKS.md ("Many models as one Spark job"); a main, not a test.
 * Run by {@code scripts/bench-spark.sh GROUPS WEEKS CHANNELS CHAINS WARMUP DRAWS MASTER}.
 *
 * <p>Both arms do the same work per group: read the group's rows, validate, fit, write the fit
 * folder, and compute the channel table. The loop is {@code mmm fit}'s way: one group after the
 * other in one JVM, each group's chains on their own threads (one per chain, up to the cores).
 * The batch is {@link BatchFit} in Spark's local mode, one thread per group and as many groups at
 * once as the master has cores. One group is fitted first, outside both clocks, to warm the JIT.
 * Wall times depend on what else the machine runs; the process's CPU time per group much less,
 * so both are printed.
 */
public final class BatchThroughput {

    private BatchThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int groups = Integer.parseInt(args[0]);
        int weeks = Integer.parseInt(args[1]);
        int channelCount = Integer.parseInt(args[2]);
        SamplerPlan sampler = SamplerPlan.of(Integer.parseInt(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]));
        String master = args[6];
        long masterSeed = 1;
        Path dir = Files.createTempDirectory("mmm-spark-bench-");
        List<String> stores = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            stores.add(String.format(Locale.ROOT, "store%03d", g));
            files.add(BatchData.simulateGroup(dir.resolve("groups"), stores.get(g), 1000 + g, weeks, channelCount));
        }
        Path table = BatchData.longTable(dir.resolve("table.csv"), stores, files);
        String[] channels = new String[channelCount];
        for (int c = 0; c < channelCount; c++) {
            channels[c] = "ch" + (c + 1);
        }
        ModelSpec spec = ModelSpec.builder().date("date").target("y").channels(channels).build();
        System.out.printf(Locale.ROOT, "%d groups of %d weeks x %d channels, %d chains x (%d + %d), master %s, %d cores%n",
                groups, weeks, channelCount, sampler.chains(), sampler.warmup(), sampler.draws(), master,
                Runtime.getRuntime().availableProcessors());

        // Warm the JIT on a group that neither arm counts.
        Path warm = BatchData.simulateGroup(dir.resolve("warm"), "warm", 7, weeks, channelCount);
        fitLikeMmmFit(spec, warm, sampler.settings(1).toBuilder().threads(0).build(), dir.resolve("warm-fit"));

        long loopCpu = processCpuNanos();
        long loopStart = System.nanoTime();
        for (int g = 0; g < groups; g++) {
            long seed = new GroupKey(List.of("store"), List.of(stores.get(g))).seed(masterSeed);
            fitLikeMmmFit(spec, files.get(g), sampler.settings(seed).toBuilder().threads(0).build(),
                    dir.resolve("loop").resolve(stores.get(g)));
        }
        double loopSeconds = (System.nanoTime() - loopStart) / 1e9;
        double loopCpuSeconds = (processCpuNanos() - loopCpu) / 1e9;
        System.out.printf(Locale.ROOT, "loop of single fits (threads = one per chain): %.1f s wall, %.2f s per group;"
                + " %.1f CPU s, %.2f CPU s per group%n", loopSeconds, loopSeconds / groups, loopCpuSeconds,
                loopCpuSeconds / groups);

        long sessionStart = System.nanoTime();
        SparkSession spark = SparkSession.builder().master(master).appName("BatchThroughput")
                .config("spark.ui.enabled", "false").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        double sessionSeconds = (System.nanoTime() - sessionStart) / 1e9;
        int cores = spark.sparkContext().defaultParallelism();
        long batchCpu = processCpuNanos();
        long batchStart = System.nanoTime();
        List<Row> rows = BatchFit.builder().groupColumns("store").plan(GroupPlan.shared(spec, sampler))
                .masterSeed(masterSeed).output(dir.resolve("batch").toString()).build()
                .run(spark.read().option("header", "true").csv(table.toString())).collectAsList();
        double batchSeconds = (System.nanoTime() - batchStart) / 1e9;
        double batchCpuSeconds = (processCpuNanos() - batchCpu) / 1e9;
        spark.stop();
        double inTasks = 0;
        int ok = 0;
        for (Row r : rows) {
            inTasks += r.<Double>getAs("wall_seconds");
            ok += "ok".equals(r.getAs("status")) ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "spark session start: %.1f s%n", sessionSeconds);
        System.out.printf(Locale.ROOT, "spark batch on %d cores: %.1f s wall, %.2f s per group; %.1f CPU s, %.2f CPU s"
                + " per group (%d of %d ok)%n", cores, batchSeconds, batchSeconds / groups, batchCpuSeconds,
                batchCpuSeconds / groups, ok, rows.size());
        System.out.printf(Locale.ROOT, "one group in a task (one thread): %.2f s on average%n", inTasks / groups);
        System.out.printf(Locale.ROOT, "spark's overhead in CPU: %.2f CPU s per group ((batch CPU - loop CPU) / groups)%n",
                (batchCpuSeconds - loopCpuSeconds) / groups);
        System.out.printf(Locale.ROOT, "spark's overhead in wall: %.2f core-seconds per group ((cores x batch wall - sum of"
                + " task walls) / groups; meaningful only on idle cores)%n", (cores * batchSeconds - inTasks) / groups);
        System.out.printf(Locale.ROOT, "loop / batch wall: %.2f%n", loopSeconds / batchSeconds);
        // Same seeds, so the two arms must have written the same draws.
        for (String store : stores) {
            byte[] a = Files.readAllBytes(dir.resolve("loop").resolve(store).resolve("draws.csv"));
            byte[] b = Files.readAllBytes(dir.resolve("batch").resolve(store).resolve("draws.csv"));
            if (!java.util.Arrays.equals(a, b)) {
                throw new AssertionError(store + ": the batch's draws are not the loop's");
            }
        }
        System.out.println("every group's draws.csv is the same in both arms");
    }

    /** CPU time of every thread of this JVM so far (the JIT's and the GC's included). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** What {@code mmm fit} does for one file, plus the channel table the batch also computes. */
    private static void fitLikeMmmFit(ModelSpec spec, Path file, SamplerSettings settings, Path out) throws Exception {
        List<String> needed = GroupFitter.neededColumns(spec);
        Dataset data = CsvReader.read(file, spec.dateColumn(), needed);
        DataValidator.validate(data, spec.targetColumn(), spec.channelNames(), List.of(), 8,
                DataValidator.defaultModelParameterCount(spec.channelNames().size(), 0, 0));
        MmmFit fit = Mmm.fit(spec, data, settings);
        FitFolder.write(fit, FitWriter.summaryOf(fit, FitMetadata.none()), out);
        PosteriorAnalysis analysis = PosteriorAnalysis.of(fit);
        analysis.channels(analysis.all());
    }
}
