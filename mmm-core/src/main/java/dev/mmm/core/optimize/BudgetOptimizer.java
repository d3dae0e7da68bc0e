package dev.mmm.core.optimize;

import dev.mmm.core.analysis.Interval;
import dev.mmm.core.optimize.AllocationResult.ChannelAllocation;
import dev.mmm.core.optimize.AllocationResult.ChannelMarginal;
import dev.mmm.core.optimize.AllocationResult.PlanOutcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Solves a {@link BudgetProblem}: the allocation of the budget over the channels (each channel's
 * window total, spread over the periods by the flighting) that maximises the objective of the
 * incremental target within the bounds, by projected gradient ascent on the exact gradient of
 * {@link PlanEvaluator}. For a target efficiency it bisects on the total.
 *
 * <p>Reads the draws once at construction; one instance serves one thread.
 */
public final class BudgetOptimizer {

    /** The projected-gradient tolerance: marginal returns of free channels agree to about this, relative. */
    static final double TOLERANCE = 1e-8;
    static final int MAX_ITERATIONS = 3000;
    /**
     * Relative improvement below which an iteration makes no progress: tiny for smooth objectives
     * (the projected-gradient test ends them), 1e-8 for CVaR, whose kinks slow the last digits and
     * whose value is an estimate from the tail draws anyway.
     */
    static final double SMOOTH_STAGNATION = 1e-13;
    static final double KINKED_STAGNATION = 1e-8;
    /** Bisection steps on the total for a target efficiency (2^-40 of the cap). */
    private static final int BUDGET_BISECTIONS = 40;

    private final BudgetProblem problem;
    private final PlanWindow window;
    private final SpendResponse evaluator;
    private final List<String> channels;
    private final int channelCount;
    private final int periods;
    /** Share of each channel's window budget in each period (rows sum to 1). */
    private final double[][] shares;
    /** Each channel's spend in the reference window scaled to the window's length. */
    private final double[] reference;
    private final double referenceTotal;
    /** Channels without a cent of training spend and no absolute bound: held at zero. */
    private final boolean[] heldAtZero;
    /**
     * The window total at which the flighting's peak period reaches the channel's largest
     * per-period training spend: the default bounds' history cap, before its factor.
     */
    private final double[] historyCap;
    private final List<String> warnings = new ArrayList<>();

    private final double[] values;
    private final double[][] gradients;
    private final double[] weights;
    private final double[][] spend;

    public BudgetOptimizer(BudgetProblem problem) {
        this.problem = problem;
        this.window = problem.window();
        this.channels = window.channels();
        this.channelCount = channels.size();
        this.periods = window.periods();
        this.reference = new double[channelCount];
        double total = 0.0;
        for (int c = 0; c < channelCount; c++) {
            reference[c] = window.referenceSpend(channels.get(c));
            total += reference[c];
        }
        this.referenceTotal = total;
        if (!(referenceTotal > 0.0)) {
            warnings.add("no channel has spend in the reference window (training rows " + window.referenceFrom()
                    + ".." + (window.referenceTo() - 1) + "): the current mix is an even split");
        }
        this.heldAtZero = new boolean[channelCount];
        for (int c = 0; c < channelCount; c++) {
            String name = channels.get(c);
            if (window.trainingSpend(name) == 0.0
                    && !(window.boundOf(problem.bounds(), name) instanceof ChannelBound.Absolute)) {
                heldAtZero[c] = true;
                warnings.add("channel '" + name + "' has no spend in the training data, so the data say nothing of "
                        + "its response: it is held at 0 (give it an absolute bound to plan for it on the prior alone)");
            }
        }
        this.shares = shares(problem.flighting());
        this.historyCap = new double[channelCount];
        for (int c = 0; c < channelCount; c++) {
            double peak = 0.0;
            for (double share : shares[c]) {
                peak = Math.max(peak, share);
            }
            historyCap[c] = window.largestPeriodSpend(channels.get(c)) / peak;
        }
        this.evaluator = window.response(problem.draws());
        int n = evaluator.draws();
        this.values = new double[n];
        this.gradients = new double[n][channelCount];
        this.weights = new double[n];
        this.spend = new double[channelCount][periods];
    }

    /** Solves the problem. */
    public static AllocationResult optimize(BudgetProblem problem) {
        return new BudgetOptimizer(problem).optimize();
    }

    /** The channels, in the order of every array this class takes or gives. */
    public List<String> channels() {
        return channels;
    }

    /** The model's response the optimiser evaluates plans with. */
    public SpendResponse evaluator() {
        return evaluator;
    }

