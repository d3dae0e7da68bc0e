package dev.mmm.report.view;

/**
 * One bar of a waterfall: a component's total contribution over the whole period (target units).
 * The waterfall adds the steps in order and ends with their total.
 *
 * @param name  component name
 * @param value total contribution, may be negative
 */
public record WaterfallStep(String name, double value) {
    /** Checks the name and that the value is finite. */
    public WaterfallStep {
        Checks.name(name, "WaterfallStep.name");
        Checks.finite(value, "WaterfallStep '" + name + "'.value");
    }
}
