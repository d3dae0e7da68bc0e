package dev.mmm.sampler;

import java.util.concurrent.atomic.AtomicLong;

/** A 2-d standard normal whose gradient throws, as a model's would on a bad parameter, after a number of calls. */
final class FailingGaussian {
    static final String MESSAGE = "adstock alpha out of range in channel tv";

    private FailingGaussian() {
    }

    /** Throws {@link LogDensityException} with {@link #MESSAGE} from call {@code calls + 1} on (counted over every chain). */
    static LogDensity after(int calls) {
        AtomicLong count = new AtomicLong();
        return new LogDensity() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double logDensityAndGradient(double[] q, double[] g) {
                if (count.incrementAndGet() > calls) {
                    throw new LogDensityException(MESSAGE);
                }
                g[0] = -q[0];
                g[1] = -q[1];
                return -0.5 * (q[0] * q[0] + q[1] * q[1]);
            }
        };
    }
}
