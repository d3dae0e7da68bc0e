package dev.mmm.priors;

/**
 * An illegal distribution parameter. Carries the field and the broken requirement apart
 * so that a JSON reader can restate the problem at the field's JSON path.
 */
public class ParameterException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String distribution;
    private final String field;
    private final String requirement;
    private final double value;

    public ParameterException(String distribution, String field, String requirement, double value) {
        super(distribution + ": " + field + " " + requirement + ", got " + value);
        this.distribution = distribution;
        this.field = field;
        this.requirement = requirement;
        this.value = value;
    }

    /** The family name, e.g. {@code HalfNormal}. */
    public String distribution() {
        return distribution;
    }

    /** The parameter's JSON name, e.g. {@code sigma}. */
    public String field() {
        return field;
    }

    /** What the value must satisfy, e.g. {@code must be > 0}. */
    public String requirement() {
        return requirement;
    }

    public double value() {
        return value;
    }
}
