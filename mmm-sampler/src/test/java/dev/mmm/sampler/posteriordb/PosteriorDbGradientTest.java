package dev.mmm.sampler.posteriordb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mmm.sampler.testutil.GradientCheck;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The hand-written posteriordb gradients against finite differences, on synthetic data of the
 * same shape (so these run without the reference files), at random points and at points near
 * the edges of every constraint.
 */
class PosteriorDbGradientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double TOLERANCE = 1e-6;

    private static ArrayNode array(double[] values) {
        ArrayNode node = JSON.createArrayNode();
        for (double v : values) {
            node.add(v);
        }
        return node;
    }

    private static double[] normals(Random rng, int n, double mean, double sd) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = mean + sd * rng.nextGaussian();
        }
        return v;
    }

    private static void check(PosteriorDbModel model, Random rng, double[] edgeValues) {
        int n = model.dimension();
        for (int trial = 0; trial < 20; trial++) {
            double[] q = normals(rng, n, 0, 1.5);
            GradientCheck.assertGradientMatches(model, q, TOLERANCE);
        }
        // every coordinate in turn pushed towards each edge value, the others random
        for (double edge : edgeValues) {
            for (int i = 0; i < n; i++) {
                double[] q = normals(rng, n, 0, 1);
                q[i] = edge;
                GradientCheck.assertGradientMatches(model, q, TOLERANCE);
            }
        }
        double[] q = normals(rng, n, 0, 1);
        double[] constrained = new double[model.parameterNames().size()];
        model.constrain(q, constrained);
        for (double v : constrained) {
            assertThat(v).isFinite();
        }
    }

    @Test
    void eightSchools() {
        Random rng = new Random(1);
        ObjectNode data = JSON.createObjectNode();
        data.set("y", array(normals(rng, 8, 8, 10)));
        data.set("sigma", array(new double[] {15, 10, 16, 11, 9, 11, 10, 18}));
        check(new EightSchoolsNoncentered(data), rng, new double[] {-6, 5});
    }

    @Test
    void kidscoreMomiq() {
        Random rng = new Random(2);
        ObjectNode data = JSON.createObjectNode();
        double[] iq = normals(rng, 434, 100, 15);
        double[] score = new double[iq.length];
        for (int i = 0; i < iq.length; i++) {
            score[i] = 26 + 0.6 * iq[i] + 18 * rng.nextGaussian();
        }
        data.set("kid_score", array(score));
        data.set("mom_iq", array(iq));
        check(new KidscoreMomiq(data), rng, new double[] {-4, 5});
    }

    @Test
    void sblrcBlr() {
        Random rng = new Random(3);
        ObjectNode data = JSON.createObjectNode();
        ArrayNode x = JSON.createArrayNode();
        double[] y = new double[100];
        for (int i = 0; i < 100; i++) {
            double common = rng.nextGaussian();
            double[] row = new double[5];
            for (int d = 0; d < 5; d++) {
                row[d] = 100 * (0.9 * common + 0.45 * rng.nextGaussian());
                y[i] += row[d] * (d + 1) * 0.2;
            }
            y[i] += 5 * rng.nextGaussian();
            x.add(array(row));
        }
        data.set("X", x);
        data.set("y", array(y));
        check(new SblrcBlr(data), rng, new double[] {-4, 5});
    }

    @Test
    void arK() {
        Random rng = new Random(4);
        ObjectNode data = JSON.createObjectNode();
        double[] y = new double[200];
        for (int t = 1; t < y.length; t++) {
            y[t] = 0.2 + 0.8 * y[t - 1] + 0.3 * rng.nextGaussian();
        }
        data.put("K", 5);
        data.set("y", array(y));
        check(new ArK(data), rng, new double[] {-5, 4});
    }

    @Test
    void garch11() {
        Random rng = new Random(5);
        ObjectNode data = JSON.createObjectNode();
        data.set("y", array(normals(rng, 200, 5, 2)));
        data.put("sigma1", 0.5);
        // logits at +-12 put alpha1 or beta1 within 1e-5 of their (dependent) bounds
        check(new Garch11(data), rng, new double[] {-12, -6, 6, 12});
    }

    @Test
    void garchTransformRespectsTheDependentBound() {
        ObjectNode data = JSON.createObjectNode();
        data.set("y", array(new double[] {1, 2, 3}));
        data.put("sigma1", 0.5);
        Garch11 model = new Garch11(data);
        double[] out = new double[4];
        for (double b : new double[] {-30, -3, 0, 3, 30}) {
            for (double c : new double[] {-30, -3, 0, 3, 30}) {
                model.constrain(new double[] {0, 0, b, c}, out);
                assertThat(out[2]).isBetween(0.0, 1.0);
                assertThat(out[3]).isBetween(0.0, 1 - out[2]);
            }
        }
        assertThat(Garch11.logLogistic(-800)).isEqualTo(-800.0);
        assertThat(Garch11.logLogistic(800)).isEqualTo(0.0);
    }
}
