package dev.mmm.spark;

import java.util.HashMap;
import java.util.List;
import org.apache.spark.Partitioner;

/**
 * Sends each group to its own partition (group {@code i} of the sorted keys to partition
 * {@code i mod n}), so that with as many partitions as groups every task fits one group and a
 * free core takes the next: no two groups wait behind each other by a hash collision.
 */
final class KeyIndexPartitioner extends Partitioner {

    private static final long serialVersionUID = 1L;

    private final HashMap<String, Integer> index = new HashMap<>();
    private final int partitions;

    /** @param keys the groups' canonical texts, distinct */
    KeyIndexPartitioner(List<String> keys, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
        }
        for (String key : keys) {
            index.putIfAbsent(key, index.size());
        }
        this.partitions = partitions;
    }

    @Override
    public int numPartitions() {
        return partitions;
    }

    @Override
    public int getPartition(Object key) {
        Integer i = index.get((String) key);
        // A key the driver did not see (the source changed under the job) still lands somewhere.
        int n = i != null ? i : Math.floorMod(key.hashCode(), partitions);
        return n % partitions;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyIndexPartitioner p && p.partitions == partitions && p.index.equals(index);
    }

    @Override
    public int hashCode() {
        return index.hashCode() * 31 + partitions;
    }
}
