package dev.mmm.core.transform;

import dev.mmm.priors.Distribution;
import dev.mmm.priors.Support;
import java.util.LinkedHashMap;
import java.util.List;

/** No carry-over: a single weight {@code w = [1]} and no parameters (PyMC-Marketing {@code NoAdstock}). */
public final class NoAdstock implements Adstock {

    @Override
    public String name() {
        return "none";
    }

    /** Always 1: only the current period counts. */
    @Override
    public int lMax() {
        return 1;
    }

    @Override
    public int weightCount() {
        return 1;
    }

    @Override
    public List<String> parameterNames() {
        return List.of();
    }

    @Override
    public List<Support> parameterSupports() {
        return List.of();
    }

    @Override
    public LinkedHashMap<String, Distribution> defaultPriors() {
        return new LinkedHashMap<>();
    }

    @Override
    public void weights(double[] params, double[] w) {
        w[0] = 1.0;
    }

    @Override
    public void weightsAndJacobian(double[] params, double[] w, double[][] dw) {
        w[0] = 1.0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NoAdstock;
    }

    @Override
    public int hashCode() {
        return NoAdstock.class.hashCode();
    }

    @Override
    public String toString() {
        return "none";
    }
}
