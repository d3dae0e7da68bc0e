package dev.mmm.core.io;

import java.util.List;

/**
 * Posterior draws in the constrained space: {@code values[chain][draw][parameter]}, parameters in
 * the order of {@code parameterNames}. Chains may hold different numbers of draws (a cancelled
 * fit keeps what each chain finished).
 */
public record Draws(List<String> parameterNames, double[][][] values) {

    public Draws {
        parameterNames = List.copyOf(parameterNames);
        for (int c = 0; c < values.length; c++) {
            for (int d = 0; d < values[c].length; d++) {
                if (values[c][d].length != parameterNames.size()) {
                    throw new IllegalArgumentException("chain " + (c + 1) + ", draw " + (d + 1) + " has "
                            + values[c][d].length + " values for " + parameterNames.size() + " parameters");
                }
            }
        }
    }

    public int chains() {
        return values.length;
    }

    /** All draws of one parameter, chain after chain. */
    public double[] pooled(String name) {
        int j = parameterNames.indexOf(name);
        if (j < 0) {
            throw new IllegalArgumentException("no parameter '" + name + "' in the draws");
        }
        int total = 0;
        for (double[][] chain : values) {
            total += chain.length;
        }
        double[] out = new double[total];
        int k = 0;
        for (double[][] chain : values) {
            for (double[] draw : chain) {
                out[k++] = draw[j];
            }
        }
        return out;
    }
}