    /** Solves the problem: a fixed budget directly, a target efficiency by bisection on the total. */
    public AllocationResult optimize() {
        BudgetTarget target = problem.budget();
        if (target instanceof BudgetTarget.Fixed fixed) {
            return result(fixed.total(), solve(fixed.total(), null), List.of());
        }
        return efficient(target);
    }

    /** The optimum for a fixed total: the maximiser, its objective value and gradient. */
    ProjectedGradient.Result solve(double total, double[] start) {
        BudgetSet set = set(total);
        double[] from = start != null ? start : current(total);
        boolean smooth = problem.objective().smooth();
        ProjectedGradient.Result r = ProjectedGradient.maximise(this::objectiveAndGradient, set, from, TOLERANCE,
                MAX_ITERATIONS, smooth ? SMOOTH_STAGNATION : KINKED_STAGNATION, smooth ? 30 : 10);
        double[] x = r.x().clone();
        set.project(x, x);
        double[] g = new double[channelCount];
        double value = objectiveAndGradient(x, g);
        return new ProjectedGradient.Result(x, value, g, r.iterations(), r.evaluations() + 1, r.converged());
    }

    /**
     * The current mix: the reference window's spend shares scaled to {@code total} (an even
     * split if the reference window has no spend), before bounds.
     */
    public double[] current(double total) {
        double[] x = new double[channelCount];
        for (int c = 0; c < channelCount; c++) {
            x[c] = referenceTotal > 0 ? total * reference[c] / referenceTotal : total / channelCount;
        }
        return x;
    }

    /** An even split of {@code total} projected onto the bounds. */
    public double[] uniform(double total) {
        double[] x = new double[channelCount];
        Arrays.fill(x, total / channelCount);
        return set(total).feasible(x);
    }

    /** The current mix projected onto the bounds (what "current" means when the bounds exclude it). */
    public double[] feasibleCurrent(double total) {
        return set(total).feasible(current(total));
    }

    /** The lower bound of each channel's window total for a budget of {@code total}. */
    public double[] lowerBounds(double total) {
        double[][] b = bounds(total);
        return b[0];
    }

    /** The upper bound of each channel's window total for a budget of {@code total}. */
    public double[] upperBounds(double total) {
        double[][] b = bounds(total);
        return b[1];
    }

    /** The objective at an allocation of window totals (channel order); writes d objective / d total into gradient. */
    public double objectiveAndGradient(double[] totals, double[] gradient) {
        for (int c = 0; c < channelCount; c++) {
            for (int t = 0; t < periods; t++) {
                spend[c][t] = totals[c] * shares[c][t];
            }
        }
        evaluator.evaluate(spend, shares, values, gradient == null ? null : gradients);
        double value = problem.objective().weights(values, weights);
        if (gradient != null) {
            Arrays.fill(gradient, 0.0);
            for (int d = 0; d < values.length; d++) {
                double w = weights[d];
                if (w == 0.0) {
                    continue;
                }
                double[] gd = gradients[d];
                for (int c = 0; c < channelCount; c++) {
                    gradient[c] += w * gd[c];
                }
            }
        }
        return value;
    }

    /** The objective at an allocation of window totals. */
    public double objective(double[] totals) {
        return objectiveAndGradient(totals, null);
    }

    /** The plan that spends these window totals with the problem's flighting. */
    public SpendPlan plan(double[] totals) {
        return SpendPlan.fromTotals(channels, totals, shares);
    }

    private BudgetSet set(double total) {
        Limits b = limits(total);
        try {
            return new BudgetSet(b.lower(), b.upper(), total);
        } catch (IllegalArgumentException e) {
            if (!b.anyDefault()) {
                throw e;
            }
            throw new IllegalArgumentException(e.getMessage() + "; channels without a bound of their own have the "
                    + "default bounds (" + problem.defaults().label() + " of their current spend, capped at their "
                    + "largest training spend per period): widen them with --bounds or drop them with "
                    + "--no-default-bounds", e);
        }
    }

    private double[][] bounds(double total) {
        Limits b = limits(total);
        return new double[][] {b.lower(), b.upper()};
    }

    /** Where each bound comes from, for the JSON and the notes on bounds that bind. */
    enum BoundSource {
        /** Free within the budget. */
        NONE("none"),
        /** Given for the channel (a {@code --bounds} item). */
        GIVEN("given"),
        /** {@link DefaultBounds}, its upper side the multiple of the current spend. */
        DEFAULT("default"),
        /** {@link DefaultBounds}, its upper side the history cap. */
        DEFAULT_HISTORY_CAP("default"),
        /** No training spend: held at 0. */
        NO_SPEND("no_spend");

        final String json;

