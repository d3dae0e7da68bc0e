package dev.mmm.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mmm.core.analysis.Refresh;
import dev.mmm.core.data.CsvReader;
import dev.mmm.core.data.Dataset;
import dev.mmm.core.io.FitFolder;
import dev.mmm.core.model.Mmm;
import dev.mmm.core.model.MmmFit;
import dev.mmm.core.model.ModelSpec;
import dev.mmm.core.optimize.AllocationResult;
import dev.mmm.core.optimize.BudgetOptimizer;
import dev.mmm.core.optimize.BudgetProblem;
import dev.mmm.core.optimize.ChannelBound;
import dev.mmm.core.optimize.PlanningWindow;
import dev.mmm.core.optimize.PosteriorDraws;
import dev.mmm.core.posterior.Posterior;
import dev.mmm.sampler.SamplerSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Batch refresh and batch optimisation in local mode, on 4 stores of 52 weeks and 2 channels:
 * a previous batch fits the first 40 weeks of s1..s3 (s4 is new); the refresh of all 52 weeks
 * gives each store the draws of a single warm-started {@code Mmm.fit} with its seed, bit for bit,
 * and s4 an error row; the optimisation of the refreshed fits gives each store the allocation of
 * {@code BudgetOptimizer.optimize} on its loaded fit, within its budget and bounds.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BatchRefreshOptimizeTest {

    static final List<String> STORES = List.of("s1", "s2", "s3", "s4");
    static final List<String> PREVIOUSLY_FITTED = List.of("s1", "s2", "s3");
    static final int OLD_WEEKS = 40;
    static final long FIT_SEED = 7;
    static final long REFRESH_SEED = 8;
    static final int REFRESH_WARMUP = 100;
    static final int PERIODS = 8;
    static final Map<String, Double> BUDGETS = Map.of("s1", 40_000.0, "s2", 60_000.0, "s3", 50_000.0, "s4", 30_000.0);
    static final double CH1_LOWER = 1_000.0;

    @TempDir
    static Path dir;
    static Map<String, Path> groupFiles = new LinkedHashMap<>();
    static Path fullTable;
    static Path previous;
    static Path refreshed;
    static SparkSession spark;
    static ModelSpec spec = ModelSpec.builder().date("date").target("y").channels("ch1", "ch2").build();

    @BeforeAll
    static void previousBatch() throws IOException {
        List<Path> full = new ArrayList<>();
        List<Path> old = new ArrayList<>();
        for (int g = 0; g < STORES.size(); g++) {
            String store = STORES.get(g);
            Path f = BatchData.simulateGroup(dir.resolve("groups"), store, 200 + g);
            groupFiles.put(store, f);
            full.add(f);
            if (PREVIOUSLY_FITTED.contains(store)) {
                Path first = dir.resolve("old-groups").resolve(store + ".csv");
                Files.createDirectories(first.getParent());
                Files.write(first, Files.readAllLines(f).subList(0, 1 + OLD_WEEKS));
                old.add(first);
            }
        }
        fullTable = BatchData.longTable(dir.resolve("full.csv"), STORES, full);
        Path oldTable = BatchData.longTable(dir.resolve("old.csv"), PREVIOUSLY_FITTED, old);
        spark = SparkSession.builder().master("local[2]").appName("BatchRefreshOptimizeTest")
                .config("spark.ui.enabled", "false").getOrCreate();
        previous = dir.resolve("previous");
        List<Row> fitted = BatchFit.builder().groupColumns("store")
                .plan(GroupPlan.shared(spec, SamplerPlan.of(2, 150, 100))).masterSeed(FIT_SEED)
                .output(previous.toString()).build().run(csv(oldTable)).collectAsList();
        assertThat(fitted).extracting(r -> r.<String>getAs("status")).containsOnly("ok");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static org.apache.spark.sql.Dataset<Row> csv(Path file) {
        return spark.read().option("header", "true").csv(file.toString());
    }

    static long seedOf(String store, long master) {
        return new GroupKey(List.of("store"), List.of(store)).seed(master);
    }

    @Test
    @Order(1)
    void refreshEqualsAWarmStartedSingleFitBitForBitAndANewGroupGetsItsErrorRow() throws IOException {
        refreshed = dir.resolve("refreshed");
        assertThatThrownBy(() -> BatchRefresh.builder().groupColumns("drift").previous("p").build())
                .hasMessageStartingWith("group column 'drift' has the name of a result column");
        List<Row> rows = BatchRefresh.builder().groupColumns("store").previous(previous.toString())
                .output(refreshed.toString()).masterSeed(REFRESH_SEED).warmup(REFRESH_WARMUP).partitions(3).build()
                .run(csv(fullTable).repartition(3)).collectAsList();
        assertThat(rows).hasSize(STORES.size());
        for (Row r : rows) {
            String store = r.getAs("store");
            if (store.equals("s4")) {
                assertThat(r.<String>getAs("status")).isEqualTo("error");
                assertThat(r.<String>getAs("error")).startsWith("no previous fit for this group: ")
                        .contains(previous.resolve("s4").toString());
                assertThat(refreshed.resolve("s4")).doesNotExist();
                continue;
            }
            assertThat(r.<String>getAs("status")).as(store + ": " + r.getAs("error")).isEqualTo("ok");
            long seed = seedOf(store, REFRESH_SEED);
            assertThat(r.<Long>getAs("seed")).isEqualTo(seed);
            // Chains and draws default to the previous fit's (2 x 100), as mmm refresh's do.
            assertThat(r.<Integer>getAs("chains")).isEqualTo(2);
            assertThat(r.<Integer>getAs("draws")).isEqualTo(100);
            assertThat(r.<Integer>getAs("warmup")).isEqualTo(REFRESH_WARMUP);

            MmmFit old = FitFolder.load(previous.resolve(store));
            Dataset data = CsvReader.read(groupFiles.get(store), "date", List.of("y", "ch1", "ch2"));
            SamplerSettings settings = SamplerSettings.builder().chains(2).warmup(REFRESH_WARMUP).draws(100).seed(seed)
                    .build();
            MmmFit single = Mmm.fit(old.spec(), data, settings, Refresh.warmStart(old, data, 2), null, null);
            MmmFit batch = FitFolder.load(refreshed.resolve(store));
            assertThat(batch.model().rows()).isEqualTo(BatchData.WEEKS);
            for (String name : single.parameterNames()) {
                assertThat(batch.posterior().column(name)).as(store + ": " + name)
                        .isEqualTo(single.posterior().column(name));
            }
            Refresh.DriftReport drift = Refresh.drift(old, single);
            assertThat(r.<String>getList(r.fieldIndex("moved"))).containsExactlyElementsOf(drift.movedChannels());
            List<Row> channels = r.getList(r.fieldIndex("drift"));
            assertThat(channels).hasSize(2);
            for (int c = 0; c < channels.size(); c++) {
                Refresh.ChannelDrift want = drift.channels().get(c);
                Row got = channels.get(c);
                assertThat(got.<String>getAs("channel")).isEqualTo(want.channel());
                assertThat(got.<Boolean>getAs("moved")).isEqualTo(want.moved());
                assertThat(got.<Row>getAs("old_roas").<Double>getAs("mean")).isEqualTo(want.oldRoas().mean());
                assertThat(got.<Row>getAs("new_roas").<Double>getAs("q95")).isEqualTo(want.newRoas().q95());
                assertThat(got.<Row>getAs("new_contribution").<Double>getAs("q05")).isEqualTo(want.newContribution().q05());
            }
            assertThat(refreshed.resolve(store).resolve("drift.json")).exists();
            assertThat(r.<String>getAs("previous_path")).endsWith("previous/" + store);
        }
    }

    @Test
    @Order(2)
    void optimisationEqualsTheOptimiserOnEachLoadedFitWithinBudgetAndBounds() throws IOException {
        StructType budgetsSchema = new StructType().add("store", DataTypes.StringType).add("budget", DataTypes.DoubleType);
        List<Row> budgetRows = new ArrayList<>();
        STORES.forEach(s -> budgetRows.add(RowFactory.create(s, BUDGETS.get(s))));
        BatchOptimize optimize = BatchOptimize.builder().groupColumns("store").fits(refreshed.toString())
                .periods(PERIODS).budgetColumn("budget").bound("ch1", CH1_LOWER + ":").build();
        List<Row> rows = optimize.run(spark.createDataFrame(budgetRows, budgetsSchema)).collectAsList();
        assertThat(rows).hasSize(2 * PREVIOUSLY_FITTED.size() + 1);
        Map<String, Double> totals = new LinkedHashMap<>();
        for (Row r : rows) {
            String store = r.getAs("store");
            if (store.equals("s4")) {
                assertThat(r.<String>getAs("status")).isEqualTo("error");
                assertThat(r.<String>getAs("error")).startsWith("no fit for this group: ");
                assertThat(r.<String>getAs("channel")).isNull();
                continue;
            }
            assertThat(r.<String>getAs("status")).as(store + ": " + r.getAs("error")).isEqualTo("ok");
            MmmFit fit = FitFolder.load(refreshed.resolve(store));
            Posterior p = fit.posterior();
            AllocationResult want = BudgetOptimizer.optimize(BudgetProblem.builder(
                            PlanningWindow.future(fit.model(), PERIODS),
                            PosteriorDraws.of(p.drawCount(), (theta, d) -> p.drawInto(d, theta)))
                    .budget(BUDGETS.get(store))
                    .bound("ch1", ChannelBound.absolute(CH1_LOWER, Double.POSITIVE_INFINITY))
                    .build());
            String channel = r.getAs("channel");
            AllocationResult.ChannelAllocation a = want.allocation().stream()
                    .filter(x -> x.channel().equals(channel)).findFirst().orElseThrow();
            assertThat(r.<Double>getAs("budget")).isEqualTo(BUDGETS.get(store));
            assertThat(r.<Double>getAs("current")).isEqualTo(a.current());
            assertThat(r.<Double>getAs("optimal")).isEqualTo(a.optimal());
            assertThat(r.<Double>getAs("change")).isEqualTo(a.change());
            assertThat(r.<Double>getAs("uplift_mean")).isEqualTo(want.uplift().mean());
            assertThat(r.<Double>getAs("mroas_q05")).isEqualTo(want.mroas().stream()
                    .filter(m -> m.channel().equals(channel)).findFirst().orElseThrow().mroas().q05());
            if (channel.equals("ch1")) {
                assertThat(a.optimal()).isGreaterThanOrEqualTo(CH1_LOWER - 1e-9);
                assertThat(r.<Double>getAs("lower")).isEqualTo(CH1_LOWER);
            }
            totals.merge(store + " optimal", a.optimal(), Double::sum);
            totals.merge(store + " current", r.<Double>getAs("current"), Double::sum);
        }
        for (String store : PREVIOUSLY_FITTED) {
            assertThat(totals.get(store + " optimal")).isCloseTo(BUDGETS.get(store), within(1e-6));
            assertThat(totals.get(store + " current")).isCloseTo(BUDGETS.get(store), within(1e-6));
        }
        assertThatThrownBy(() -> BatchOptimize.builder().groupColumns("store").fits("f").periods(4).build())
                .hasMessage("give exactly one of a budget for every group and a budget column");
        assertThatThrownBy(() -> BatchOptimize.builder().groupColumns("store").fits("f").periods(4).budget(1)
                .bound("tv", "2:1").build()).hasMessageContaining("bounds tv");
    }

    @Test
    @Order(3)
    void theCommandLineRefreshesAndOptimisesTheSameWay() throws IOException {
        Path cliRefresh = dir.resolve("cli-refresh");
        Run refresh = run(BatchCommand.refreshCommandLine(), "--previous", previous.toString(), "--data",
                fullTable.toString(), "--group", "store", "--seed", Long.toString(REFRESH_SEED), "--warmup",
                Integer.toString(REFRESH_WARMUP), "--out", cliRefresh.toString(), "--master", "local[2]");
        assertThat(refresh.code()).as(refresh.err()).isEqualTo(BatchCommand.SOME_GROUPS_FAILED);
        assertThat(refresh.err()).contains("1 of 4 groups failed");
        Map<String, Map<String, String>> batch = BatchFitTest.readCsv(cliRefresh.resolve("batch.csv"), "group");
        assertThat(batch.get("s4").get("status")).isEqualTo("error");
        for (String store : PREVIOUSLY_FITTED) {
            assertThat(batch.get(store).get("status")).isEqualTo("ok");
            assertThat(Files.readAllBytes(cliRefresh.resolve(store).resolve("draws.csv")))
                    .isEqualTo(Files.readAllBytes(refreshed.resolve(store).resolve("draws.csv")));
        }
        assertThat(Files.readAllLines(cliRefresh.resolve("drift.csv"))).hasSize(1 + 2 * PREVIOUSLY_FITTED.size());

        // One budget for every group batch.csv lists as fitted: s4 (failed) is not among them.
        Path cliOptimize = dir.resolve("cli-optimize");
        Run optimize = run(BatchCommand.optimizeCommandLine(), "--fits", cliRefresh.toString(), "--group", "store",
                "--budget", "50000", "--periods", Integer.toString(PERIODS), "--out", cliOptimize.toString(),
                "--master", "local[2]");
        assertThat(optimize.code()).as(optimize.err()).isZero();
        List<String> lines = Files.readAllLines(cliOptimize.resolve("allocation.csv"));
        assertThat(lines).hasSize(1 + 2 * PREVIOUSLY_FITTED.size());
        List<String> header = List.of(lines.get(0).split(","));
        Map<String, Double> totals = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertThat(cells[header.indexOf("status")]).isEqualTo("ok");
            totals.merge(cells[0], Double.parseDouble(cells[header.indexOf("optimal")]), Double::sum);
        }
        assertThat(totals.keySet()).containsExactlyElementsOf(PREVIOUSLY_FITTED);
        totals.values().forEach(t -> assertThat(t).isCloseTo(50_000.0, within(1e-6)));

        // A budgets file: s2's budget cell is empty, so s2 gets its error and s1 its own budget.
        Path budgets = dir.resolve("budgets.csv");
        Files.writeString(budgets, "store,q1\ns1,40000\ns2,\n");
        Path cliBudgets = dir.resolve("cli-budgets");
        Run perGroup = run(BatchCommand.optimizeCommandLine(), "--fits", cliRefresh.toString(), "--group", "store",
                "--budgets", budgets.toString(), "--budget-column", "q1", "--periods", Integer.toString(PERIODS),
                "--out", cliBudgets.toString(), "--master", "local[1]");
        assertThat(perGroup.code()).as(perGroup.err()).isEqualTo(BatchCommand.SOME_GROUPS_FAILED);
        assertThat(perGroup.err()).contains("1 of 2 groups failed");
        assertThat(perGroup.out()).contains("no budget given");
        lines = Files.readAllLines(cliBudgets.resolve("allocation.csv"));
        assertThat(lines).hasSize(1 + 2 + 1);
        double s1 = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            if (cells[0].equals("s1")) {
                s1 += Double.parseDouble(cells[header.indexOf("optimal")]);
            } else {
                assertThat(cells[header.indexOf("status")]).isEqualTo("error");
                assertThat(cells[header.indexOf("error")]).isEqualTo("group store=s2: no budget given");
            }
        }
        assertThat(s1).isCloseTo(40_000.0, within(1e-6));
    }

    record Run(int code, String out, String err) {
    }

    static Run run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
