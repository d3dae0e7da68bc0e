package dev.mmm.sampler.sbc;

import dev.mmm.sampler.LogDensity;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The conjugate normal model with unknown mean and precision: tau ~ Gamma(a, rate b),
 * mu | tau ~ N(0, 1 / sqrt(kappa tau)), y[i] ~ N(mu, 1 / sqrt(tau)); parameters of interest mu
 * and sigma = 1 / sqrt(tau). Its posterior is exact (normal-gamma) when {@code overconfidence}
 * is 1; a larger value raises the likelihood to that power, a posterior too narrow on purpose.
 */
final class NormalGammaModel implements SbcModel<double[]> {

    private static final double SHAPE = 3;
    private static final double RATE = 2;
    private static final double KAPPA = 0.5;

    private final int observations;
    private final double overconfidence;

    NormalGammaModel(int observations, double overconfidence) {
        this.observations = observations;
        this.overconfidence = overconfidence;
    }

    @Override
    public List<String> parameterNames() {
        return List.of("mu", "sigma");
    }

    @Override
    public double[] samplePrior(UniformRandomProvider rng) {
        double tau = AhrensDieterMarsagliaTsangGammaSampler.of(rng, SHAPE, 1 / RATE).sample();
        double mu = ZigguratSampler.NormalizedGaussian.of(rng).sample() / Math.sqrt(KAPPA * tau);
        return new double[] {mu, 1 / Math.sqrt(tau)};
    }

    @Override
    public double[] simulate(double[] parameters, UniformRandomProvider rng) {
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] y = new double[observations];
        for (int i = 0; i < observations; i++) {
            y[i] = parameters[0] + parameters[1] * normal.sample();
        }
        return y;
    }

    @Override
    public SbcPosterior posterior(double[] y) {
        return new SbcPosterior(new Density(y, overconfidence), (q, out) -> {
            out[0] = q[0];
            out[1] = Math.exp(-0.5 * q[1]);
        });
    }

    /** Unconstrained (mu, log tau). */
    static final class Density implements LogDensity {
        private final double n;
        private final double sum;
        private final double sumSquares;

        Density(double[] y, double overconfidence) {
            double s = 0;
            double ss = 0;
            for (double v : y) {
                s += v;
                ss += v * v;
            }
            // the likelihood to the power w is that of w copies of the data
            this.n = y.length * overconfidence;
            this.sum = s * overconfidence;
            this.sumSquares = ss * overconfidence;
        }

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public double logDensityAndGradient(double[] q, double[] gradient) {
            double mu = q[0];
            double logTau = q[1];
            double tau = Math.exp(logTau);
            double residualSquares = sumSquares - 2 * mu * sum + n * mu * mu;
            double rateTerm = RATE + 0.5 * KAPPA * mu * mu + 0.5 * residualSquares;
            // Gamma prior (a - 1) log tau, N(mu) prior 1/2 log tau, likelihood n/2 log tau, Jacobian log tau
            double logTauPower = SHAPE + 0.5 + 0.5 * n;
            gradient[0] = -tau * ((KAPPA + n) * mu - sum);
            gradient[1] = logTauPower - tau * rateTerm;
            return logTauPower * logTau - tau * rateTerm;
        }
    }
}
