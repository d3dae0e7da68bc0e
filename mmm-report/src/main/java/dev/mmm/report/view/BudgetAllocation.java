package dev.mmm.report.view;

import java.util.List;

/**
 * The optimiser's result: spend per channel before and after, and optionally the expected total
 * response (target units) under each.
 *
 * @param rows              one row per channel, distinct names
 * @param currentResponse   expected response at current spend, or null
 * @param optimisedResponse expected response at optimised spend, or null
 * @param note              one line on the optimiser's constraints (budget, bounds), or null
 */
public record BudgetAllocation(List<AllocationRow> rows, Estimate currentResponse, Estimate optimisedResponse, String note) {
    /** Checks that there are rows with distinct channel names. */
    public BudgetAllocation {
        rows = Checks.nonEmpty(rows, "BudgetAllocation.rows");
        Checks.distinct(rows.stream().map(AllocationRow::channel).toList(), "BudgetAllocation.rows");
    }

    /** Total current spend. */
    public double totalCurrent() {
        return rows.stream().mapToDouble(AllocationRow::currentSpend).sum();
    }

    /** Total optimised spend. */
    public double totalOptimised() {
        return rows.stream().mapToDouble(AllocationRow::optimisedSpend).sum();
    }
}
