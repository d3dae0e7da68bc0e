package dev.mmm.core.optimize;

/**
 * The bounds a channel gets when the problem names none for it, so that a plan stays where the
 * data are: its window total between {@code lowerFactor} and {@code upperFactor} times its current
 * spend (the reference mix scaled to the budget), and never more than {@code historyFactor} times
 * its largest per-period spend in the training data in any period of the plan (with the
 * flighting's peak period). Away from the spend levels seen in training the response curve is the
 * prior's and the saturation form's extrapolation, and an optimiser that trusts it there moves
 * money on an artefact.
 *
 * <p>{@link #standard()} is {@code 0.5x:2x} with the history cap at 1: the range of Robyn's
 * allocator default ({@code channel_constr_low = 0.5}, {@code channel_constr_up = 2}), relative to
 * the current mix as Meridian's spend constraints are (Meridian's fixed-budget default is the
 * narrower {@code 1 +- 0.3}). A channel dark in the reference window but not in training may go
 * from 0 up to the history cap. When the history caps cannot hold the budget together, they are
 * dropped (with a warning) and only the relative bounds stay. {@link #none()} leaves unnamed
 * channels free within the budget.
 *
 * @param lowerFactor   at least this share of the current spend (0 for none)
 * @param upperFactor   at most this multiple of the current spend (infinite for none)
 * @param historyFactor at most this multiple of the largest training spend in a period (infinite for none)
 */
public record DefaultBounds(double lowerFactor, double upperFactor, double historyFactor) {

    public DefaultBounds {
        if (!(lowerFactor >= 0.0 && lowerFactor <= 1.0 && upperFactor >= 1.0)) {
            throw new IllegalArgumentException("default bounds must satisfy 0 <= lower <= 1 <= upper, got ["
                    + lowerFactor + "x, " + upperFactor + "x]");
        }
        if (!(historyFactor > 0.0)) {
            throw new IllegalArgumentException("the history cap factor must be > 0, got " + historyFactor);
        }
    }

    /** {@code 0.5x:2x} of the current spend, and no period above the largest one seen in training. */
    public static DefaultBounds standard() {
        return new DefaultBounds(0.5, 2.0, 1.0);
    }

    /** No default bounds: channels without a bound of their own are free within the budget. */
    public static DefaultBounds none() {
        return new DefaultBounds(0.0, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /** Whether these bounds restrict anything. */
    public boolean active() {
        return lowerFactor > 0.0 || Double.isFinite(upperFactor) || Double.isFinite(historyFactor);
    }

    /** {@code 0.5x:2x} (with {@code , history cap 1x} if the cap is not 1), or {@code none}. */
    public String label() {
        if (!active()) {
            return "none";
        }
        String range = factor(lowerFactor) + "x:" + (Double.isFinite(upperFactor) ? factor(upperFactor) + "x" : "");
        if (!Double.isFinite(historyFactor)) {
            return range + ", no history cap";
        }
        return historyFactor == 1.0 ? range : range + ", history cap " + factor(historyFactor) + "x";
    }

    /**
     * Parses the CLI's {@code --default-bounds}: {@code 0.7x:1.3x} (relative to the current spend,
     * with the standard history cap), {@code 0.5x:} (no upper factor) or {@code none}.
     */
    public static DefaultBounds parse(String text) {
        String s = text.trim();
        if (s.equalsIgnoreCase("none")) {
            return none();
        }
        ChannelBound b = ChannelBound.parse(s, "--default-bounds");
        if (!(b instanceof ChannelBound.Relative r)) {
            throw new IllegalArgumentException("--default-bounds: expected lo x:hi x (relative to the current spend)"
                    + " or none, got '" + text + "'");
        }
        try {
            return new DefaultBounds(r.lowerFactor(), r.upperFactor(), standard().historyFactor());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--default-bounds: " + e.getMessage());
        }
    }

    /** A factor as written in a label: {@code 2}, {@code 0.5}. */
    static String factor(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e6 ? Long.toString((long) v) : Double.toString(v);
    }
}
