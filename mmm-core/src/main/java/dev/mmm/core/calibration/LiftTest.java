package dev.mmm.core.calibration;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One experiment on one channel: over the rows dated {@code start} to {@code end} (inclusive) the
 * channel's spend was changed by {@code deltaSpend} in total (data units; positive: more spend
 * than the counterfactual, e.g. the test's whole spend against none), and the target moved by
 * {@code lift} (target units, total) with standard error {@code se}, measured from {@code start}
 * to {@code measuredUntil}.
 *
 * <p>The model's lift is the expected target with the data's spend less the expected target with
 * the window's spend scaled by {@code 1 - deltaSpend / windowSpend} (the change spread over the
 * window in proportion to the data's spend, so {@code deltaSpend = windowSpend} is the channel
 * switched off, the counterfactual behind ROAS), summed over the measured rows, through adstock
 * and saturation, carry-over included.
 *
 * @param measuredUntil last date the measurement covers; null for the test's end plus the
 *                      channel's whole carry-over ({@code l_max - 1} more periods, clipped at the
 *                      data's end). {@code measuredUntil = end} is a lift measured during the test only.
 * @param likelihood    null for {@link LiftLikelihood#NORMAL}
 */
public record LiftTest(String channel, LocalDate start, LocalDate end, double deltaSpend, double lift, double se,
                       LocalDate measuredUntil, LiftLikelihood likelihood) {

    public LiftTest {
        if (channel == null || channel.isBlank()) {
            throw new IllegalArgumentException("channel: missing");
        }
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("end " + end + " is before start " + start);
        }
        if (measuredUntil != null && measuredUntil.isBefore(end)) {
            throw new IllegalArgumentException("measured_until " + measuredUntil + " is before the test's end " + end);
        }
        if (!(se > 0.0) || !Double.isFinite(se)) {
            throw new IllegalArgumentException("se: the standard error must be a finite number > 0, got " + se);
        }
        if (!Double.isFinite(deltaSpend) || deltaSpend == 0.0) {
            throw new IllegalArgumentException("delta_spend: the spend change must be a finite non-zero number, got "
                    + deltaSpend);
        }
        if (!Double.isFinite(lift)) {
            throw new IllegalArgumentException("lift: must be a finite number, got " + lift);
        }
        if (lift * deltaSpend < 0.0) {
            throw new IllegalArgumentException("lift " + lift + " has the opposite sign of the spend change "
                    + deltaSpend + ": media effects are non-negative, so the target moves with spend");
        }
        if (likelihood == null) {
            likelihood = LiftLikelihood.NORMAL;
        }
        if (likelihood == LiftLikelihood.GAMMA && lift == 0.0) {
            throw new IllegalArgumentException("lift: a gamma likelihood needs a non-zero lift");
        }
    }

    /** A test measured over its window and the whole carry-over, Normal likelihood. */
    public static LiftTest of(String channel, LocalDate start, LocalDate end, double deltaSpend, double lift,
                              double se) {
        return new LiftTest(channel, start, end, deltaSpend, lift, se, null, null);
    }

    /** The same test with another likelihood. */
    public LiftTest withLikelihood(LiftLikelihood l) {
        return new LiftTest(channel, start, end, deltaSpend, lift, se, measuredUntil, l);
    }

    /** The same test measured until {@code date} (null: the whole carry-over). */
    public LiftTest measuredUntil(LocalDate date) {
        return new LiftTest(channel, start, end, deltaSpend, lift, se, date, likelihood);
    }
}
