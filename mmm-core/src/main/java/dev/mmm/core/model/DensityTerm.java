package dev.mmm.core.model;

/**
 * An extra component of the log posterior beyond the priors and the likelihood of the target
 * rows: a lift test's measurement, a calibration prior on a derived quantity. Added after the
 * likelihood in {@link CompiledModel#logDensityAndGradient}, so calibration plugs in without
 * touching the terms of the mean.
 *
 * <p>Hot path contract: {@link #addLogDensity} allocates nothing; an instance may cache forward
 * values for its own reverse pass, so one instance serves one thread ({@link #copy()} gives
 * another).
 */
public interface DensityTerm {

    /** Short name for messages, e.g. {@code lift_test[0]}. */
    String name();

    /**
     * Returns this component's log density at constrained {@code theta} and adds its derivative
     * with respect to each constrained parameter into {@code dTheta}.
     */
    double addLogDensity(double[] theta, double[] dTheta);

    /** An instance with its own scratch, sharing immutable data. */
    DensityTerm copy();
}