        BoundSource(String json) {
            this.json = json;
        }
    }

    /** Each channel's bounds on its window total for one budget, and where they come from. */
    private record Limits(double[] lower, double[] upper, BoundSource[] source, boolean capsDropped) {
        boolean anyDefault() {
            for (BoundSource b : source) {
                if (b == BoundSource.DEFAULT || b == BoundSource.DEFAULT_HISTORY_CAP) {
                    return true;
                }
            }
            return false;
        }
    }

    private Limits limits(double total) {
        Limits capped = limits(total, true);
        double upperSum = 0.0;
        boolean anyCap = false;
        for (int c = 0; c < channelCount; c++) {
            upperSum += capped.upper()[c];
            anyCap |= capped.source()[c] == BoundSource.DEFAULT_HISTORY_CAP;
        }
        // A budget beyond what the history caps hold together: the caps give way, the relative bounds stay.
        return anyCap && upperSum < total * (1 - 1e-12) ? limits(total, false) : capped;
    }

    private Limits limits(double total, boolean historyCaps) {
        double[] lower = new double[channelCount];
        double[] upper = new double[channelCount];
        BoundSource[] source = new BoundSource[channelCount];
        double[] now = current(total);
        DefaultBounds defaults = problem.defaults();
        for (int c = 0; c < channelCount; c++) {
            // No bound of its own (null): the defaults below apply.
            ChannelBound bound = window.boundOf(problem.bounds(), channels.get(c));
            if (heldAtZero[c]) {
                source[c] = BoundSource.NO_SPEND;
            } else if (bound instanceof ChannelBound.Absolute a) {
                lower[c] = a.lower();
                upper[c] = a.upper();
                source[c] = BoundSource.GIVEN;
            } else if (bound instanceof ChannelBound.Relative r) {
                lower[c] = r.lowerFactor() * reference[c];
                upper[c] = r.upperFactor() * reference[c];
                source[c] = BoundSource.GIVEN;
            } else if (bound instanceof ChannelBound.Locked) {
                lower[c] = now[c];
                upper[c] = now[c];
                source[c] = BoundSource.GIVEN;
            } else if (!defaults.active()) {
                upper[c] = Double.POSITIVE_INFINITY;
                source[c] = BoundSource.NONE;
            } else {
                lower[c] = defaults.lowerFactor() * now[c];
                // A channel dark in the reference window but not in training: no multiple of 0, only the cap.
                upper[c] = now[c] > 0.0 ? defaults.upperFactor() * now[c] : Double.POSITIVE_INFINITY;
                source[c] = BoundSource.DEFAULT;
                double cap = defaults.historyFactor() * historyCap[c];
                if (historyCaps && cap < upper[c]) {
                    upper[c] = cap;
                    lower[c] = Math.min(lower[c], cap);
                    source[c] = BoundSource.DEFAULT_HISTORY_CAP;
                }
            }
        }
        return new Limits(lower, upper, source, !historyCaps);
    }

    private double[][] shares(Flighting flighting) {
        double[][] out = new double[channelCount][periods];
        for (int c = 0; c < channelCount; c++) {
            String name = channels.get(c);
            double[] pattern = pattern(flighting, name);
            if (pattern == null) {
                Arrays.fill(out[c], 1.0 / periods);
            } else {
                double s = sum(pattern);
                for (int t = 0; t < periods; t++) {
                    out[c][t] = pattern[t] / s;
                }
            }
        }
        return out;
    }

    /** The channel's raw pattern over the window's periods, or null for an even spread. */
    private double[] pattern(Flighting flighting, String name) {
        if (flighting instanceof Flighting.Historical) {
            int length = window.referenceTo() - window.referenceFrom();
            if (length != periods) {
                throw new IllegalArgumentException("historical flighting needs a reference window as long as "
                        + "the window (" + periods + " periods), got " + length);
            }
            double[] p = window.referencePattern(name);
            if (!(sum(p) > 0.0)) {
                warnings.add("channel '" + name + "' has no spend in the reference window: its budget is "
                        + "spread evenly over the periods");
                return null;
            }
            return p;
        }
        if (flighting instanceof Flighting.Given g) {
            double[] p = g.perChannel().getOrDefault(name, g.pattern());
            if (p == null) {
                throw new IllegalArgumentException("flighting: no pattern for channel '" + name + "'");
            }
            if (p.length != periods) {
                throw new IllegalArgumentException("flighting: the pattern for channel '" + name + "' has "
                        + p.length + " periods, the window has " + periods);
            }
            for (int t = 0; t < p.length; t++) {
                if (!(p[t] >= 0.0) || !Double.isFinite(p[t])) {
                    throw new IllegalArgumentException("flighting: channel '" + name + "' period " + (t + 1)
                            + " has share " + p[t] + "; shares must be finite and >= 0");
                }
            }
            if (!(sum(p) > 0.0)) {
                throw new IllegalArgumentException("flighting: the pattern for channel '" + name + "' is all zero");
            }
            return p;
        }
        return null;
    }

