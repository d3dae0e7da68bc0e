package dev.mmm.sampler.posteriordb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * garch11: sigma[1] = sigma1, sigma[t]^2 = alpha0 + alpha1 (y[t-1] - mu)^2 + beta1 sigma[t-1]^2,
 * y[t] ~ N(mu, sigma[t]); flat priors on mu, alpha0 > 0, 0 < alpha1 < 1, 0 < beta1 < 1 - alpha1.
 *
 * <p>Unconstrained (mu, a, b, c): alpha0 = exp(a), alpha1 = logistic(b),
 * beta1 = (1 - alpha1) logistic(c), Stan's lower-upper transform with the upper bound depending
 * on alpha1. The Jacobian is triangular, so its log determinant is
 * {@code a + log s_b + 2 log(1 - s_b) + log s_c + log(1 - s_c)}.
 */
final class Garch11 extends PosteriorDbModel {

    private final double[] y;
    private final double sigma1;

    Garch11(JsonNode data) {
        this.y = PosteriorDbData.doubles(data.get("y"));
        this.sigma1 = data.get("sigma1").asDouble();
    }

    @Override
    String posteriorName() {
        return "garch-garch11";
    }

    @Override
    List<String> parameterNames() {
        return List.of("mu", "alpha0", "alpha1", "beta1");
    }

    @Override
    void constrain(double[] q, double[] out) {
        out[0] = q[0];
        out[1] = Math.exp(q[1]);
        double alpha1 = logistic(q[2]);
        out[2] = alpha1;
        out[3] = (1 - alpha1) * logistic(q[3]);
    }

    @Override
    public int dimension() {
        return 4;
    }

    @Override
    public double logDensityAndGradient(double[] q, double[] gradient) {
        double mu = q[0];
        double alpha0 = Math.exp(q[1]);
        double sB = logistic(q[2]);
        double oneMinusSB = logistic(-q[2]);
        double sC = logistic(q[3]);
        double oneMinusSC = logistic(-q[3]);
        double alpha1 = sB;
        double beta1 = oneMinusSB * sC;

        double firstResidual = y[0] - mu;
        double lp = -0.5 * firstResidual * firstResidual / (sigma1 * sigma1);
        double dMu = firstResidual / (sigma1 * sigma1);
        double dAlpha0 = 0;
        double dAlpha1 = 0;
        double dBeta1 = 0;
        // forward-mode tangents of v[t] = sigma[t]^2 with respect to (mu, alpha0, alpha1, beta1)
        double variance = sigma1 * sigma1;
        double vMu = 0;
        double vAlpha0 = 0;
        double vAlpha1 = 0;
        double vBeta1 = 0;
        double previousResidual = firstResidual;
        for (int t = 1; t < y.length; t++) {
            double previousVariance = variance;
            variance = alpha0 + alpha1 * previousResidual * previousResidual + beta1 * previousVariance;
            vMu = -2 * alpha1 * previousResidual + beta1 * vMu;
            vAlpha0 = 1 + beta1 * vAlpha0;
            vAlpha1 = previousResidual * previousResidual + beta1 * vAlpha1;
            vBeta1 = previousVariance + beta1 * vBeta1;
            double residual = y[t] - mu;
            double residualSquared = residual * residual;
            lp += -0.5 * Math.log(variance) - 0.5 * residualSquared / variance;
            double dVariance = -0.5 / variance + 0.5 * residualSquared / (variance * variance);
            dMu += residual / variance + dVariance * vMu;
            dAlpha0 += dVariance * vAlpha0;
            dAlpha1 += dVariance * vAlpha1;
            dBeta1 += dVariance * vBeta1;
            previousResidual = residual;
        }
        double logJacobian = q[1] + logLogistic(q[2]) + 2 * logLogistic(-q[2]) + logLogistic(q[3])
                + logLogistic(-q[3]);
        gradient[0] = dMu;
        gradient[1] = dAlpha0 * alpha0 + 1;
        double dsB = sB * oneMinusSB;
        gradient[2] = dAlpha1 * dsB - dBeta1 * dsB * sC + (1 - 3 * sB);
        gradient[3] = dBeta1 * oneMinusSB * sC * oneMinusSC + (1 - 2 * sC);
        return lp + logJacobian;
    }

    static double logistic(double u) {
        return u >= 0 ? 1 / (1 + Math.exp(-u)) : Math.exp(u) / (1 + Math.exp(u));
    }

    /** log(logistic(u)) without overflow or cancellation at either end. */
    static double logLogistic(double u) {
        return u >= 0 ? -Math.log1p(Math.exp(-u)) : u - Math.log1p(Math.exp(u));
    }
}
