package dev.mmm.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mmm.core.analysis.ChannelSummary;
import dev.mmm.core.analysis.PosteriorAnalysis;
import dev.mmm.core.data.CsvRecords;
import dev.mmm.core.io.FitFolder;
import dev.mmm.core.model.MmmFit;
import dev.mmm.core.model.ModelSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The acceptance: 8 groups fitted in local mode, each group's draws bit for bit those of
 * {@code mmm fit --seed <reported seed>} on that group's own file, with one executor thread (through
 * the command) and with two (through the API, other partitioning, shuffled rows, and a task that
 * fails once and is retried); a group with bad data and rows without a group value get their error
 * in their rows while the others finish.
 */
class BatchFitTest {

    static final long MASTER_SEED = 7;
    static final List<String> STORES = List.of("s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8");

    @TempDir
    static Path dir;
    static Map<String, Path> groupFiles = new LinkedHashMap<>();
    static Path table;
    static Map<String, MmmFit> references = new HashMap<>();

    @BeforeAll
    static void data() throws IOException {
        List<String> stores = new ArrayList<>(STORES);
        List<Path> files = new ArrayList<>();
        for (int g = 0; g < STORES.size(); g++) {
            Path f = BatchData.simulateGroup(dir.resolve("groups"), STORES.get(g), 100 + g);
            groupFiles.put(STORES.get(g), f);
            files.add(f);
        }
        // A store whose ch1 is empty in one week, and two rows whose store is empty.
        Path bad = BatchData.simulateGroup(dir.resolve("groups"), "bad", 99);
        List<String> lines = new ArrayList<>(Files.readAllLines(bad));
        lines.set(10, lines.get(10).replaceFirst("^([^,]*),[^,]*,", "$1,,"));
        Files.write(bad, lines);
        stores.add("bad");
        files.add(bad);
        Path orphans = dir.resolve("groups/orphans.csv");
        List<String> s1 = Files.readAllLines(groupFiles.get("s1"));
        Files.write(orphans, List.of(s1.get(0), s1.get(1), s1.get(2)));
        stores.add("");
        files.add(orphans);
        table = BatchData.longTable(dir.resolve("table.csv"), stores, files);
        for (String store : STORES) {
            long seed = seedOf(store);
            Path ref = dir.resolve("reference").resolve(store);
            BatchData.referenceFit(groupFiles.get(store), seed, ref);
            references.put(store, FitFolder.load(ref));
        }
    }

    static long seedOf(String store) {
        return new GroupKey(List.of("store"), List.of(store)).seed(MASTER_SEED);
    }

