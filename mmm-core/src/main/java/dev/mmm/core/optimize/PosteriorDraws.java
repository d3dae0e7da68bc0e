package dev.mmm.core.optimize;

import dev.mmm.core.model.MmmFit;

/**
 * The posterior as the optimiser reads it: {@link #count()} constrained parameter vectors in the
 * model's {@code parameterNames()} order. A {@code core.posterior.Posterior} plugs in as
 * {@code PosteriorDraws.of(posterior.drawCount(), (theta, d) -> posterior.drawInto(d, theta))}.
 */
public interface PosteriorDraws {

    /** Number of draws. */
    int count();

    /** Writes draw {@code d} (0-based) into {@code theta}, which has one slot per parameter. */
    void drawInto(int d, double[] theta);

    /** {@code count} draws read on demand by {@code reader.accept(theta, d)}. */
    static PosteriorDraws of(int count, java.util.function.ObjIntConsumer<double[]> reader) {
        if (count < 1) {
            throw new IllegalArgumentException("the posterior has no draws");
        }
        return new PosteriorDraws() {
            @Override
            public int count() {
                return count;
            }

            @Override
            public void drawInto(int d, double[] theta) {
                reader.accept(theta, d);
            }
        };
    }

    /** Draws held as rows of a matrix (one row per draw); the rows are not copied. */
    static PosteriorDraws of(double[][] thetas) {
        if (thetas.length == 0) {
            throw new IllegalArgumentException("the posterior has no draws");
        }
        return new PosteriorDraws() {
            @Override
            public int count() {
                return thetas.length;
            }

            @Override
            public void drawInto(int d, double[] theta) {
                System.arraycopy(thetas[d], 0, theta, 0, thetas[d].length);
            }
        };
    }

    /** Every draw of a fit, chain after chain. */
    static PosteriorDraws of(MmmFit fit) {
        double[][][] draws = fit.draws();
        int total = 0;
        for (double[][] chain : draws) {
            total += chain.length;
        }
        double[][] rows = new double[total][];
        int k = 0;
        for (double[][] chain : draws) {
            for (double[] draw : chain) {
                rows[k++] = draw;
            }
        }
        return of(rows);
    }

    /** One parameter vector taken as a posterior of a single draw (the truth of a simulation, a point estimate). */
    static PosteriorDraws single(double[] theta) {
        return of(new double[][] {theta.clone()});
    }
}
