package dev.mmm.sampler.adapt;

/**
 * Nesterov dual averaging of log step size (Hoffman and Gelman 2014), with Stan's constants
 * and update order ({@code stepsize_adaptation.hpp}).
 */
public final class DualAveraging {
    public static final double DEFAULT_GAMMA = 0.05;
    public static final double DEFAULT_KAPPA = 0.75;
    public static final double DEFAULT_T0 = 10;

    private final double targetAcceptance;
    private final double gamma;
    private final double kappa;
    private final double t0;
    private double mu;
    private int counter;
    private double sBar;
    private double xBar;

    public DualAveraging(double targetAcceptance) {
        this(targetAcceptance, DEFAULT_GAMMA, DEFAULT_KAPPA, DEFAULT_T0);
    }

    public DualAveraging(double targetAcceptance, double gamma, double kappa, double t0) {
        this.targetAcceptance = targetAcceptance;
        this.gamma = gamma;
        this.kappa = kappa;
        this.t0 = t0;
        this.mu = Math.log(10);
    }

    /** Sets the shrinkage point; Stan uses log(10 ε) for the current ε. */
    public void setMu(double mu) {
        this.mu = mu;
    }

    public void restart() {
        counter = 0;
        sBar = 0;
        xBar = 0;
    }

    /** Learns from one acceptance statistic and returns the next step size to use. */
    public double learn(double acceptance) {
        counter++;
        double a = acceptance > 1 ? 1 : acceptance;
        double eta = 1.0 / (counter + t0);
        sBar = (1.0 - eta) * sBar + eta * (targetAcceptance - a);
        double x = mu - sBar * Math.sqrt(counter) / gamma;
        double xEta = Math.pow(counter, -kappa);
        xBar = (1.0 - xEta) * xBar + xEta * x;
        return Math.exp(x);
    }

    /** The averaged step size to sample with once adaptation ends. */
    public double finalStepSize() {
        return Math.exp(xBar);
    }

    public int iterations() {
        return counter;
    }
}