    private static double sum(double[] v) {
        double s = 0.0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    /**
     * The return on the next unit of budget at an optimum: the largest objective gradient among
     * channels that may still grow (at an interior optimum, the common marginal return).
     */
    private static double nextUnitReturn(ProjectedGradient.Result r, double[] upper) {
        double best = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < upper.length; c++) {
            if (r.x()[c] < upper[c]) {
                best = Math.max(best, r.gradient()[c]);
            }
        }
        return best;
    }

    private AllocationResult efficient(BudgetTarget target) {
        double cap = target instanceof BudgetTarget.MarginalRoas m ? m.maxTotal()
                : ((BudgetTarget.CostPerUnit) target).maxTotal();
        double lowest = smallestFeasibleTotal(cap);
        double highest = largestFeasibleTotal(cap, lowest);
        List<String> notes = new ArrayList<>();
        ProjectedGradient.Result top = solve(highest, null);
        if (meets(target, highest, top)) {
            notes.add("the target " + target.label() + " still holds at the largest budget allowed (" + highest
                    + "): the cap, not the target, sets the budget");
            return result(highest, top, notes);
        }
        double lo = lowest;
        double hi = highest;
        ProjectedGradient.Result atLo = solve(lo, null);
        if (!meets(target, lo, atLo) && !(lo == 0.0 && meetsAtZero(target, highest))) {
            notes.add("the target " + target.label() + " fails even at the smallest budget the bounds allow (" + lo
                    + ")");
            return result(lo, atLo, notes);
        }
        ProjectedGradient.Result best = atLo;
        for (int i = 0; i < BUDGET_BISECTIONS && hi - lo > 1e-9 * highest; i++) {
            double mid = 0.5 * (lo + hi);
            double[] start = scaled(best.x(), mid);
            ProjectedGradient.Result r = solve(mid, start);
            if (meets(target, mid, r)) {
                lo = mid;
                best = r;
            } else {
                hi = mid;
            }
        }
        return result(lo, best, notes);
    }

    /**
     * The smallest total whose lower bounds fit in it. Bounds may scale with the total (locked
     * channels and the default bounds follow the current mix), but no faster than it in sum, so
     * fitting is monotone in the total and bisection finds the edge.
     */
    private double smallestFeasibleTotal(double cap) {
        double atCap = sum(lowerBounds(cap));
        if (atCap > cap) {
            throw new IllegalArgumentException("the lower bounds add up to " + atCap + ", more than the budget cap "
                    + cap);
        }
        if (sum(lowerBounds(0.0)) <= 0.0) {
            return 0.0;
        }
        double lo = 0.0;
        double hi = cap;
        for (int i = 0; i < 200 && lo < hi; i++) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) {
                break;
            }
            if (sum(lowerBounds(mid)) <= mid) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    /** The largest total up to {@code cap} (and at least {@code lowest}) that the upper bounds can hold. */
    private double largestFeasibleTotal(double cap, double lowest) {
        if (sum(upperBounds(cap)) >= cap) {
            return cap;
        }
        double lo = lowest;
        double hi = cap;
        for (int i = 0; i < 200 && lo < hi; i++) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) {
                break;
            }
            if (sum(upperBounds(mid)) >= mid) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** At a zero budget the ratio rules are read at a tiny budget (1e-6 of the cap). */
    private boolean meetsAtZero(BudgetTarget target, double highest) {
        double small = 1e-6 * highest;
        return meets(target, small, solve(small, null));
    }

    private boolean meets(BudgetTarget target, double total, ProjectedGradient.Result r) {
        if (target instanceof BudgetTarget.MarginalRoas m) {
            return nextUnitReturn(r, upperBounds(total)) >= m.target();
        }
        BudgetTarget.CostPerUnit cpu = (BudgetTarget.CostPerUnit) target;
        return total == 0.0 ? false : r.value() > 0 && total / r.value() <= cpu.target();
    }

