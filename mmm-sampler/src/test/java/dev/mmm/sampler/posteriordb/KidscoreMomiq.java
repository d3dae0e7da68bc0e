package dev.mmm.sampler.posteriordb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * kidscore_momiq: kid_score ~ N(beta[1] + beta[2] mom_iq, sigma), sigma ~ half-Cauchy(0, 2.5),
 * beta flat. Unconstrained: (beta[1], beta[2], log sigma).
 */
final class KidscoreMomiq extends PosteriorDbModel {

    private final double[] kidScore;
    private final double[] momIq;

    KidscoreMomiq(JsonNode data) {
        this.kidScore = PosteriorDbData.doubles(data.get("kid_score"));
        this.momIq = PosteriorDbData.doubles(data.get("mom_iq"));
    }

    @Override
    String posteriorName() {
        return "kidiq-kidscore_momiq";
    }

    @Override
    List<String> parameterNames() {
        return List.of("beta[1]", "beta[2]", "sigma");
    }

    @Override
    void constrain(double[] q, double[] out) {
        out[0] = q[0];
        out[1] = q[1];
        out[2] = Math.exp(q[2]);
    }

    @Override
    public int dimension() {
        return 3;
    }

    @Override
    public double logDensityAndGradient(double[] q, double[] gradient) {
        double intercept = q[0];
        double slope = q[1];
        double logSigma = q[2];
        double sigma = Math.exp(logSigma);
        double sumResidual = 0;
        double sumResidualIq = 0;
        double sumSquares = 0;
        for (int i = 0; i < kidScore.length; i++) {
            double residual = kidScore[i] - intercept - slope * momIq[i];
            sumResidual += residual;
            sumResidualIq += residual * momIq[i];
            sumSquares += residual * residual;
        }
        double precision = 1 / (sigma * sigma);
        int n = kidScore.length;
        double lp = -n * logSigma - 0.5 * sumSquares * precision - log1pSquared(sigma, 2.5) + logSigma;
        gradient[0] = sumResidual * precision;
        gradient[1] = sumResidualIq * precision;
        // d/dlogSigma of -n log sigma - SS/(2 sigma^2) is -n + SS/sigma^2
        gradient[2] = -n + sumSquares * precision - log1pSquaredDerivative(sigma, 2.5) * sigma + 1;
        return lp;
    }
}
