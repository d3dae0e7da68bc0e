package dev.mmm.core.geo;

/**
 * The one generator of geo parameter names: a block name and its indices in brackets, the
 * channel (or control, or Fourier term) first and the geo last, as {@code beta[tv,Geo3]},
 * {@code intercept[Geo3]}, {@code gamma[price,Geo3]}, {@code fourier[sin_1,Geo3]}; a block
 * shared by all geos keeps the national name ({@code alpha[tv]}, {@code sigma}).
 */
public final class GeoNames {

    private GeoNames() {
    }

    /** {@code block[index,geo]}, {@code block[index]}, {@code block[geo]} or {@code block}. */
    public static String name(String block, String index, String geo) {
        if (index == null && geo == null) {
            return block;
        }
        if (index == null) {
            return block + "[" + geo + "]";
        }
        if (geo == null) {
            return block + "[" + index + "]";
        }
        return block + "[" + index + "," + geo + "]";
    }

    /** The family of a parameter name: the text before its first bracket. */
    public static String family(String name) {
        int b = name.indexOf('[');
        return b < 0 ? name : name.substring(0, b);
    }
}
