package dev.mmm.sampler;

/** Independent N(mean_i, scale_i²) coordinates; stateless, so shared between chains. */
public final class DiagonalGaussianDensity implements LogDensity {
    private final double[] mean;
    private final double[] scale;

    public DiagonalGaussianDensity(double[] mean, double[] scale) {
        this.mean = mean.clone();
        this.scale = scale.clone();
    }

    public static DiagonalGaussianDensity standard(int dimension) {
        double[] scale = new double[dimension];
        java.util.Arrays.fill(scale, 1.0);
        return new DiagonalGaussianDensity(new double[dimension], scale);
    }

    /** Scales spaced evenly in log from {@code smallest} to {@code largest}, means 0. */
    public static DiagonalGaussianDensity logSpacedScales(int dimension, double smallest, double largest) {
        double[] scale = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            double t = dimension == 1 ? 0 : i / (dimension - 1.0);
            scale[i] = Math.exp(Math.log(smallest) + t * (Math.log(largest) - Math.log(smallest)));
        }
        return new DiagonalGaussianDensity(new double[dimension], scale);
    }

    public double mean(int i) {
        return mean[i];
    }

    public double sd(int i) {
        return scale[i];
    }

    @Override
    public int dimension() {
        return mean.length;
    }

    @Override
    public double logDensityAndGradient(double[] position, double[] gradient) {
        double sum = 0;
        for (int i = 0; i < mean.length; i++) {
            double z = (position[i] - mean[i]) / scale[i];
            sum += z * z;
            gradient[i] = -z / scale[i];
        }
        return -0.5 * sum;
    }
}
