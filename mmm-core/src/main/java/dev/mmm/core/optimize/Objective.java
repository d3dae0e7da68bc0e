package dev.mmm.core.optimize;

import java.util.Arrays;

/**
 * What the optimiser maximises over the posterior draws of a plan's incremental target
 * {@code I_d}: their mean, a risk-aware mean less {@code k} standard deviations, or the CVaR of
 * the worst {@code q} fraction of draws (the mean of the lowest {@code ceil(q n)} of them).
 *
 * <p>Each objective is a function of the draws' values, so its gradient in the allocation is
 * {@code sum_d w_d dI_d/dB} with the weights {@link #weights} gives.
 */
public sealed interface Objective {

    /** The posterior mean of the incremental target. */
    record Mean() implements Objective {
        @Override
        public double weights(double[] values, double[] weights) {
            int n = values.length;
            double sum = 0.0;
            for (double v : values) {
                sum += v;
            }
            Arrays.fill(weights, 0, n, 1.0 / n);
            return sum / n;
        }

        @Override
        public String label() {
            return "mean";
        }
    }

    /** {@code mean - k sd} (sd with the n - 1 denominator; equal to the mean for one draw). */
    record MeanMinusSd(double k) implements Objective {
        public MeanMinusSd {
            if (!(k >= 0.0) || !Double.isFinite(k)) {
                throw new IllegalArgumentException("mean-sd:k needs a finite k >= 0, got " + k);
            }
        }

        @Override
        public double weights(double[] values, double[] weights) {
            int n = values.length;
            double mean = new Mean().weights(values, weights);
            if (n < 2 || k == 0.0) {
                return mean;
            }
            double ss = 0.0;
            for (double v : values) {
                ss += (v - mean) * (v - mean);
            }
            double sd = Math.sqrt(ss / (n - 1));
            if (sd == 0.0) {
                // Every draw agrees (a zero plan): sd is flat at its minimum, its one-sided slope is 0 here.
                return mean;
            }
            for (int d = 0; d < n; d++) {
                weights[d] = 1.0 / n - k * (values[d] - mean) / ((n - 1) * sd);
            }
            return mean - k * sd;
        }

        @Override
        public String label() {
            return "mean-sd:" + k;
        }
    }

    /** The mean of the worst {@code ceil(q n)} draws, {@code 0 < q <= 1} ({@code q = 1} is the mean). */
    record Cvar(double q) implements Objective {
        public Cvar {
            if (!(q > 0.0 && q <= 1.0)) {
                throw new IllegalArgumentException("cvar:q needs 0 < q <= 1, got " + q);
            }
        }

        /** How many of n draws the tail holds. */
        public int tailCount(int n) {
            return Math.max(1, Math.min(n, (int) Math.ceil(q * n - 1e-9)));
        }

        @Override
        public double weights(double[] values, double[] weights) {
            int n = values.length;
            int m = tailCount(n);
            double[] sorted = Arrays.copyOf(values, n);
            Arrays.sort(sorted, 0, n);
            double threshold = sorted[m - 1];
            // Every draw below the m-th smallest value is in the tail; draws equal to it fill the
            // rest in draw order, so the tail is the same whatever order the channels came in.
            int below = 0;
            for (int d = 0; d < n; d++) {
                if (values[d] < threshold) {
                    below++;
                }
            }
            int ties = m - below;
            double sum = 0.0;
            for (int d = 0; d < n; d++) {
                double v = values[d];
                boolean inTail = v < threshold || (v == threshold && ties-- > 0);
                weights[d] = inTail ? 1.0 / m : 0.0;
                if (inTail) {
                    sum += v;
                }
            }
            return sum / m;
        }

        @Override
        public String label() {
            return "cvar:" + q;
        }

        @Override
        public boolean smooth() {
            return false;
        }
    }

    /**
     * Writes {@code weights[d] = d objective / d values[d]} (a subgradient where the objective has a
     * kink, as CVaR at ties) and returns the objective's value.
     */
    double weights(double[] values, double[] weights);

    /** Whether the objective is smooth in the draws' values (CVaR has kinks where draws swap places in its tail). */
    default boolean smooth() {
        return true;
    }

    /** The CLI's name of this objective ({@code mean}, {@code mean-sd:1.0}, {@code cvar:0.1}). */
    String label();

    /** The objective's value alone. */
    default double value(double[] values) {
        return weights(values, new double[values.length]);
    }

    static Objective mean() {
        return new Mean();
    }

    static Objective meanMinusSd(double k) {
        return new MeanMinusSd(k);
    }

    static Objective cvar(double q) {
        return new Cvar(q);
    }

    /** Parses {@code mean}, {@code mean-sd:K} or {@code cvar:Q} (the CLI's {@code --objective}). */
    static Objective parse(String text) {
        String s = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (s.equals("mean")) {
            return mean();
        }
        int colon = s.indexOf(':');
        String head = colon < 0 ? s : s.substring(0, colon);
        if (colon < 0 || !(head.equals("mean-sd") || head.equals("cvar"))) {
            throw new IllegalArgumentException("--objective: expected mean, mean-sd:K or cvar:Q, got '" + text + "'");
        }
        double x;
        try {
            x = Double.parseDouble(s.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--objective: '" + s.substring(colon + 1) + "' in '" + text
                    + "' is not a number");
        }
        try {
            return head.equals("cvar") ? cvar(x) : meanMinusSd(x);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--objective: " + e.getMessage());
        }
    }
}
