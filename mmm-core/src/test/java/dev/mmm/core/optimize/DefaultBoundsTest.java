package dev.mmm.core.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mmm.core.data.Dataset;
import dev.mmm.core.model.CompiledModel;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The default bounds of channels without a bound of their own: a multiple of the current spend,
 * the history cap, the cap giving way to a large budget, a channel dark in the reference window,
 * the notes when a bound binds, and the messages.
 */
class DefaultBoundsTest {

    private static final int PERIODS = 13;

    private static BudgetProblem.Builder problem(CompiledModel model, double budget) {
        return BudgetProblem.builder(PlanningWindow.future(model, PERIODS),
                PosteriorDraws.of(Fixtures.draws(model, 40, 6))).budget(budget);
    }

    /** Each channel's spend over the reference window (the last 13 rows), by hand. */
    private static double referenceSpend(Dataset data, String channel) {
        double[] col = data.column(channel);
        return Arrays.stream(col, col.length - PERIODS, col.length).sum();
    }

    private static double largest(Dataset data, String channel) {
        return Arrays.stream(data.column(channel)).max().orElseThrow();
    }

    @Test
    void theStandardBoundsAreHalfToTwiceTheCurrentSpendCappedByTheLargestTrainingPeriod() {
        CompiledModel model = Fixtures.model(Fixtures.spec("tv", "search", "social").build());
        Dataset data = Fixtures.DEMO.data();
        double[] reference = {referenceSpend(data, "tv"), referenceSpend(data, "search"), referenceSpend(data, "social")};
        double referenceTotal = Arrays.stream(reference).sum();
        double budget = 1.3 * referenceTotal;
        AllocationResult r = BudgetOptimizer.optimize(problem(model, budget).build());
        String[] names = {"tv", "search", "social"};
        for (int c = 0; c < 3; c++) {
            AllocationResult.ChannelAllocation a = r.allocation().get(c);
            double current = budget * reference[c] / referenceTotal;
            double cap = PERIODS * largest(data, names[c]);
            assertThat(a.bound()).isEqualTo("default");
            assertThat(a.current()).isCloseTo(current, within(1e-6 * budget));
            assertThat(a.lower()).as(names[c]).isCloseTo(Math.min(0.5 * current, cap), within(1e-6 * budget));
            assertThat(a.upper()).as(names[c]).isCloseTo(Math.min(2.0 * current, cap), within(1e-6 * budget));
            assertThat(a.optimal()).isBetween(a.lower() - 0.005, a.upper() + 0.005);
        }
    }

    @Test
    void aBindingDefaultBoundIsMarkedAndNamedAndTheOptimumIsTheBoundedGridsBest() {
        CompiledModel model = Fixtures.model(Fixtures.spec("tv", "search").build());
        double budget = 13 * 40_000.0;
        DefaultBounds tight = new DefaultBounds(0.9, 1.1, Double.POSITIVE_INFINITY);
        BudgetOptimizer free = new BudgetOptimizer(problem(model, budget).defaultBounds(DefaultBounds.none()).build());
        AllocationResult unbounded = free.optimize();
        double currentTv = free.current(budget)[0];
        // The case needs an unbounded optimum outside +-10% of the current mix.
        assertThat(Math.abs(unbounded.optimal("tv") / currentTv - 1)).isGreaterThan(0.1);

        BudgetOptimizer o = new BudgetOptimizer(problem(model, budget).defaultBounds(tight).build());
        AllocationResult r = o.optimize();
        AllocationResult.ChannelAllocation tv = r.allocation().get(0);
        AllocationResult.ChannelAllocation search = r.allocation().get(1);
        boolean up = unbounded.optimal("tv") > currentTv;
        // tv moves towards the free optimum until its own bound or search's (the total is fixed) stops it.
        double tvEnd = up ? Math.min(1.1 * tv.current(), budget - 0.9 * search.current())
                : Math.max(0.9 * tv.current(), budget - 1.1 * search.current());
        assertThat(tv.optimal()).isCloseTo(tvEnd, within(1e-6 * budget));
        int bound = 0;
        for (AllocationResult.ChannelAllocation a : r.allocation()) {
            if (a.atBound() == null) {
                continue;
            }
            bound++;
            String side = a.atBound();
            assertThat(a.optimal()).isCloseTo(side.equals("upper") ? a.upper() : a.lower(), within(1e-6 * budget));
            assertThat(r.warnings()).anyMatch(w -> w.contains("'" + a.channel() + "' is at its " + side + " bound")
                    && w.contains("the default " + (side.equals("upper") ? "1.1" : "0.9") + "x of its current spend")
                    && w.contains("--no-default-bounds"));
        }
        assertThat(bound).isGreaterThanOrEqualTo(1);
        // On a concave objective the best point of the bounded segment is the end nearest the free optimum.
        double best = Double.NEGATIVE_INFINITY;
        double lo = Math.max(tv.lower(), budget - r.allocation().get(1).upper());
        double hi = Math.min(tv.upper(), budget - r.allocation().get(1).lower());
        for (int i = 0; i <= 1000; i++) {
            double a = lo + (hi - lo) * i / 1000;
            best = Math.max(best, o.objective(new double[] {a, budget - a}));
        }
        assertThat(r.objectiveValue().optimal()).isGreaterThanOrEqualTo(best - 1e-9 * Math.abs(best));
        // A bound of the channel's own is not overridden by the defaults.
        AllocationResult given = BudgetOptimizer.optimize(problem(model, budget).defaultBounds(tight)
                .bound("tv", ChannelBound.free()).build());
        assertThat(given.allocation().get(0).bound()).isEqualTo("given");
        assertThat(given.allocation().get(1).bound()).isEqualTo("default");
    }

