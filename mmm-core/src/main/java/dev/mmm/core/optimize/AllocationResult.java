package dev.mmm.core.optimize;

import dev.mmm.core.analysis.Interval;
import java.util.List;

/**
 * The answer to a {@link BudgetProblem}, in money over the whole window ({@link OptimizeJson}
 * writes it per period): per channel the current spend (the reference window's mix scaled to
 * the same budget), the optimal spend and its bounds; the incremental target of both plans with
 * intervals; the uplift of the optimum over the current mix (paired over draws); and each
 * channel's marginal ROAS at the optimum.
 *
 * @param periods        length of the window
 * @param budget         the total spent over the window (found by the rule for a target efficiency)
 * @param budgetRule     {@link BudgetTarget#label()}
 * @param objective      {@link Objective#label()}
 * @param objectiveValue the objective at the optimum and at the current mix
 * @param warnings       what the reader must know (channels held at zero, fallbacks), one line each
 * @param search         how the optimiser ended
 */
public record AllocationResult(int periods, double budget, String budgetRule, String objective,
                               ObjectiveValues objectiveValue, List<ChannelAllocation> allocation,
                               PlanOutcome current, PlanOutcome optimal, Interval uplift,
                               List<ChannelMarginal> mroas, List<String> warnings, Search search) {

    public AllocationResult {
        allocation = List.copyOf(allocation);
        mroas = List.copyOf(mroas);
        warnings = List.copyOf(warnings);
    }

    /**
     * One channel's row of the allocation table (window totals; bounds may be infinite).
     *
     * @param geo     the geo it spends in for a geo model, null for a national one
     * @param bound   where the bounds come from: {@code given}, {@code default} ({@link DefaultBounds}),
     *                {@code none} (free within the budget) or {@code no_spend} (held at 0)
     * @param atBound {@code upper} or {@code lower} if the optimum sits on that bound (a lower bound of 0 and
     *                a locked channel do not count), else null
     */
    public record ChannelAllocation(String channel, String geo, double current, double optimal, double lower,
                                    double upper, String bound, String atBound) {

        /** A national model's row. */
        public ChannelAllocation(String channel, double current, double optimal, double lower, double upper,
                                 String bound, String atBound) {
            this(channel, null, current, optimal, lower, upper, bound, atBound);
        }

        public double change() {
            return optimal - current;
        }
    }

    /**
     * A plan's outcome: the incremental target (what the window's spend adds, carry-over
     * included), its ROAS (incremental / budget) and the expected target over the window's periods.
     */
    public record PlanOutcome(Interval incremental, Interval roas, Interval target) {
    }

    /** d incremental / d spend of one channel at the optimum, over draws (NaN-free; infinite at a zero spend with an infinite slope). */
    public record ChannelMarginal(String channel, String geo, Interval mroas) {

        /** A national model's marginal ROAS. */
        public ChannelMarginal(String channel, Interval mroas) {
            this(channel, null, mroas);
        }
    }

    /** The objective's value at the current mix and at the optimum. */
    public record ObjectiveValues(double current, double optimal) {
    }

    /** The optimiser's iterations and function evaluations, and whether it met its tolerance. */
    public record Search(int iterations, int evaluations, boolean converged) {
    }

    /** The optimal spend of a channel over the window (a national model's). */
    public double optimal(String channel) {
        return optimal(channel, null);
    }

    /** The optimal spend of a channel in a geo over the window (geo null: a national model's channel). */
    public double optimal(String channel, String geo) {
        for (ChannelAllocation a : allocation) {
            if (a.channel().equals(channel) && java.util.Objects.equals(a.geo(), geo)) {
                return a.optimal();
            }
        }
        throw new IllegalArgumentException("no channel named '" + channel + "'" + (geo == null ? "" : " in geo '"
                + geo + "'"));
    }
}
