package dev.mmm.core.geo;

/**
 * One block of parameters partially pooled across geos: member g's value is
 * {@code v_g = link(z_g)} with {@code z_g ~ Normal(mu, tau)}, the link the identity (normal
 * pooling) or exp (log-normal pooling). Non-centred, the sampler sees {@code dev_g ~ Normal(0, 1)}
 * and {@code z_g = mu + tau * dev_g}; centred, it sees {@code z_g} itself and the block adds the
 * hierarchical density {@code sum_g log Normal(z_g | mu, tau)} with its gradient.
 *
 * <p>Reads and writes a model's value vector by index (constrained parameters, then derived
 * values); allocation-free.
 */
final class PooledBlock {

    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2.0 * Math.PI);

    private final boolean logNormal;
    private final boolean centred;
    private final int muIndex;
    private final int tauIndex;
    /** The sampled member (dev_g or z_g) of each geo. */
    private final int[] memberIndex;
    /** Where each member's value v_g is written. */
    private final int[] valueIndex;

    PooledBlock(boolean logNormal, boolean centred, int muIndex, int tauIndex, int[] memberIndex, int[] valueIndex) {
        this.logNormal = logNormal;
        this.centred = centred;
        this.muIndex = muIndex;
        this.tauIndex = tauIndex;
        this.memberIndex = memberIndex.clone();
        this.valueIndex = valueIndex.clone();
    }

    /**
     * Writes every member's value and returns the hierarchical log density (0 when non-centred,
     * where the members' Normal(0, 1) is an ordinary prior), adding its gradient into {@code dValues}.
     */
    double forward(double[] values, double[] dValues) {
        double mu = values[muIndex];
        double tau = values[tauIndex];
        double logDensity = 0.0;
        if (centred) {
            double inverse = 1.0 / tau;
            double dTau = 0.0;
            double dMu = 0.0;
            for (int g = 0; g < memberIndex.length; g++) {
                double z = values[memberIndex[g]];
                double r = (z - mu) * inverse;
                logDensity += -0.5 * r * r;
                dValues[memberIndex[g]] -= r * inverse;
                dMu += r * inverse;
                dTau += r * r * inverse;
                values[valueIndex[g]] = logNormal ? Math.exp(z) : z;
            }
            int n = memberIndex.length;
            logDensity -= n * (Math.log(tau) + HALF_LOG_TWO_PI);
            dValues[muIndex] += dMu;
            dValues[tauIndex] += dTau - n * inverse;
        } else {
            for (int g = 0; g < memberIndex.length; g++) {
                double z = mu + tau * values[memberIndex[g]];
                values[valueIndex[g]] = logNormal ? Math.exp(z) : z;
            }
        }
        return logDensity;
    }

    /** Pushes the gradient of each member's value into the block's sampled parameters. */
    void reverse(double[] values, double[] dValues) {
        double dMu = 0.0;
        double dTau = 0.0;
        double tau = values[tauIndex];
        for (int g = 0; g < memberIndex.length; g++) {
            int v = valueIndex[g];
            double dz = logNormal ? dValues[v] * values[v] : dValues[v];
            if (centred) {
                dValues[memberIndex[g]] += dz;
            } else {
                dMu += dz;
                dTau += dz * values[memberIndex[g]];
                dValues[memberIndex[g]] += dz * tau;
            }
        }
        if (!centred) {
            dValues[muIndex] += dMu;
            dValues[tauIndex] += dTau;
        }
    }
}
