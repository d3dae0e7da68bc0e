package dev.mmm.core.model;

/**
 * The function saturation coordinates shear by ({@link CompiledModel#withSaturationCoordinates}):
 * the log of the default model's logistic saturation {@code (1 - e^-u) / (1 + e^-u) = tanh(u / 2)},
 * and its derivative in {@code log u}, both stable from {@code u} near 0 (where the saturation is
 * linear, {@code log u - log 2}, slope 1) to {@code u} in the hundreds (saturated, 0, slope 0).
 */
final class LogisticShear {

    private LogisticShear() {
    }

    /** {@code log((1 - e^-u) / (1 + e^-u))} for {@code u > 0}. */
    static double logLogistic(double u) {
        return Math.log(-Math.expm1(-u)) - Math.log1p(Math.exp(-u));
    }

    /** {@code d logLogistic(u) / d log u = u / sinh(u)}. */
    static double dLogLogisticDLogU(double u) {
        if (u < 1e-8) {
            return 1.0;
        }
        if (u > 700) {
            return 0.0;
        }
        return u / Math.sinh(u);
    }
}
