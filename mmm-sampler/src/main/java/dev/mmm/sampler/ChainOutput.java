package dev.mmm.sampler;

/** Everything one chain produced; arrays sized for all requested draws, the first {@code completed} filled. */
final class ChainOutput {
    final double[][] positions;
    final double[] logDensity;
    final int[] treeDepth;
    final int[] leapfrogSteps;
    final boolean[] divergent;
    final double[] energy;
    final double[] acceptance;
    int completed;
    boolean finished;
    double stepSize = Double.NaN;
    double[] inverseMetricDiagonal;
    /** The whole M⁻¹ of a dense metric, null for a diagonal one. */
    double[][] inverseMetricDense;
    /** The position the chain stopped at (the last draw, or where warm-up stopped). */
    final double[] lastPosition;
    long gradientEvaluations;
    double warmupSeconds;
    double samplingSeconds;

    ChainOutput(int draws, int dimension) {
        positions = new double[draws][dimension];
        logDensity = new double[draws];
        treeDepth = new int[draws];
        leapfrogSteps = new int[draws];
        divergent = new boolean[draws];
        energy = new double[draws];
        acceptance = new double[draws];
        inverseMetricDiagonal = new double[dimension];
        lastPosition = new double[dimension];
    }
}
