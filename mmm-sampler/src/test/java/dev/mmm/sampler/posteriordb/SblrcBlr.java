package dev.mmm.sampler.posteriordb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * blr: y ~ N(X beta, sigma), beta[d] ~ N(0, 10), sigma ~ half-N(0, 10).
 * Unconstrained: (beta[1..D], log sigma).
 */
final class SblrcBlr extends PosteriorDbModel {

    private final double[][] x;
    private final double[] y;
    private final int columns;
    /** X'X and X'y: the likelihood needs only these and y'y, so a call costs O(D^2). */
    private final double[][] gram;
    private final double[] xty;
    private final double yty;
    private final double[] gramBeta;

    SblrcBlr(JsonNode data) {
        this.x = PosteriorDbData.matrix(data.get("X"));
        this.y = PosteriorDbData.doubles(data.get("y"));
        this.columns = x[0].length;
        this.gram = new double[columns][columns];
        this.xty = new double[columns];
        double yy = 0;
        for (int i = 0; i < y.length; i++) {
            for (int a = 0; a < columns; a++) {
                xty[a] += x[i][a] * y[i];
                for (int b = 0; b < columns; b++) {
                    gram[a][b] += x[i][a] * x[i][b];
                }
            }
            yy += y[i] * y[i];
        }
        this.yty = yy;
        this.gramBeta = new double[columns];
    }

    /** Shares the read-only data; only the scratch buffer is per chain. */
    private SblrcBlr(SblrcBlr other) {
        this.x = other.x;
        this.y = other.y;
        this.columns = other.columns;
        this.gram = other.gram;
        this.xty = other.xty;
        this.yty = other.yty;
        this.gramBeta = new double[columns];
    }

    @Override
    public SblrcBlr copyForChain() {
        return new SblrcBlr(this);
    }

    @Override
    String posteriorName() {
        return "sblrc-blr";
    }

    @Override
    List<String> parameterNames() {
        List<String> names = new ArrayList<>();
        for (int d = 1; d <= columns; d++) {
            names.add("beta[" + d + "]");
        }
        names.add("sigma");
        return names;
    }

    @Override
    void constrain(double[] q, double[] out) {
        System.arraycopy(q, 0, out, 0, columns);
        out[columns] = Math.exp(q[columns]);
    }

    @Override
    public int dimension() {
        return columns + 1;
    }

    @Override
    public double logDensityAndGradient(double[] q, double[] gradient) {
        double logSigma = q[columns];
        double sigma = Math.exp(logSigma);
        double precision = 1 / (sigma * sigma);
        // ||y - X beta||^2 = y'y - 2 beta'X'y + beta'X'X beta
        double quadratic = 0;
        double linear = 0;
        double prior = 0;
        for (int a = 0; a < columns; a++) {
            double s = 0;
            for (int b = 0; b < columns; b++) {
                s += gram[a][b] * q[b];
            }
            gramBeta[a] = s;
            quadratic += q[a] * s;
            linear += q[a] * xty[a];
            prior += q[a] * q[a];
        }
        double sumSquares = yty - 2 * linear + quadratic;
        int n = y.length;
        double lp = -prior / 200 - sigma * sigma / 200 - n * logSigma - 0.5 * sumSquares * precision
                + logSigma;
        for (int a = 0; a < columns; a++) {
            gradient[a] = -q[a] / 100 + (xty[a] - gramBeta[a]) * precision;
        }
        gradient[columns] = -sigma * sigma / 100 - n + sumSquares * precision + 1;
        return lp;
    }
}
