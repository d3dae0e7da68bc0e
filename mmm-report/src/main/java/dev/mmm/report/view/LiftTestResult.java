package dev.mmm.report.view;

import java.time.LocalDate;

/**
 * A lift test (geo or holdout experiment) next to what the model says for the same channel and window.
 *
 * @param channel       channel tested
 * @param start         first day of the test
 * @param end           last day of the test, not before start
 * @param measuredLift  lift the experiment measured (target units)
 * @param measuredSd    its standard error, positive
 * @param modelLift     the model's lift for the same change of spend, or null when not computed
 */
public record LiftTestResult(String channel, LocalDate start, LocalDate end, double measuredLift, double measuredSd,
                             Estimate modelLift) {
    /** Checks names, the window and the numbers. */
    public LiftTestResult {
        Checks.name(channel, "LiftTestResult.channel");
        String what = "LiftTestResult '" + channel + "'";
        Checks.notNull(start, what + ".start");
        Checks.notNull(end, what + ".end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException(what + ": end " + end + " is before start " + start);
        }
        Checks.finite(measuredLift, what + ".measuredLift");
        Checks.finite(measuredSd, what + ".measuredSd");
        if (measuredSd <= 0) {
            throw new IllegalArgumentException(what + ".measuredSd = " + measuredSd + "; it must be positive");
        }
    }

    /** How many measured standard errors the model's mean lies from the measured lift; NaN without a model lift. */
    public double zScore() {
        return modelLift == null ? Double.NaN : (modelLift.mean() - measuredLift) / measuredSd;
    }
}
