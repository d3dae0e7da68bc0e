package dev.mmm.report.view;

/**
 * One channel of a budget allocation: spend before and after the optimiser, in spend units per period
 * (or over the horizon, as long as both columns use the same).
 *
 * @param channel        channel name
 * @param currentSpend   spend today
 * @param optimisedSpend spend the optimiser proposes
 */
public record AllocationRow(String channel, double currentSpend, double optimisedSpend) {
    /** Checks the name and that both spends are finite and not negative. */
    public AllocationRow {
        Checks.name(channel, "AllocationRow.channel");
        String what = "AllocationRow '" + channel + "'";
        Checks.finite(currentSpend, what + ".currentSpend");
        Checks.finite(optimisedSpend, what + ".optimisedSpend");
        if (currentSpend < 0 || optimisedSpend < 0) {
            throw new IllegalArgumentException(what + ": spend cannot be negative (current " + currentSpend + ", optimised "
                    + optimisedSpend + ")");
        }
    }

    /** Relative change of spend, {@code optimised / current - 1}; NaN when the current spend is zero. */
    public double relativeChange() {
        return currentSpend == 0 ? Double.NaN : optimisedSpend / currentSpend - 1;
    }
}