    @Test
    void theHistoryCapHoldsAChannelAtItsLargestTrainingSpendPerPeriod() {
        Dataset base = Fixtures.DEMO.data();
        // Search spent the same every week: its largest week is its current weekly spend.
        double[] flat = new double[base.rows()];
        Arrays.fill(flat, 8_000.0);
        Dataset data = base.withColumn("search", flat);
        CompiledModel model = Fixtures.model(Fixtures.spec("tv", "search").build(), data);
        double budget = referenceSpend(data, "tv") + referenceSpend(data, "search");
        BudgetOptimizer free = new BudgetOptimizer(problem(model, budget).defaultBounds(DefaultBounds.none()).build());
        AllocationResult unbounded = free.optimize();
        // The case needs an unbounded optimum that grows search.
        assertThat(unbounded.optimal("search")).isGreaterThan(PERIODS * 8_000.0 * 1.01);

        AllocationResult r = BudgetOptimizer.optimize(problem(model, budget).build());
        AllocationResult.ChannelAllocation search = r.allocation().get(1);
        assertThat(search.upper()).isCloseTo(PERIODS * 8_000.0, within(1e-6));
        assertThat(search.optimal()).isCloseTo(PERIODS * 8_000.0, within(0.005));
        assertThat(search.atBound()).isEqualTo("upper");
        assertThat(r.warnings()).anyMatch(w -> w.contains("'search' is at its upper bound")
                && w.contains("largest spend in one training period"));
    }

    @Test
    void withHistoricalFlightingTheCapIsOnThePeakPeriod() {
        Dataset data = Fixtures.DEMO.data();
        CompiledModel model = Fixtures.model(Fixtures.spec("tv", "search").build());
        double[] tv = data.column("tv");
        double[] pattern = Arrays.copyOfRange(tv, tv.length - PERIODS, tv.length);
        double peakShare = Arrays.stream(pattern).max().orElseThrow() / Arrays.stream(pattern).sum();
        double budget = 100 * (referenceSpend(data, "tv") + referenceSpend(data, "search"));
        BudgetOptimizer o = new BudgetOptimizer(problem(model, budget).flighting(Flighting.historical())
                .defaultBounds(new DefaultBounds(0.0, 1000.0, 1.0)).build());
        assertThat(o.upperBounds(0.5 * budget / 100)[0]).isCloseTo(largest(data, "tv") / peakShare,
                within(1e-6 * budget));
    }