    /** The note for a bound that binds at the optimum: which bound, where it comes from, how to move it. */
    private String bindingNote(String channel, String side, BoundSource source, double value) {
        String where = String.format(java.util.Locale.ROOT, "channel '%s' is at its %s bound (%.6g per period", channel,
                side, value / periods);
        DefaultBounds d = problem.defaults();
        return switch (source) {
            case GIVEN -> where + ", from --bounds)";
            case DEFAULT_HISTORY_CAP -> where + ", the default cap: its largest spend in one training period; the "
                    + "data say little of its response beyond it): give it --bounds " + channel + "=... or use "
                    + "--no-default-bounds to go further";
            case DEFAULT -> where + ", the default " + DefaultBounds.factor(side.equals("upper") ? d.upperFactor()
                    : d.lowerFactor()) + "x of its current spend): give it --bounds " + channel
                    + "=... or use --default-bounds / --no-default-bounds to move it";
            default -> where + ")";
        };
    }

    private static double[] scaled(double[] x, double total) {
        double s = sum(x);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = s > 0 ? x[i] * total / s : total / x.length;
        }
        return out;
    }

    /**
     * The incremental target (its draws into {@code incremental}), ROAS (null for a zero budget)
     * and expected target of the plan spending these window totals.
     */
    private PlanOutcome outcome(double[] totals, double[] incremental) {
        SpendPlan plan = plan(totals);
        evaluator.evaluate(plan.matrix(), null, incremental, null);
        double[] expected = new double[incremental.length];
        evaluator.expectedTarget(plan.matrix(), expected);
        Interval roas = null;
        double spend = plan.total();
        if (spend > 0.0) {
            double[] ratio = new double[incremental.length];
            for (int d = 0; d < ratio.length; d++) {
                ratio[d] = incremental[d] / spend;
            }
            roas = Interval.of(ratio);
        }
        return new PlanOutcome(Interval.of(incremental), roas, Interval.of(expected));
    }

    private AllocationResult result(double total, ProjectedGradient.Result r, List<String> notes) {
        double[] optimal = r.x();
        double[] now = current(total);
        Limits limits = limits(total);
        double[] lower = limits.lower();
        double[] upper = limits.upper();
        List<String> boundNotes = new ArrayList<>();
        if (limits.capsDropped()) {
            boundNotes.add("the budget is more than the channels' largest training spend per period can hold, so the "
                    + "default history caps are dropped: the plan may go beyond any spend in the data");
        }
        List<ChannelAllocation> rows = new ArrayList<>();
        double tolerance = 1e-9 * Math.max(1.0, total);
        for (int c = 0; c < channelCount; c++) {
            String atBound = null;
            if (upper[c] - lower[c] > tolerance) {
                if (optimal[c] >= upper[c] - tolerance) {
                    atBound = "upper";
                } else if (optimal[c] <= lower[c] + tolerance && lower[c] > 0.0) {
                    atBound = "lower";
                }
            }
            if (atBound != null) {
                boundNotes.add(bindingNote(channels.get(c), atBound, limits.source()[c], atBound.equals("upper")
                        ? upper[c] : lower[c]));
            }
            String unit = channels.get(c);
            rows.add(new ChannelAllocation(window.channelOf(unit), window.geoOf(unit), now[c], optimal[c], lower[c], upper[c],
                    limits.source()[c].json, atBound));
        }
        double currentObjective = objective(now);
        double[] currentDraws = new double[evaluator.draws()];
        double[] optimalDraws = new double[evaluator.draws()];
        PlanOutcome atCurrent = outcome(now, currentDraws);
        PlanOutcome atOptimum = outcome(optimal, optimalDraws);
        for (int d = 0; d < optimalDraws.length; d++) {
            optimalDraws[d] -= currentDraws[d];
        }
        // The per-draw marginal returns at the optimum (the last evaluation was elsewhere).
        objectiveAndGradient(optimal, new double[channelCount]);
        List<ChannelMarginal> marginals = new ArrayList<>();
        double[] column = new double[evaluator.draws()];
        for (int c = 0; c < channelCount; c++) {
            for (int d = 0; d < column.length; d++) {
                column[d] = gradients[d][c];
            }
            String unit = channels.get(c);
            marginals.add(new ChannelMarginal(window.channelOf(unit), window.geoOf(unit), Interval.of(column)));
        }
        List<String> all = new ArrayList<>(warnings);
        all.addAll(notes);
        all.addAll(boundNotes);
        if (!r.converged()) {
            all.add("the optimiser stopped after " + r.iterations() + " iterations before its tolerance; "
                    + "the allocation may be slightly off the optimum");
        }
        return new AllocationResult(periods, total, problem.budget().label(), problem.objective().label(),
                new AllocationResult.ObjectiveValues(currentObjective, r.value()), rows, atCurrent, atOptimum,
                Interval.of(optimalDraws), marginals, all, new AllocationResult.Search(r.iterations(), r.evaluations(),
                r.converged()));
    }
}
