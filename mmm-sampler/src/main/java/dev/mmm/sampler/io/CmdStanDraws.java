package dev.mmm.sampler.io;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws read from CmdStan CSV files, one file per chain: every column of the header
 * (parameters and sampler columns such as {@code lp__}, {@code divergent__}) as
 * {@code [chain][draw]}.
 */
public final class CmdStanDraws {

    private final List<String> columns;
    private final List<String> sources;
    private final Map<String, Integer> indexOfColumn;
    /** [column][chain][draw]. */
    private final double[][][] values;

    CmdStanDraws(List<String> columns, List<String> sources, double[][][] values) {
        this.columns = List.copyOf(columns);
        this.sources = List.copyOf(sources);
        this.values = values;
        this.indexOfColumn = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            indexOfColumn.putIfAbsent(columns.get(i), i);
        }
    }

    /**
     * Builds draws from memory, e.g. for a table of a fit that never went to disk.
     *
     * @param values {@code [column][chain][draw]}, one entry per name in {@code columns}
     */
    public static CmdStanDraws of(List<String> columns, double[][][] values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("draws: " + values.length + " columns of values for "
                    + columns.size() + " column names");
        }
        double[][][] copy = new double[values.length][][];
        for (int k = 0; k < values.length; k++) {
            copy[k] = new double[values[k].length][];
            for (int c = 0; c < values[k].length; c++) {
                copy[k][c] = values[k][c].clone();
            }
        }
        return new CmdStanDraws(columns, List.of(), copy);
    }

    /** Column names in file order. */
    public List<String> columns() {
        return columns;
    }

    /** The files the chains came from, in chain order (empty when built in memory). */
    public List<String> sources() {
        return sources;
    }

    public int chains() {
        return values.length == 0 ? 0 : values[0].length;
    }

    /** Draws per chain. */
    public int draws() {
        return chains() == 0 ? 0 : values[0][0].length;
    }

    public boolean hasColumn(String name) {
        return indexOfColumn.containsKey(name);
    }

    /** A copy of one column's draws as {@code [chain][draw]}. */
    public double[][] column(String name) {
        Integer index = indexOfColumn.get(name);
        if (index == null) {
            throw new IllegalArgumentException("no column '" + name + "' in draws; columns are "
                    + columns);
        }
        double[][] chains = values[index];
        double[][] copy = new double[chains.length][];
        for (int c = 0; c < chains.length; c++) {
            copy[c] = chains[c].clone();
        }
        return copy;
    }
}
