package dev.mmm.benchmarks;

import dev.mmm.sampler.LogDensity;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts each chain's gradient evaluations: the sampler asks for one copy per chain, in chain
 * order, so {@link #chain(int)} is chain c's counter (read it from a progress listener to split
 * the count by warm-up phase).
 */
final class CountingDensity implements LogDensity {
    private final LogDensity delegate;
    private final List<CountingDensity> copies;
    private long count;

    CountingDensity(LogDensity delegate) {
        this(delegate, new ArrayList<>());
    }

    private CountingDensity(LogDensity delegate, List<CountingDensity> copies) {
        this.delegate = delegate;
        this.copies = copies;
    }

    /** Gradient evaluations so far by chain {@code c}'s copy. */
    long chain(int c) {
        synchronized (copies) {
            return copies.get(c).count;
        }
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    @Override
    public double logDensityAndGradient(double[] position, double[] gradient) {
        count++;
        return delegate.logDensityAndGradient(position, gradient);
    }

    @Override
    public LogDensity copyForChain() {
        CountingDensity copy = new CountingDensity(delegate.copyForChain(), copies);
        synchronized (copies) {
            copies.add(copy);
        }
        return copy;
    }
}