    @Test
    void everyGroupEqualsItsSingleFitBitForBitOnOneAndOnTwoThreads() throws Exception {
        // One executor thread, through the command line.
        Path out1 = dir.resolve("batch-local1");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = BatchCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        List<String> args = new ArrayList<>(List.of("--data", table.toString(), "--group", "store", "--date", "date",
                "--target", "y", "--channels", "ch1,ch2", "--seed", Long.toString(MASTER_SEED), "--out", out1.toString(),
                "--master", "local[1]"));
        args.addAll(List.of(BatchData.SAMPLING));
        int code = cl.execute(args.toArray(new String[0]));
        assertThat(code).as(err.toString()).isEqualTo(BatchCommand.SOME_GROUPS_FAILED);
        assertThat(err.toString()).contains("2 of 10 groups failed");

        Map<String, Map<String, String>> batch = readCsv(out1.resolve("batch.csv"), "group");
        assertThat(batch).hasSize(10);
        for (String store : STORES) {
            Map<String, String> row = batch.get(store);
            assertThat(row.get("status")).as(store + ": " + row.get("error")).isEqualTo("ok");
            assertThat(Long.parseLong(row.get("seed"))).isEqualTo(seedOf(store));
            assertSameDraws(out1.resolve(store), store);
            assertThat(Long.parseLong(row.get("divergences"))).isEqualTo(references.get(store).posterior().divergences());
        }
        assertThat(batch.get("bad").get("status")).isEqualTo("error");
        assertThat(batch.get("bad").get("error")).contains("store=bad").contains("column 'ch1'").contains("empty cell");
        // Spark reads an empty CSV cell as null: those rows are one group, and an error.
        assertThat(batch.get("%00").get("status")).isEqualTo("error");
        assertThat(batch.get("%00").get("error")).contains("group column 'store' is empty");
        assertThat(out1.resolve("bad")).doesNotExist();
        assertThat(Files.readAllLines(out1.resolve("channels.csv"))).hasSize(1 + 2 * STORES.size());

        // Two executor threads, through the API: shuffled input, 3 tasks for the 10 groups, the fits
        // written over the first run's, and the first attempt of the task holding s3 failing.
        Path marker = dir.resolve("s3-failed-once");
        SparkSession spark = SparkSession.builder().master("local[2,2]").appName("BatchFitTest")
                .config("spark.ui.enabled", "false").getOrCreate();
        try {
            Dataset<Row> input = spark.read().option("header", "true").csv(table.toString()).repartition(5);
            ModelSpec spec = ModelSpec.builder().date("date").target("y").channels("ch1", "ch2").build();
            // Mistakes the driver catches before any fit, each naming the column.
            GroupPlan sharedPlan = GroupPlan.shared(spec, SamplerPlan.of(2, 150, 100));
            assertThatThrownBy(() -> BatchFit.builder().groupColumns("region").plan(sharedPlan).build().run(input))
                    .hasMessageStartingWith("group column 'region' not found; the table's columns are: store, date");
            ModelSpec noSuchChannel = ModelSpec.builder().date("date").target("y").channels("ch1", "tv").build();
            assertThatThrownBy(() -> BatchFit.builder().groupColumns("store")
                    .plan(GroupPlan.shared(noSuchChannel, SamplerPlan.of(2, 150, 100))).build().run(input))
                    .hasMessageStartingWith("model column 'tv' not found");
            assertThatThrownBy(() -> BatchFit.builder().groupColumns("status").plan(sharedPlan).build())
                    .hasMessageStartingWith("group column 'status' has the name of a result column");

            GroupPlan plan = new FailFirstAttempt(sharedPlan, "s3",
                    marker.toString());
            List<Row> rows = BatchFit.builder().groupColumns("store").plan(plan).masterSeed(MASTER_SEED)
                    .output(out1.toString()).partitions(3).build().run(input).collectAsList();
            assertThat(marker).as("the injected failure happened").exists();
            assertThat(rows).hasSize(10);
            for (Row r : rows) {
                String store = r.getAs("store");
                if (store == null || !STORES.contains(store)) {
                    assertThat(r.<String>getAs("status")).isEqualTo("error");
                    continue;
                }
                assertThat(r.<String>getAs("status")).as(store + ": " + r.getAs("error")).isEqualTo("ok");
                assertThat(r.<Long>getAs("seed")).isEqualTo(seedOf(store));
                assertSameDraws(out1.resolve(store), store);
                assertSameChannels(r, store);
                assertThat(r.<String>getAs("fit_path")).isEqualTo(out1.resolve(store).toString());
            }

            // The same groups from Parquet with typed columns (a date, doubles): the same draws.
            Path parquet = dir.resolve("table.parquet");
            input.filter("store in ('s1', 's2')")
                    .selectExpr("store", "cast(date as date) as date", "cast(ch1 as double) as ch1",
                            "cast(ch2 as double) as ch2", "cast(y as double) as y")
                    .write().parquet(parquet.toString());
            Path out2 = dir.resolve("batch-parquet");
            List<Row> typed = BatchFit.builder().groupColumns("store")
                    .plan(sharedPlan).masterSeed(MASTER_SEED)
                    .output(out2.toString()).build().run(spark.read().parquet(parquet.toString())).collectAsList();
            assertThat(typed).hasSize(2);
            for (Row r : typed) {
                assertThat(r.<String>getAs("status")).as(r.<String>getAs("error")).isEqualTo("ok");
                assertSameDraws(out2.resolve(r.<String>getAs("store")), r.getAs("store"));
            }
        } finally {
            spark.stop();
        }
    }

