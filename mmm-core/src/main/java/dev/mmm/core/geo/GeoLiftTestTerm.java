package dev.mmm.core.geo;

import dev.mmm.core.calibration.Calibrator;
import dev.mmm.core.calibration.LiftDensity;
import dev.mmm.core.calibration.LiftTest;
import dev.mmm.core.data.DataException;
import dev.mmm.core.model.ChannelResponse;
import dev.mmm.core.model.DensityTerm;
import dev.mmm.core.model.SpecException;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * A geo lift test's log-density term on a geo model's value vector: the measurement
 * ({@link LiftDensity}) against the model's lift in that geo,
 * {@code m = s_y pop_g beta[c,g] sum_{r in measured} (f_actual - f_cf)[r]}, {@code f_cf} the
 * channel's response with the window's spend scaled by the counterfactual multiplier. Its gradient
 * flows into {@code beta[c,g]} (a derived value: {@link GeoModel#pullBack} carries it into the
 * pooled block) and the channel's adstock and saturation parameters in that geo, through both
 * responses' reverse passes. One instance per thread ({@link #copy()}); allocates nothing.
 */
public final class GeoLiftTestTerm implements DensityTerm {

    private final String name;
    private final GeoLiftTest test;
    private final LiftDensity density;
    private final ChannelResponse actual;
    private final ChannelResponse counterfactual;
    private final int betaSlot;
    private final double unit;
    private final int from;
    private final int measureEnd;
    private final double windowSpend;
    private final double[] weight;
    private final double[] negated;

    private GeoLiftTestTerm(String name, GeoLiftTest test, ChannelResponse actual, ChannelResponse counterfactual,
                            int betaSlot, double unit, int from, int measureEnd, double windowSpend) {
        this.name = name;
        this.test = test;
        this.density = new LiftDensity(test.test());
        this.actual = actual;
        this.counterfactual = counterfactual;
        this.betaSlot = betaSlot;
        this.unit = unit;
        this.from = from;
        this.measureEnd = measureEnd;
        this.windowSpend = windowSpend;
        int rows = actual.lastResponse().length;
        this.weight = new double[rows];
        this.negated = new double[rows];
        Arrays.fill(weight, from, measureEnd, 1.0);
        Arrays.fill(negated, from, measureEnd, -1.0);
    }

    /**
     * The term of test {@code i} on {@code model}; a geo, channel, window or spend change the data
     * do not allow is an error whose message starts with {@code geo.lift_tests[i]}.
     */
    public static GeoLiftTestTerm of(GeoModel model, GeoLiftTest geoTest, int i) {
        String path = "geo.lift_tests[" + i + "]";
        LiftTest test = geoTest.test();
        int g = model.geos().indexOf(geoTest.geo());
        if (g < 0) {
            throw new SpecException(path + ".geo: '" + geoTest.geo() + "' is not a geo of the data; the geos are "
                    + String.join(", ", model.geos()));
        }
        int c = model.channels().indexOf(test.channel());
        if (c < 0) {
            throw new SpecException(path + ".channel: '" + test.channel() + "' is not a channel; the channels are "
                    + String.join(", ", model.channels()));
        }
        LocalDate[] dates = model.dates();
        int[] rows = Calibrator.rows(dates, test.start(), test.end(), path);
        int measureEnd = test.measuredUntil() == null ? Math.min(model.periods(), rows[1] + model.maxLag() - 1)
                : Calibrator.rows(dates, test.start(), test.measuredUntil(), path + ".measured_until")[1];
        double[] raw = model.data().geo(g).column(test.channel());
        double spend = 0.0;
        for (int t = rows[0]; t < rows[1]; t++) {
            spend += raw[t];
        }
        String window = dates[rows[0]] + " to " + dates[rows[1] - 1];
        if (!(spend > 0.0)) {
            throw new DataException(path + ": channel '" + test.channel() + "' has no spend in geo '" + geoTest.geo()
                    + "' over " + window + "; the spend change is spread over the data's spend there");
        }
        double multiplier = 1.0 - test.deltaSpend() / spend;
        if (multiplier < 0.0) {
            throw new DataException(path + ".delta_spend: " + test.deltaSpend() + " is more than the channel's spend "
                    + spend + " in geo '" + geoTest.geo() + "' over " + window
                    + "; the counterfactual spend would be negative");
        }
        double divisor = model.channelScale(c) * model.population(g);
        double[] scaled = new double[model.periods()];
        double[] cf = new double[model.periods()];
        for (int t = 0; t < scaled.length; t++) {
            scaled[t] = raw[t] / divisor;
            cf[t] = t >= rows[0] && t < rows[1] ? multiplier * scaled[t] : scaled[t];
        }
        ChannelResponse base = model.response(g, c);
        return new GeoLiftTestTerm("geo_lift_test[" + i + "]", geoTest, base.withInput(scaled), base.withInput(cf),
                model.betaSlot(g, c), model.targetUnit(g), rows[0], measureEnd, spend);
    }

    @Override
    public String name() {
        return name;
    }

    public GeoLiftTest test() {
        return test;
    }

    /** The channel's spend in the geo over the test window (data units). */
    public double windowSpend() {
        return windowSpend;
    }

    /** The model's lift at a value vector (target units). Allocates nothing. */
    public double modelLift(double[] values) {
        return unit * values[betaSlot] * difference(values);
    }

    private double difference(double[] values) {
        double[] fa = actual.forward(values);
        double[] fc = counterfactual.forward(values);
        double d = 0.0;
        for (int r = from; r < measureEnd; r++) {
            d += fa[r] - fc[r];
        }
        return d;
    }

    @Override
    public double addLogDensity(double[] values, double[] dValues) {
        double d = difference(values);
        double beta = values[betaSlot];
        double m = unit * beta * d;
        double logDensity = density.logDensity(m);
        if (logDensity == Double.NEGATIVE_INFINITY) {
            return logDensity;
        }
        double g = density.dLogDensity(m) * unit;
        dValues[betaSlot] += g * d;
        if (beta != 0.0) {
            // d D / d shape = J_actual^T 1 - J_cf^T 1 over the measured rows, times g * beta.
            for (int r = from; r < measureEnd; r++) {
                weight[r] = g * beta;
                negated[r] = -g * beta;
            }
            actual.reverse(weight, dValues);
            counterfactual.reverse(negated, dValues);
        }
        return logDensity;
    }

    @Override
    public GeoLiftTestTerm copy() {
        return new GeoLiftTestTerm(name, test, actual.copy(), counterfactual.copy(), betaSlot, unit, from, measureEnd,
                windowSpend);
    }
}
