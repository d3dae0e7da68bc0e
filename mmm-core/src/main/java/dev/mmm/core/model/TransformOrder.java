package dev.mmm.core.model;

/** Whether a channel's spend is carried over before diminishing returns (default) or after. */
public enum TransformOrder {
    ADSTOCK_FIRST("adstock_first"), SATURATION_FIRST("saturation_first");

    private final String jsonName;

    TransformOrder(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public static TransformOrder fromJsonName(String name) {
        for (TransformOrder o : values()) {
            if (o.jsonName.equals(name)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown order '" + name + "'; valid: adstock_first, saturation_first");
    }
}
