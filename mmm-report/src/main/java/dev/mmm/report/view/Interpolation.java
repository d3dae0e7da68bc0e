package dev.mmm.report.view;

/** Linear interpolation on an increasing grid. */
final class Interpolation {

    private Interpolation() {
    }

    /** {@code y} at {@code x0} by linear interpolation; {@code x} increasing and {@code x0} within its range. */
    static double linear(double[] x, double[] y, double x0) {
        int hi = 1;
        while (hi < x.length - 1 && x[hi] < x0) {
            hi++;
        }
        int lo = hi - 1;
        double w = (x0 - x[lo]) / (x[hi] - x[lo]);
        return y[lo] + w * (y[hi] - y[lo]);
    }
}