    /** The batch's fit folder holds the reference fit's draws, bit for bit, and loads as a fit. */
    private static void assertSameDraws(Path fitFolder, String store) throws IOException {
        MmmFit reference = references.get(store);
        assertThat(Files.readAllBytes(fitFolder.resolve("draws.csv")))
                .as(store + ": draws.csv").isEqualTo(Files.readAllBytes(dir.resolve("reference").resolve(store).resolve("draws.csv")));
        MmmFit batch = FitFolder.load(fitFolder);
        for (String name : reference.parameterNames()) {
            assertThat(batch.posterior().column(name)).as(store + ": " + name).isEqualTo(reference.posterior().column(name));
        }
        assertThat(batch.posterior().provenance().seed()).isEqualTo(seedOf(store));
        assertThat(batch.posterior().provenance().dataSha256()).isEqualTo(reference.posterior().provenance().dataSha256());
    }

    /** The row's channels are those the analysis of the reference fit gives. */
    private static void assertSameChannels(Row r, String store) {
        PosteriorAnalysis analysis = PosteriorAnalysis.of(references.get(store)).threads(1);
        List<ChannelSummary> expected = analysis.channels(analysis.all()).channels();
        List<Row> channels = r.getList(r.fieldIndex("channels"));
        assertThat(channels).hasSize(expected.size());
        for (int c = 0; c < expected.size(); c++) {
            Row got = channels.get(c);
            ChannelSummary want = expected.get(c);
            assertThat(got.<String>getAs("channel")).isEqualTo(want.channel());
            assertThat(got.<Double>getAs("spend")).isEqualTo(want.spend());
            assertThat(interval(got.getAs("contribution"))).isEqualTo(want.contribution());
            assertThat(interval(got.getAs("share"))).isEqualTo(want.share());
            assertThat(interval(got.getAs("roas"))).isEqualTo(want.roas());
            assertThat(interval(got.getAs("mroas"))).isEqualTo(want.mroas());
        }
    }

    private static dev.mmm.core.analysis.Interval interval(Row r) {
        return new dev.mmm.core.analysis.Interval(r.getAs("mean"), r.getAs("q05"), r.getAs("q50"), r.getAs("q95"));
    }

    /** A CSV file (read with mmm's own RFC 4180 splitter) as rows keyed by one column. */
    static Map<String, Map<String, String>> readCsv(Path file, String keyColumn) throws IOException {
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        try (var reader = Files.newBufferedReader(file)) {
            CsvRecords records = new CsvRecords(reader, file.toString());
            List<String> header = records.next();
            for (List<String> cells = records.next(); cells != null; cells = records.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int j = 0; j < header.size(); j++) {
                    row.put(header.get(j), cells.get(j));
                }
                rows.put(row.get(keyColumn), row);
            }
        }
        return rows;
    }

    /** A task failure Spark retries (the fitter turns exceptions into error rows, not Errors). */
    static final class InjectedTaskFailure extends Error {
        private static final long serialVersionUID = 1L;

        InjectedTaskFailure(String message) {
            super(message);
        }
    }

    /** A plan whose first attempt at one group kills its task, leaving a marker file behind. */
    record FailFirstAttempt(GroupPlan inner, String store, String marker) implements GroupPlan {
        @Override
        public ModelSpec spec(GroupKey key) {
            if (key.values().get(0).equals(store) && TaskContext.get().attemptNumber() == 0) {
                try {
                    Files.writeString(Path.of(marker), "failed");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                throw new InjectedTaskFailure("the first attempt at " + key + " fails");
            }
            return inner.spec(key);
        }

        @Override
        public SamplerPlan sampler(GroupKey key) {
            return inner.sampler(key);
        }
    }
}
