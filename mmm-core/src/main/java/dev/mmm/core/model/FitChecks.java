package dev.mmm.core.model;

import dev.mmm.core.data.DataException;
import dev.mmm.core.data.DataValidator;
import dev.mmm.core.data.Dataset;
import dev.mmm.core.data.MessageText;
import dev.mmm.core.transform.Transforms;
import dev.mmm.sampler.SamplerSettings;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The checks every fit passes before anything is compiled or sampled, whichever way it is
 * started ({@link Mmm#fit}, the CLI): the data against the spec ({@link DataValidator}, with the
 * model's own parameter count and longest adstock), the spec's events against the data's dates,
 * and the memory the kept draws will take.
 */
public final class FitChecks {

    /** Bytes per kept draw besides the positions: lp, energy, acceptance, tree depth, leapfrogs, divergent, row refs. */
    private static final long PER_DRAW_INFO_BYTES = 48;
    /** Array header and reference of one position or constrained draw. */
    private static final long PER_ARRAY_BYTES = 24;

    private FitChecks() {
    }

    /**
     * Validates {@code data} for {@code spec}: every error of {@link DataValidator#validate}, then
     * events dated before the data.
     *
     * @return the reader's warnings (e.g. an ignored unnamed column) then the validator's, one line each
     * @throws DataException for bad data, {@link SpecException} for an event the data cannot carry
     */
    public static List<String> validate(ModelSpec spec, Dataset data) {
        List<String> controls = spec.controls().stream().map(ControlSpec::name).toList();
        List<String> warnings = new ArrayList<>(data.readWarnings());
        warnings.addAll(DataValidator.validate(data, spec.targetColumn(), spec.channelNames(), controls,
                maxLag(spec), parameterCount(spec)));
        checkEvents(spec, data);
        return warnings;
    }

    /** The longest adstock of the spec's channels, in periods. */
    public static int maxLag(ModelSpec spec) {
        int max = 0;
        for (ChannelSpec c : spec.channels()) {
            max = Math.max(max, c.lMax());
        }
        return max;
    }

    /** How many parameters the compiled model will have (the order of {@link ModelSpec}'s Javadoc). */
    public static int parameterCount(ModelSpec spec) {
        long n = 1; // intercept
        if (spec.trend() != null) {
            n += 1 + spec.trend().changepoints();
        }
        for (ChannelSpec c : spec.channels()) {
            n += Transforms.adstock(c.adstock(), c.lMax(), c.normalize()).parameterNames().size();
            n += Transforms.saturation(c.saturation()).parameterNames().size();
            n += 1; // beta
        }
        n += spec.synergies().size() + spec.controls().size() + spec.events().size();
        for (SeasonalitySpec s : spec.seasonalities()) {
            n += 2L * s.order();
        }
        n += 1; // sigma
        if (spec.likelihood().nuSampled()) {
            n += 1;
        }
        return (int) Math.min(n, Integer.MAX_VALUE);
    }

    /**
     * Refuses a fit whose kept draws (the sampler's positions, then the constrained copy) cannot
     * fit in this JVM's memory, before any of it is allocated.
     *
     * @throws IllegalArgumentException naming the chains, draws and the limit
     */
    public static void checkMemory(ModelSpec spec, SamplerSettings settings) {
        long parameters = parameterCount(spec);
        long perDraw = 2 * (PER_ARRAY_BYTES + 8 * parameters) + PER_DRAW_INFO_BYTES;
        double needed = (double) settings.chains() * settings.draws() * perDraw;
        Runtime rt = Runtime.getRuntime();
        long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (needed > available) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%d chains x %d draws of %d parameters need about %s of memory to keep, but this JVM has about %s"
                            + " free; lower the draws or the chains (--draws, --chains) or give Java more memory (-Xmx)",
                    settings.chains(), settings.draws(), parameters, bytes(needed), bytes(available)));
        }
    }

    /**
     * An event date before the data's first date cannot be fitted: a dummy there marks no row,
     * and a Gaussian bump four widths before the first row barely reaches it. The path is the
     * event's in the spec's JSON form.
     */
    static void checkEvents(ModelSpec spec, Dataset data) {
        LocalDate first = data.date(0);
        List<EventSpec> events = spec.events();
        for (int e = 0; e < events.size(); e++) {
            EventSpec event = events.get(e);
            long reach = event.shape() == EventSpec.Shape.GAUSSIAN ? (long) Math.ceil(4 * event.widthDays()) : 0;
            for (int d = 0; d < event.dates().size(); d++) {
                LocalDate date = event.dates().get(d);
                if (date.plusDays(reach).isBefore(first)) {
                    throw new SpecException("$.events[" + e + "].dates[" + d + "]: event '" + MessageText.value(event.name())
                            + "' on " + date + " is before the data, which start on " + first
                            + "; remove the date or add earlier rows");
                }
            }
        }
    }

    private static String bytes(double b) {
        String[] units = {"B", "KB", "MB", "GB", "TB", "PB"};
        int u = 0;
        while (b >= 1024 && u < units.length - 1) {
            b /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", b, units[u]);
    }
}
