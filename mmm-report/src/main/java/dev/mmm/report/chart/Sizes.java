package dev.mmm.report.chart;

/** Checks of chart sizes. */
final class Sizes {

    /** Below this many pixels a side, axes and legend leave no room to plot. */
    static final int MIN_SIDE = 100;

    private Sizes() {
    }

    static void check(int width, int height) {
        if (width < MIN_SIDE || height < MIN_SIDE) {
            throw new IllegalArgumentException("chart size " + width + "x" + height + " is too small; each side needs at least "
                    + MIN_SIDE + " pixels");
        }
    }
}