    @Test
    void aBudgetTheHistoryCapsCannotHoldDropsThemWithAWarning() {
        CompiledModel model = Fixtures.model(Fixtures.spec("tv", "search", "social").build());
        Dataset data = Fixtures.DEMO.data();
        double referenceTotal = referenceSpend(data, "tv") + referenceSpend(data, "search")
                + referenceSpend(data, "social");
        double caps = PERIODS * (largest(data, "tv") + largest(data, "search") + largest(data, "social"));
        double budget = 2 * caps;
        AllocationResult r = BudgetOptimizer.optimize(problem(model, budget).build());
        assertThat(r.warnings()).anyMatch(w -> w.contains("default history caps are dropped"));
        for (AllocationResult.ChannelAllocation a : r.allocation()) {
            assertThat(a.upper()).as(a.channel()).isCloseTo(2.0 * a.current(), within(1e-6 * budget));
            assertThat(a.lower()).isCloseTo(0.5 * a.current(), within(1e-6 * budget));
        }
        assertThat(r.allocation().stream().mapToDouble(AllocationResult.ChannelAllocation::optimal).sum())
                .isCloseTo(budget, within(0.005));
        assertThat(referenceTotal).isLessThan(budget);
    }

    @Test
    void aChannelDarkInTheReferenceWindowMayComeBackUpToItsHistoryCap() {
        Dataset base = Fixtures.DEMO.data();
        double[] display = base.column("display");
        Arrays.fill(display, display.length - PERIODS, display.length, 0.0);
        Dataset data = base.withColumn("display", display);
        CompiledModel model = Fixtures.model(Fixtures.spec("tv", "search", "display").build(), data);
        AllocationResult r = BudgetOptimizer.optimize(problem(model, 13 * 60_000.0).build());
        AllocationResult.ChannelAllocation a = r.allocation().get(2);
        assertThat(a.current()).isZero();
        assertThat(a.lower()).isZero();
        assertThat(a.upper()).isCloseTo(PERIODS * largest(data, "display"), within(1e-6));
        assertThat(a.bound()).isEqualTo("default");
        assertThat(a.optimal()).isBetween(0.0, a.upper() + 0.005);
    }

    @Test
    void boundsThatCannotHoldTheBudgetNameTheDefaults() {
        CompiledModel model = Fixtures.model(Fixtures.spec("tv", "search").build());
        double budget = 13 * 40_000.0;
        assertThatThrownBy(() -> new BudgetOptimizer(problem(model, budget)
                .bound("tv", ChannelBound.absolute(0, 10)).build()).optimize())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("upper bounds add up to")
                .hasMessageContaining("default bounds (0.5x:2x")
                .hasMessageContaining("--no-default-bounds");
        // Without the defaults the same bound is feasible: search takes the rest.
        AllocationResult r = BudgetOptimizer.optimize(problem(model, budget).defaultBounds(DefaultBounds.none())
                .bound("tv", ChannelBound.absolute(0, 10)).build());
        assertThat(r.optimal("search")).isCloseTo(budget - r.optimal("tv"), within(0.005));
    }

    @Test
    void parseLabelAndValidation() {
        assertThat(DefaultBounds.parse("0.7x:1.3x")).isEqualTo(new DefaultBounds(0.7, 1.3, 1.0));
        assertThat(DefaultBounds.parse("none").active()).isFalse();
        assertThat(DefaultBounds.standard().label()).isEqualTo("0.5x:2x");
        assertThat(DefaultBounds.none().label()).isEqualTo("none");
        assertThat(DefaultBounds.parse("0.5x:").upperFactor()).isInfinite();
        assertThatThrownBy(() -> DefaultBounds.parse("1000:5000")).hasMessageContaining("--default-bounds")
                .hasMessageContaining("relative");
        assertThatThrownBy(() -> DefaultBounds.parse("1.2x:2x")).hasMessageContaining("0 <= lower <= 1 <= upper");
        assertThatThrownBy(() -> DefaultBounds.parse("0.5x:0.8x")).hasMessageContaining("0 <= lower <= 1 <= upper");
        assertThatThrownBy(() -> new DefaultBounds(0.5, 2.0, 0.0)).hasMessageContaining("history cap");
        assertThat(Map.of("k", DefaultBounds.standard()).get("k").historyFactor()).isEqualTo(1.0);
    }
}
