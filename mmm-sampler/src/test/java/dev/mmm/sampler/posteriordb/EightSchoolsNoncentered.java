package dev.mmm.sampler.posteriordb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * eight_schools_noncentered: theta_trans[j] ~ N(0,1), mu ~ N(0,5), tau ~ half-Cauchy(0,5),
 * y[j] ~ N(mu + tau theta_trans[j], sigma[j]). Unconstrained: (mu, log tau, theta_trans[1..J]).
 */
final class EightSchoolsNoncentered extends PosteriorDbModel {

    private final double[] y;
    private final double[] sigma;

    EightSchoolsNoncentered(JsonNode data) {
        this.y = PosteriorDbData.doubles(data.get("y"));
        this.sigma = PosteriorDbData.doubles(data.get("sigma"));
    }

    @Override
    String posteriorName() {
        return "eight_schools-eight_schools_noncentered";
    }

    @Override
    List<String> parameterNames() {
        List<String> names = new ArrayList<>();
        for (int j = 1; j <= y.length; j++) {
            names.add("theta[" + j + "]");
        }
        names.add("mu");
        names.add("tau");
        return names;
    }

    @Override
    void constrain(double[] q, double[] out) {
        double mu = q[0];
        double tau = Math.exp(q[1]);
        for (int j = 0; j < y.length; j++) {
            out[j] = mu + tau * q[2 + j];
        }
        out[y.length] = mu;
        out[y.length + 1] = tau;
    }

    @Override
    public int dimension() {
        return 2 + y.length;
    }

    @Override
    public double logDensityAndGradient(double[] q, double[] gradient) {
        double mu = q[0];
        double logTau = q[1];
        double tau = Math.exp(logTau);
        double lp = -mu * mu / 50 - log1pSquared(tau, 5) + logTau;
        double dMu = -mu / 25;
        double dTau = -log1pSquaredDerivative(tau, 5);
        for (int j = 0; j < y.length; j++) {
            double thetaTrans = q[2 + j];
            double residual = y[j] - mu - tau * thetaTrans;
            double precision = 1 / (sigma[j] * sigma[j]);
            lp += -0.5 * thetaTrans * thetaTrans - 0.5 * residual * residual * precision;
            double dTheta = residual * precision;
            dMu += dTheta;
            dTau += dTheta * thetaTrans;
            gradient[2 + j] = -thetaTrans + dTheta * tau;
        }
        gradient[0] = dMu;
        gradient[1] = dTau * tau + 1;
        return lp;
    }
}
