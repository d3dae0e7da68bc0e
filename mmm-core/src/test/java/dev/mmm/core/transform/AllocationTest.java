package dev.mmm.core.transform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mmm.core.transform.ChannelTransform.Order;
import dev.mmm.core.transform.ChannelTransform.Workspace;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The hot-path methods allocate nothing: counted with the JVM's per-thread allocation
 * counter over many calls, after a warm-up.
 */
class AllocationTest {

    private static final int CALLS = 5_000;

    private static com.sun.management.ThreadMXBean threads() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean,
                "this JVM does not count allocated bytes per thread");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported(), "allocation counting unsupported");
        threads.setThreadAllocatedMemoryEnabled(true);
        return threads;
    }

    /** Bytes allocated by the current thread while running {@code body} CALLS times. */
    private static long allocatedBy(Runnable body) {
        com.sun.management.ThreadMXBean threads = threads();
        long id = Thread.currentThread().getId();
        for (int i = 0; i < CALLS; i++) {
            body.run();
        }
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < CALLS; i++) {
            body.run();
        }
        return threads.getThreadAllocatedBytes(id) - before;
    }

    @Test
    void weightsAndJacobiansAllocateNothing() {
        for (String name : Transforms.adstockNames()) {
            for (boolean normalize : new boolean[] {true, false}) {
                Adstock adstock = Transforms.adstock(name, 8, normalize);
                double[] params = adstock.parameterNames().size() == 2 ? new double[] {0.6, 1.7} : new double[] {0.4};
                double[] w = new double[adstock.weightCount()];
                double[][] dw = new double[adstock.parameterNames().size()][adstock.weightCount()];
                long bytes = allocatedBy(() -> {
                    adstock.weights(params, w);
                    adstock.weightsAndJacobian(params, w, dw);
                });
                // A few bytes of slack for the counter itself, far below one array per call.
                assertThat(bytes).as("%s allocated over %d calls", adstock, CALLS).isLessThan(1024);
            }
        }
    }

    @Test
    void saturationEvaluateAndChannelTransformAllocateNothing() {
        int rows = 52;
        double[] x = new double[rows];
        double[] g = new double[rows];
        for (int t = 0; t < rows; t++) {
            x[t] = (t % 5 == 0) ? 0.0 : 0.1 + 0.03 * t;
            g[t] = Math.sin(t);
        }
        for (String name : Transforms.saturationNames()) {
            Saturation saturation = Transforms.saturation(name);
            double[] params = saturation.parameterNames().size() == 2 ? new double[] {1.4, 0.8} : new double[] {0.7};
            double[] value = new double[rows];
            double[] dx = new double[rows];
            double[][] dParams = new double[saturation.parameterNames().size()][rows];
            long bytes = allocatedBy(() -> saturation.evaluate(params, x, rows, value, dx, dParams));
            assertThat(bytes).as("%s evaluate", saturation).isLessThan(1024);

            for (Order order : Order.values()) {
                ChannelTransform transform = new ChannelTransform(new DelayedAdstock(8, true), saturation, order);
                Workspace ws = transform.newWorkspace(rows);
                double[] adstockParams = {0.5, 1.2};
                double[] response = new double[rows];
                double[] gradA = new double[2];
                double[] gradS = new double[params.length];
                double[] gradX = new double[rows];
                long channelBytes = allocatedBy(() -> {
                    transform.forward(adstockParams, params, x, rows, response, ws);
                    transform.backward(g, ws, gradA, gradS, gradX);
                });
                assertThat(channelBytes).as("%s %s forward+backward", saturation, order).isLessThan(1024);
            }
        }
    }
}
