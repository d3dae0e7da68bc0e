package dev.mmm.priors;

/** Constructor validation with messages that name the distribution and the field. */
final class Check {

    private Check() {
    }

    static double positive(String distribution, String field, double value) {
        if (!(value > 0.0)) {
            throw new ParameterException(distribution, field, "must be > 0", value);
        }
        if (value == Double.POSITIVE_INFINITY) {
            throw new ParameterException(distribution, field, "must be finite", value);
        }
        return value;
    }

    static double finite(String distribution, String field, double value) {
        if (!Double.isFinite(value)) {
            throw new ParameterException(distribution, field, "must be finite", value);
        }
        return value;
    }

    static double notNaN(String distribution, String field, double value) {
        if (Double.isNaN(value)) {
            throw new ParameterException(distribution, field, "must be a number", value);
        }
        return value;
    }
}
