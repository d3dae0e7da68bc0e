package dev.mmm.core.geo;

import dev.mmm.core.analysis.Interval;
import dev.mmm.core.model.ChannelResponse;
import dev.mmm.core.posterior.Posterior;
import java.util.ArrayList;
import java.util.List;

/**
 * Posterior analysis of a geo model, per geo and in total, draw by draw from a {@link Posterior}
 * whose columns are the model's {@link GeoModel#outputNames()}. ROAS is by counterfactual over the
 * training period: channel c's spend in geo g removed in every training period, the difference in
 * expected target summed over the period and the {@code l_max - 1} periods after it where its
 * carry-over lands (that geo's own carry-over only). Nothing holds draws x periods x geos.
 */
public final class GeoAnalysis {

    private final GeoModel model;
    private final Posterior posterior;

    public GeoAnalysis(GeoModel model, Posterior posterior) {
        if (!posterior.parameterNames().equals(model.outputNames())) {
            throw new IllegalArgumentException("the posterior's columns are not this geo model's outputs");
        }
        this.model = model.copyForChain();
        this.posterior = posterior;
    }

    /** One channel in one geo (or nationally, geo null): spend, incremental outcome and ROAS. */
    public record ChannelRoas(String channel, String geo, double spend, Interval incremental, Interval roas) {
    }

    /** ROAS of every channel: nationally and in every geo. */
    public record Roas(List<ChannelRoas> national, List<ChannelRoas> perGeo) {

        /** The row of one channel in one geo (geo null: national). */
        public ChannelRoas of(String channel, String geo) {
            for (ChannelRoas r : geo == null ? national : perGeo) {
                if (r.channel().equals(channel) && (geo == null || r.geo().equals(geo))) {
                    return r;
                }
            }
            throw new IllegalArgumentException("no ROAS row for channel '" + channel + "' in geo '" + geo + "'");
        }
    }

    /** Per-geo fit: observed total, predicted total and the R^2 of the posterior-mean prediction. */
    public record GeoFitSummary(String geo, double observedTotal, Interval predictedTotal, double rSquared) {
    }

    public Roas roas() {
        List<String> channels = model.channels();
        int geos = model.geoCount();
        int periods = model.periods();
        int lag = model.maxLag();
        int rows = periods + lag - 1;
        int draws = posterior.drawCount();
        double[] values = new double[model.valueCount()];
        double[][] nationalIncrement = new double[channels.size()][draws];
        double[] nationalSpend = new double[channels.size()];
        double[] perGeoDraws = new double[draws];
        List<ChannelRoas> perGeo = new ArrayList<>();
        double[] zeros = new double[rows];
        for (int g = 0; g < geos; g++) {
            double unit = model.targetUnit(g);
            for (int c = 0; c < channels.size(); c++) {
                double[] raw = model.data().geo(g).column(channels.get(c));
                double spend = 0.0;
                double[] scaled = new double[rows];
                double divisor = model.channelScale(c) * model.population(g);
                for (int t = 0; t < periods; t++) {
                    spend += raw[t];
                    scaled[t] = raw[t] / divisor;
                }
                ChannelResponse base = model.response(g, c);
                ChannelResponse actual = base.withInput(scaled);
                ChannelResponse removed = base.withInput(zeros);
                int betaSlot = model.betaSlot(g, c);
                for (int d = 0; d < draws; d++) {
                    posterior.drawInto(d, values);
                    double[] fa = actual.forward(values);
                    double[] f0 = removed.forward(values);
                    double sum = 0.0;
                    for (int t = 0; t < rows; t++) {
                        sum += fa[t] - f0[t];
                    }
                    double increment = values[betaSlot] * sum * unit;
                    perGeoDraws[d] = increment;
                    nationalIncrement[c][d] += increment;
                }
                nationalSpend[c] += spend;
                perGeo.add(row(channels.get(c), model.geos().get(g), spend, perGeoDraws));
            }
        }
        List<ChannelRoas> national = new ArrayList<>();
        for (int c = 0; c < channels.size(); c++) {
            national.add(row(channels.get(c), null, nationalSpend[c], nationalIncrement[c]));
        }
        return new Roas(national, perGeo);
    }

    private static ChannelRoas row(String channel, String geo, double spend, double[] increment) {
        double[] roas = new double[increment.length];
        for (int d = 0; d < roas.length; d++) {
            roas[d] = increment[d] / spend;
        }
        return new ChannelRoas(channel, geo, spend, Interval.of(increment), Interval.of(roas));
    }

    /**
     * The expected target of geo g in each training period (target units): mean and 90% interval
     * over draws.
     */
    public List<Interval> prediction(int g) {
        int periods = model.periods();
        int draws = posterior.drawCount();
        double[][] byPeriod = new double[periods][draws];
        double[] values = new double[model.valueCount()];
        double[] mu = new double[periods];
        double unit = model.targetUnit(g);
        for (int d = 0; d < draws; d++) {
            posterior.drawInto(d, values);
            model.meanInto(g, values, mu);
            for (int t = 0; t < periods; t++) {
                byPeriod[t][d] = mu[t] * unit;
            }
        }
        List<Interval> out = new ArrayList<>();
        for (int t = 0; t < periods; t++) {
            out.add(Interval.of(byPeriod[t]));
        }
        return out;
    }

    /** The expected national target (sum over geos) in each training period. */
    public List<Interval> nationalPrediction() {
        int periods = model.periods();
        int draws = posterior.drawCount();
        double[][] byPeriod = new double[periods][draws];
        double[] values = new double[model.valueCount()];
        double[] mu = new double[periods];
        for (int d = 0; d < draws; d++) {
            posterior.drawInto(d, values);
            for (int g = 0; g < model.geoCount(); g++) {
                model.meanInto(g, values, mu);
                double unit = model.targetUnit(g);
                for (int t = 0; t < periods; t++) {
                    byPeriod[t][d] += mu[t] * unit;
                }
            }
        }
        List<Interval> out = new ArrayList<>();
        for (int t = 0; t < periods; t++) {
            out.add(Interval.of(byPeriod[t]));
        }
        return out;
    }

    /** Every geo's observed and predicted total and the R^2 of its posterior-mean prediction. */
    public List<GeoFitSummary> geoFits() {
        List<GeoFitSummary> out = new ArrayList<>();
        String target = model.spec().base().targetColumn();
        int draws = posterior.drawCount();
        for (int g = 0; g < model.geoCount(); g++) {
            List<Interval> p = prediction(g);
            double[] y = model.data().geo(g).column(target);
            double observed = 0.0;
            double mean = 0.0;
            for (double v : y) {
                observed += v;
            }
            mean = observed / y.length;
            double residual = 0.0;
            double total = 0.0;
            for (int t = 0; t < y.length; t++) {
                double r = y[t] - p.get(t).mean();
                residual += r * r;
                total += (y[t] - mean) * (y[t] - mean);
            }
            double[] totals = new double[draws];
            double[] values = new double[model.valueCount()];
            double[] mu = new double[model.periods()];
            for (int d = 0; d < draws; d++) {
                posterior.drawInto(d, values);
                model.meanInto(g, values, mu);
                double s = 0.0;
                for (double v : mu) {
                    s += v;
                }
                totals[d] = s * model.targetUnit(g);
            }
            out.add(new GeoFitSummary(model.geos().get(g), observed, Interval.of(totals),
                    total > 0 ? 1.0 - residual / total : Double.NaN));
        }
        return out;
    }
}
