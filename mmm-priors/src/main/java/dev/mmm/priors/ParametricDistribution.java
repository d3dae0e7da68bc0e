package dev.mmm.priors;

import java.util.Arrays;
import java.util.LinkedHashMap;

/**
 * Identity of a distribution: family name plus parameter values. Two distributions are
 * equal when they are the same family with bit-identical parameters, which is what a JSON
 * round trip preserves.
 */
abstract class ParametricDistribution implements Distribution {

    private final String name;
    private final String[] fieldNames;
    private final double[] values;

    ParametricDistribution(String name, String[] fieldNames, double... values) {
        this.name = name;
        this.fieldNames = fieldNames;
        this.values = values;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final LinkedHashMap<String, Double> parameters() {
        LinkedHashMap<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < fieldNames.length; i++) {
            map.put(fieldNames[i], values[i]);
        }
        return map;
    }

    @Override
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass()
                && Arrays.equals(values, ((ParametricDistribution) other).values);
    }

    @Override
    public final int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public final String toString() {
        StringBuilder sb = new StringBuilder(name).append('(');
        for (int i = 0; i < fieldNames.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(fieldNames[i]).append('=').append(values[i]);
        }
        return sb.append(')').toString();
    }
}
