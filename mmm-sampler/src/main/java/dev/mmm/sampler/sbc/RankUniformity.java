package dev.mmm.sampler.sbc;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * The chi-square test of uniform SBC ranks from the Stan user's guide: ranks {@code r in 0..L}
 * go to bin {@code floor(r J / (L + 1))} of J; under calibration every bin expects N/J ranks and
 * {@code X^2 = sum (b_j - N/J)^2 / (N/J)} is chi-square with J - 1 degrees of freedom.
 */
public final class RankUniformity {

    private RankUniformity() {
    }

    /** The test of one parameter's ranks (each in {@code 0..maxRank}). */
    public static ParameterCalibration test(String name, int[] ranks, int maxRank, int bins) {
        if (ranks.length == 0) {
            throw new IllegalArgumentException(name + ": no ranks to test");
        }
        int[] counts = new int[bins];
        for (int i = 0; i < ranks.length; i++) {
            int r = ranks[i];
            if (r < 0 || r > maxRank) {
                throw new IllegalArgumentException(name + ": rank " + r + " of replication " + i
                        + " is outside 0.." + maxRank);
            }
            counts[(int) ((long) r * bins / (maxRank + 1))]++;
        }
        double expected = (double) ranks.length / bins;
        double chiSquare = 0;
        for (int count : counts) {
            double d = count - expected;
            chiSquare += d * d / expected;
        }
        int degreesOfFreedom = bins - 1;
        double pValue = ChiSquaredDistribution.of(degreesOfFreedom).survivalProbability(chiSquare);
        return new ParameterCalibration(name, counts, chiSquare, degreesOfFreedom, pValue);
    }

    /**
     * One parameter's SBC verdict.
     *
     * @param binCounts ranks per bin, lowest ranks first
     * @param pValue probability of a chi-square at least this large if the ranks were uniform
     */
    public record ParameterCalibration(String name, int[] binCounts, double chiSquare,
            int degreesOfFreedom, double pValue) {

        @Override
        public boolean equals(Object other) {
            return other instanceof ParameterCalibration p && name.equals(p.name)
                    && Arrays.equals(binCounts, p.binCounts) && chiSquare == p.chiSquare
                    && degreesOfFreedom == p.degreesOfFreedom && pValue == p.pValue;
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + Arrays.hashCode(binCounts);
        }

        @Override
        public String toString() {
            return name + ": chi2=" + chiSquare + " df=" + degreesOfFreedom + " p=" + pValue + " bins="
                    + Arrays.toString(binCounts);
        }
    }
}
