package dev.mmm.core.transform;

import static dev.mmm.core.transform.FiniteDifferences.assertClose;
import static dev.mmm.core.transform.FiniteDifferences.derivative;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mmm.core.transform.ChannelTransform.Order;
import dev.mmm.core.transform.ChannelTransform.Workspace;
import dev.mmm.core.transform.FiniteDifferences.Numeric;
import dev.mmm.priors.Support;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Forward values and the reverse pass of every adstock x saturation pair, in both orders. */
class ChannelTransformTest {

    private static final int ROWS = 30;

    private static double[] randomParams(List<Support> supports, SplittableRandom random) {
        double[] params = new double[supports.size()];
        for (int j = 0; j < params.length; j++) {
            Support support = supports.get(j);
            params[j] = support.upper() == 1.0 ? random.nextDouble(0.05, 0.95) : random.nextDouble(0.3, 3.0);
        }
        return params;
    }

    /** Spend with runs of zeros, so some adstocked inputs are exactly 0. */
    private static double[] randomInput(SplittableRandom random, boolean zeros) {
        double[] x = new double[ROWS];
        for (int t = 0; t < ROWS; t++) {
            boolean off = zeros && (t < 3 || (t >= 12 && t < 22) || random.nextDouble() < 0.2);
            x[t] = off ? 0.0 : random.nextDouble(0.05, 1.5);
        }
        return x;
    }

    private static double objective(ChannelTransform transform, double[] pa, double[] ps, double[] x, double[] g) {
        Workspace ws = transform.newWorkspace(x.length);
        double[] r = new double[x.length];
        transform.forward(pa, ps, x, x.length, r, ws);
        double sum = 0.0;
        for (int t = 0; t < x.length; t++) {
            sum += g[t] * r[t];
        }
        return sum;
    }

    private static void checkReversePass(ChannelTransform transform, double[] pa, double[] ps, double[] x,
                                         double[] g, boolean checkX) {
        Workspace ws = transform.newWorkspace(ROWS + 5);
        double[] r = new double[ROWS];
        transform.forward(pa, ps, x, ROWS, r, ws);
        double[] gradA = new double[pa.length];
        double[] gradS = new double[ps.length];
        double[] gradX = checkX ? new double[ROWS] : null;
        transform.backward(g, ws, gradA, gradS, gradX);
        String where = transform.adstock() + " x " + transform.saturation() + " " + transform.order();
        for (int j = 0; j < pa.length; j++) {
            int index = j;
            Numeric numeric = derivative((v, out) -> {
                double[] shifted = pa.clone();
                shifted[index] = v;
                out[0] = objective(transform, shifted, ps, x, g);
            }, pa[j], transform.adstock().parameterSupports().get(j), 1);
            assertClose(where + " d/d" + transform.adstock().parameterNames().get(j), gradA[j],
                    numeric.derivative()[0], numeric.noise());
        }
        for (int j = 0; j < ps.length; j++) {
            int index = j;
            Numeric numeric = derivative((v, out) -> {
                double[] shifted = ps.clone();
                shifted[index] = v;
                out[0] = objective(transform, pa, shifted, x, g);
            }, ps[j], transform.saturation().parameterSupports().get(j), 1);
            assertClose(where + " d/d" + transform.saturation().parameterNames().get(j), gradS[j],
                    numeric.derivative()[0], numeric.noise());
        }
        if (checkX) {
            for (int s = 0; s < ROWS; s++) {
                int index = s;
                Numeric numeric = derivative((v, out) -> {
                    double[] shifted = x.clone();
                    shifted[index] = v;
                    out[0] = objective(transform, pa, ps, shifted, g);
                }, x[s], Support.POSITIVE, 1);
                assertClose(where + " d/dx[" + s + "]", gradX[s], numeric.derivative()[0], numeric.noise());
            }
        }
    }

