package dev.mmm.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mmm.core.transform.Adstock;
import dev.mmm.core.transform.Saturation;
import dev.mmm.core.transform.Transforms;
import dev.mmm.priors.Support;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every adstock and saturation at the edges of what the model's bijectors reach (unconstrained
 * coordinates up to +-35) and on inputs from 0 to 1e12: weights, values and derivatives finite.
 * The one documented exception: a saturation's slope at input exactly 0 may be +infinity (Hill or
 * root with exponent below 1), which the model's reverse pass handles.
 */
class TransformExtremesTest {

    private static final double[] U = {-35, -20, -1, 0, 1, 20, 35};
    private static final double[] INPUTS = {0.0, 1e-300, 1e-12, 1e-3, 1.0, 1e3, 1e12};

    /** The constrained values reached from {@link #U} through the model's bijector for this support. */
    static double[] edgeValues(Support s) {
        double[] out = new double[U.length];
        for (int k = 0; k < U.length; k++) {
            double u = U[k];
            if (Double.isInfinite(s.lower()) && Double.isInfinite(s.upper())) {
                out[k] = u;
            } else if (Double.isInfinite(s.upper())) {
                out[k] = s.lower() + Math.exp(u);
            } else if (Double.isInfinite(s.lower())) {
                out[k] = s.upper() - Math.exp(u);
            } else {
                out[k] = s.lower() + (s.upper() - s.lower()) / (1 + Math.exp(-u));
            }
        }
        return out;
    }

    /** Every combination of edge values over the supports (at most 7^2 for two parameters). */
    static List<double[]> grid(List<Support> supports) {
        List<double[]> out = new ArrayList<>();
        out.add(new double[supports.size()]);
        for (int j = 0; j < supports.size(); j++) {
            List<double[]> next = new ArrayList<>();
            for (double[] partial : out) {
                for (double v : edgeValues(supports.get(j))) {
                    double[] p = partial.clone();
                    p[j] = v;
                    next.add(p);
                }
            }
            out = next;
        }
        return out;
    }

    static Stream<String> adstocks() {
        return Transforms.adstockNames().stream();
    }

    static Stream<String> saturations() {
        return Transforms.saturationNames().stream();
    }

    @ParameterizedTest
    @MethodSource("adstocks")
    void adstockWeightsAndJacobianFiniteAtTheEdges(String name) {
        for (boolean normalize : new boolean[] {true, false}) {
            Adstock adstock = Transforms.adstock(name, 12, normalize);
            int n = adstock.weightCount();
            double[] w = new double[n];
            double[][] dw = new double[adstock.parameterNames().size()][n];
            for (double[] params : grid(adstock.parameterSupports())) {
                adstock.weightsAndJacobian(params, w, dw);
                String where = name + (normalize ? " normalised" : "") + " at " + java.util.Arrays.toString(params);
                for (int l = 0; l < n; l++) {
                    assertThat(w[l]).as("w[%d] of %s", l, where).isFinite().isGreaterThanOrEqualTo(0.0);
                    for (int j = 0; j < dw.length; j++) {
                        assertThat(dw[j][l]).as("dw[%d][%d] of %s", j, l, where).isFinite();
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("saturations")
    void saturationValueAndDerivativesFiniteAtTheEdgesAndOnExtremeInputs(String name) {
        Saturation saturation = Transforms.saturation(name);
        int n = INPUTS.length;
        double[] value = new double[n];
        double[] dx = new double[n];
        double[][] dParams = new double[saturation.parameterNames().size()][n];
        for (double[] params : grid(saturation.parameterSupports())) {
            saturation.evaluate(params, INPUTS, n, value, dx, dParams);
            String where = name + " at " + java.util.Arrays.toString(params);
            for (int t = 0; t < n; t++) {
                assertThat(value[t]).as("f(%s) of %s", INPUTS[t], where).isFinite();
                assertThat(saturation.value(INPUTS[t], params)).as("value(%s) of %s", INPUTS[t], where)
                        .isCloseTo(value[t], org.assertj.core.data.Offset.offset(1e-14 * Math.abs(value[t])));
                if (INPUTS[t] == 0.0) {
                    assertThat(dx[t]).as("df/dx at 0 of %s", where).isNotNaN();
                } else {
                    assertThat(dx[t]).as("df/dx(%s) of %s", INPUTS[t], where).isFinite();
                }
                for (int j = 0; j < dParams.length; j++) {
                    assertThat(dParams[j][t]).as("df/dparam[%d](%s) of %s", j, INPUTS[t], where).isFinite();
                }
            }
        }
    }
}
