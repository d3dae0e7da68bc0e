package dev.mmm.sampler;

/** Counts gradient evaluations of one chain's density; used by one thread only. */
final class CountingLogDensity implements LogDensity {
    private final LogDensity delegate;
    private long evaluations;

    CountingLogDensity(LogDensity delegate) {
        this.delegate = delegate;
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    @Override
    public double logDensityAndGradient(double[] position, double[] gradient) {
        evaluations++;
        return delegate.logDensityAndGradient(position, gradient);
    }

    long evaluations() {
        return evaluations;
    }
}