    @Test
    void reversePassMatchesFiniteDifferencesForEveryPairInBothOrders() {
        SplittableRandom random = new SplittableRandom(2024);
        for (String adstockName : Transforms.adstockNames()) {
            for (boolean normalize : new boolean[] {true, false}) {
                Adstock adstock = Transforms.adstock(adstockName, 6, normalize);
                for (String saturationName : Transforms.saturationNames()) {
                    Saturation saturation = Transforms.saturation(saturationName);
                    for (Order order : Order.values()) {
                        ChannelTransform transform = new ChannelTransform(adstock, saturation, order);
                        for (int draw = 0; draw < 2; draw++) {
                            double[] pa = randomParams(adstock.parameterSupports(), random);
                            double[] ps = randomParams(saturation.parameterSupports(), random);
                            double[] g = new double[ROWS];
                            for (int t = 0; t < ROWS; t++) {
                                g[t] = random.nextDouble(-1.0, 1.0);
                            }
                            // With zero spend the slope of Hill/root at 0 can be infinite: parameters only.
                            checkReversePass(transform, pa, ps, randomInput(random, true), g, false);
                            checkReversePass(transform, pa, ps, randomInput(random, false), g, true);
                        }
                    }
                }
            }
        }
    }

    @Test
    void zeroSpendWindowWithInfiniteSaturationSlopeGivesFiniteParameterGradients() {
        ChannelTransform transform = new ChannelTransform(new GeometricAdstock(4, true), new HillSaturation(),
                Order.ADSTOCK_FIRST);
        double[] x = {0.0, 0.0, 0.0, 0.8, 0.5, 0.0, 0.0, 0.0, 0.0, 0.0, 1.2};
        double[] g = {0.3, -0.2, 0.9, 0.1, -0.4, 0.5, 0.2, -0.1, 0.7, 0.6, -0.3};
        Workspace ws = transform.newWorkspace(x.length);
        double[] r = new double[x.length];
        double[] pa = {0.5};
        double[] ps = {0.6, 0.9};
        transform.forward(pa, ps, x, x.length, r, ws);
        double[] gradA = new double[1];
        double[] gradS = new double[2];
        transform.backward(g, ws, gradA, gradS, null);
        assertThat(gradA[0]).isFinite();
        assertThat(gradS[0]).isFinite();
        assertThat(gradS[1]).isFinite();
        double h = 1e-6;
        double numeric = (objective(transform, new double[] {0.5 + h}, ps, x, g)
                - objective(transform, new double[] {0.5 - h}, ps, x, g)) / (2 * h);
        assertClose("geometric x hill alpha with zero windows", gradA[0], numeric, 1e-9);
    }

    @Test
    void forwardMatchesTheDefinitionInBothOrders() {
        Adstock adstock = new GeometricAdstock(3, false);
        Saturation saturation = new LogisticSaturation();
        double alpha = 0.5;
        double lam = 2.0;
        double[] x = {1.0, 0.0, 2.0, 0.5};
        double[] r = new double[4];
        ChannelTransform first = new ChannelTransform(adstock, saturation, Order.ADSTOCK_FIRST);
        first.forward(new double[] {alpha}, new double[] {lam}, x, 4, r, first.newWorkspace(4));
        assertThat(r[2]).isCloseTo(Math.tanh(lam * (2.0 + 0.0 * alpha + 1.0 * alpha * alpha) / 2), within(1e-15));
        ChannelTransform second = new ChannelTransform(adstock, saturation, Order.SATURATION_FIRST);
        second.forward(new double[] {alpha}, new double[] {lam}, x, 4, r, second.newWorkspace(4));
        assertThat(r[3]).isCloseTo(Math.tanh(lam * 0.5 / 2) + alpha * Math.tanh(lam * 2.0 / 2)
                + alpha * alpha * 0.0, within(1e-15));
    }

    @Test
    void workspaceMisuseIsRejectedWithAClearMessage() {
        ChannelTransform a = new ChannelTransform(new NoAdstock(), new NoSaturation(), Order.ADSTOCK_FIRST);
        ChannelTransform b = new ChannelTransform(new NoAdstock(), new NoSaturation(), Order.ADSTOCK_FIRST);
        Workspace ws = a.newWorkspace(3);
        double[] r = new double[5];
        assertThatThrownBy(() -> b.forward(new double[0], new double[0], new double[3], 3, r, ws))
                .hasMessageContaining("different ChannelTransform");
        assertThatThrownBy(() -> a.forward(new double[0], new double[0], new double[5], 5, r, ws))
                .hasMessageContaining("5 rows");
        assertThatThrownBy(() -> a.backward(new double[3], ws, new double[0], new double[0], null))
                .hasMessageContaining("forward");
    }
}
