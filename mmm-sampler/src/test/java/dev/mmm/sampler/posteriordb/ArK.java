package dev.mmm.sampler.posteriordb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * arK: y[t] ~ N(alpha + sum_k beta[k] y[t-k], sigma) for t > K; alpha, beta ~ N(0, 10),
 * sigma ~ half-Cauchy(0, 2.5). Unconstrained: (alpha, beta[1..K], log sigma).
 */
final class ArK extends PosteriorDbModel {

    private final int lags;
    private final double[] y;

    ArK(JsonNode data) {
        this.lags = data.get("K").asInt();
        this.y = PosteriorDbData.doubles(data.get("y"));
    }

    @Override
    String posteriorName() {
        return "arK-arK";
    }

    @Override
    List<String> parameterNames() {
        List<String> names = new ArrayList<>();
        names.add("alpha");
        for (int k = 1; k <= lags; k++) {
            names.add("beta[" + k + "]");
        }
        names.add("sigma");
        return names;
    }

    @Override
    void constrain(double[] q, double[] out) {
        System.arraycopy(q, 0, out, 0, lags + 1);
        out[lags + 1] = Math.exp(q[lags + 1]);
    }

    @Override
    public int dimension() {
        return lags + 2;
    }

    @Override
    public double logDensityAndGradient(double[] q, double[] gradient) {
        double alpha = q[0];
        double logSigma = q[lags + 1];
        double sigma = Math.exp(logSigma);
        double precision = 1 / (sigma * sigma);
        double prior = alpha * alpha;
        for (int k = 1; k <= lags; k++) {
            prior += q[k] * q[k];
            gradient[k] = 0;
        }
        double sumSquares = 0;
        double sumResidual = 0;
        for (int t = lags; t < y.length; t++) {
            double mean = alpha;
            for (int k = 1; k <= lags; k++) {
                mean += q[k] * y[t - k];
            }
            double residual = y[t] - mean;
            sumSquares += residual * residual;
            sumResidual += residual;
            for (int k = 1; k <= lags; k++) {
                gradient[k] += residual * y[t - k];
            }
        }
        int n = y.length - lags;
        double lp = -prior / 200 - n * logSigma - 0.5 * sumSquares * precision
                - log1pSquared(sigma, 2.5) + logSigma;
        gradient[0] = -alpha / 100 + sumResidual * precision;
        for (int k = 1; k <= lags; k++) {
            gradient[k] = -q[k] / 100 + gradient[k] * precision;
        }
        gradient[lags + 1] = -n + sumSquares * precision - log1pSquaredDerivative(sigma, 2.5) * sigma + 1;
        return lp;
    }
}
