package dev.mmm.core.optimize;

/**
 * How much to spend: a fixed total over the window, or the largest total up to a cap whose return
 * still meets a target, as Robyn's and Meridian's target-efficiency scenarios: the marginal ROAS
 * at the optimum stays at or above a value, or the cost per incremental unit of the target
 * (budget / incremental target) stays at or below one.
 */
public sealed interface BudgetTarget {

    /** Spend exactly {@code total} over the window. */
    record Fixed(double total) implements BudgetTarget {
        public Fixed {
            if (!(total >= 0.0) || !Double.isFinite(total)) {
                throw new IllegalArgumentException("--budget must be a finite amount >= 0, got " + total);
            }
        }

        @Override
        public String label() {
            return "fixed";
        }
    }

    /** The largest total up to {@code maxTotal} whose marginal ROAS at the optimum is >= {@code target}. */
    record MarginalRoas(double target, double maxTotal) implements BudgetTarget {
        public MarginalRoas {
            check(target, maxTotal, "marginal ROAS");
        }

        @Override
        public String label() {
            return "marginal_roas>=" + target;
        }
    }

    /** The largest total up to {@code maxTotal} whose budget / incremental target is <= {@code target}. */
    record CostPerUnit(double target, double maxTotal) implements BudgetTarget {
        public CostPerUnit {
            check(target, maxTotal, "cost per incremental unit");
        }

        @Override
        public String label() {
            return "cost_per_unit<=" + target;
        }
    }

    /** A short name of the rule for output ({@code fixed}, {@code marginal_roas>=1.5}, ...). */
    String label();

    private static void check(double target, double maxTotal, String what) {
        if (!(target > 0.0) || !Double.isFinite(target)) {
            throw new IllegalArgumentException("the target " + what + " must be a finite value > 0, got " + target);
        }
        if (!(maxTotal > 0.0) || !Double.isFinite(maxTotal)) {
            throw new IllegalArgumentException("the budget cap must be a finite amount > 0, got " + maxTotal);
        }
    }
}
