package dev.mmm.benchmarks;

import dev.mmm.core.data.Dataset;
import dev.mmm.core.model.ModelSpec;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic data for the benchmarks, drawn from the default model itself so that the
 * posterior a benchmark explores looks like a real fit's (gradient cost does not depend
 * on the values, but a NUTS transition's tree depth does). Fixed by its seed.
 */
public final class BenchmarkData {

    /** Adstock length of the default model (MODEL.md). */
    public static final int ADSTOCK_LENGTH = 8;

    private BenchmarkData() {
    }

    /** Channel columns are named {@code ch1..chC}. */
    public static List<String> channelNames(int channels) {
        return names("ch", channels);
    }

    /** Control columns are named {@code ctrl1..ctrlK}. */
    public static List<String> controlNames(int controls) {
        return names("ctrl", controls);
    }

    /**
     * @param rows     periods
     * @param channels media channels, spend in [0, 100) with about 20% idle periods
     * @param controls standard-normal controls
     * @param daily    one row per day instead of per week (only the dates and so the
     *                 seasonality change)
     * @param seed     fixes every value
     * @return columns {@code y}, the channels, then the controls; date column {@code date}
     */
    public static Dataset generate(int rows, int channels, int controls, boolean daily, long seed) {
        if (rows < 1 || channels < 1 || controls < 0) {
            throw new IllegalArgumentException("need rows >= 1, channels >= 1, controls >= 0; got rows=" + rows
                    + ", channels=" + channels + ", controls=" + controls);
        }
        SplittableRandom random = new SplittableRandom(seed);
        LocalDate start = LocalDate.of(2020, 1, 6);
        LocalDate[] dates = new LocalDate[rows];
        for (int t = 0; t < rows; t++) {
            dates[t] = daily ? start.plusDays(t) : start.plusWeeks(t);
        }

        double[] mean = new double[rows];
        java.util.Arrays.fill(mean, 1.0);
        LinkedHashMap<String, double[]> channelColumns = new LinkedHashMap<>();
        for (String name : channelNames(channels)) {
            double[] spend = new double[rows];
            for (int t = 0; t < rows; t++) {
                spend[t] = random.nextDouble() < 0.2 ? 0.0 : 100.0 * random.nextDouble();
            }
            double max = 0;
            for (double s : spend) {
                max = Math.max(max, s);
            }
            if (max == 0) {
                spend[0] = 1.0;
                max = 1.0;
            }
            double alpha = 0.1 + 0.6 * random.nextDouble();
            double lam = 1.0 + 3.0 * random.nextDouble();
            double beta = 0.2 + 0.8 * random.nextDouble();
            double weightSum = 0;
            for (int l = 0; l < ADSTOCK_LENGTH; l++) {
                weightSum += Math.pow(alpha, l);
            }
            for (int t = 0; t < rows; t++) {
                double adstock = 0;
                for (int l = 0; l < ADSTOCK_LENGTH && l <= t; l++) {
                    adstock += Math.pow(alpha, l) / weightSum * spend[t - l] / max;
                }
                double u = lam * adstock;
                mean[t] += beta * (1 - Math.exp(-u)) / (1 + Math.exp(-u));
            }
            channelColumns.put(name, spend);
        }
        LinkedHashMap<String, double[]> controlColumns = new LinkedHashMap<>();
        for (String name : controlNames(controls)) {
            double[] z = new double[rows];
            double gamma = 0.2 * (random.nextDouble() - 0.5);
            for (int t = 0; t < rows; t++) {
                z[t] = gaussian(random);
                mean[t] += gamma * z[t];
            }
            controlColumns.put(name, z);
        }
        double[] y = new double[rows];
        for (int t = 0; t < rows; t++) {
            double dayOfYear = dates[t].getDayOfYear();
            mean[t] += 0.1 * Math.sin(2 * Math.PI * dayOfYear / 365.25);
            y[t] = 1000.0 * (mean[t] + 0.05 * gaussian(random));
        }

        LinkedHashMap<String, double[]> columns = new LinkedHashMap<>();
        columns.put("y", y);
        columns.putAll(channelColumns);
        columns.putAll(controlColumns);
        return Dataset.of("date", dates, columns);
    }

    /** MODEL.md's default model over data from {@link #generate} with yearly seasonality of order 2. */
    public static ModelSpec defaultModel(int channels, int controls) {
        return ModelSpec.builder().date("date").target("y")
                .channels(channelNames(channels).toArray(String[]::new))
                .controls(controlNames(controls).toArray(String[]::new))
                .yearlySeasonality(2)
                .build();
    }

    /**
     * A benchmark size written {@code <rows>x<channels>}, e.g. {@code 156x6}; sizes above two
     * years of weeks are taken as daily data.
     */
    public static Dataset forSize(String size, int controls, long seed) {
        int[] rc = parseSize(size);
        return generate(rc[0], rc[1], controls, rc[0] > 520, seed);
    }

    /** {@code "156x6"} to {rows, channels}. */
    public static int[] parseSize(String size) {
        String[] parts = size.split("x");
        try {
            if (parts.length == 2) {
                return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
            }
        } catch (NumberFormatException ignored) {
            // reported below with the expected form
        }
        throw new IllegalArgumentException("benchmark size must look like 156x6 (rows x channels), got '" + size + "'");
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller; 1 - u keeps the logarithm's argument in (0, 1].
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static List<String> names(String prefix, int count) {
        List<String> names = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            names.add(prefix + i);
        }
        return names;
    }
}
