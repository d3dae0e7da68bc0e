package dev.mmm.core.transform;

import java.util.List;

/**
 * Looks adstocks and saturations up by the names JSON uses. Names are exact and
 * lower-case, as PyMC-Marketing's lookup names.
 */
public final class Transforms {

    private static final List<String> ADSTOCK_NAMES =
            List.of("geometric", "delayed", "weibull_pdf", "weibull_cdf", "binomial", "none");
    private static final List<String> SATURATION_NAMES =
            List.of("logistic", "hill", "michaelis_menten", "tanh", "root", "log", "none");

    private Transforms() {
    }

    /** Every name {@link #adstock} accepts, in a fixed order. */
    public static List<String> adstockNames() {
        return ADSTOCK_NAMES;
    }

    /** Every name {@link #saturation} accepts, in a fixed order. */
    public static List<String> saturationNames() {
        return SATURATION_NAMES;
    }

    /**
     * The adstock called {@code name} with maximum lag {@code lMax} (>= 1; ignored by
     * {@code "none"}) and weights divided by their sum when {@code normalize} (ignored by
     * {@code "none"}).
     *
     * @throws IllegalArgumentException for an unknown name (the message lists the valid
     *     ones) or lMax < 1
     */
    public static Adstock adstock(String name, int lMax, boolean normalize) {
        if (name == null) {
            throw new IllegalArgumentException("adstock name is missing; valid names: " + ADSTOCK_NAMES);
        }
        switch (name) {
            case "geometric":
                return new GeometricAdstock(lMax, normalize);
            case "delayed":
                return new DelayedAdstock(lMax, normalize);
            case "weibull_pdf":
                return new WeibullPdfAdstock(lMax, normalize);
            case "weibull_cdf":
                return new WeibullCdfAdstock(lMax, normalize);
            case "binomial":
                return new BinomialAdstock(lMax, normalize);
            case "none":
                return new NoAdstock();
            default:
                throw new IllegalArgumentException(
                        "unknown adstock '" + name + "'; valid names: " + ADSTOCK_NAMES);
        }
    }

    /**
     * The saturation called {@code name}.
     *
     * @throws IllegalArgumentException for an unknown name (the message lists the valid ones)
     */
    public static Saturation saturation(String name) {
        if (name == null) {
            throw new IllegalArgumentException("saturation name is missing; valid names: " + SATURATION_NAMES);
        }
        switch (name) {
            case "logistic":
                return new LogisticSaturation();
            case "hill":
                return new HillSaturation();
            case "michaelis_menten":
                return new MichaelisMentenSaturation();
            case "tanh":
                return new TanhSaturation();
            case "root":
                return new RootSaturation();
            case "log":
                return new LogSaturation();
            case "none":
                return new NoSaturation();
            default:
                throw new IllegalArgumentException(
                        "unknown saturation '" + name + "'; valid names: " + SATURATION_NAMES);
        }
    }
}
