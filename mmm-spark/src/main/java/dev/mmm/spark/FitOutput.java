package dev.mmm.spark;

import dev.mmm.core.io.AtomicFolder;
import dev.mmm.core.io.FitFolder;
import dev.mmm.core.io.FitSummary;
import dev.mmm.core.model.MmmFit;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * Where the groups' fit folders go (and, for a refresh or an optimisation, come from): a folder
 * on any file system Hadoop can write (local, HDFS, S3 and so on). Each group's folder is the {@link FitFolder} layout that {@code mmm}
 * reads. On the local file system it is written in place through {@link FitFolder#write}
 * (whole or not at all); elsewhere it is written to a local temporary folder, copied next to
 * its final name with the Hadoop FileSystem API and renamed into place, so a retried or
 * speculative task replaces a folder whole and never leaves half of one under its name.
 *
 * <p>Serialisable: the Hadoop configuration travels as its key/value pairs.
 */
public final class FitOutput implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String root;
    private final HashMap<String, String> hadoopConf;
    private final boolean forceHadoop;

    private FitOutput(String root, Map<String, String> hadoopConf, boolean forceHadoop) {
        this.root = root;
        this.hadoopConf = new HashMap<>(hadoopConf);
        this.forceHadoop = forceHadoop;
    }

    /**
     * @param root       the batch's output folder, a path or URI ({@code /data/fits},
     *                   {@code hdfs://nn/fits}, {@code s3a://bucket/fits})
     * @param hadoopConf the Hadoop configuration to reach it (e.g. the Spark context's)
     */
    public static FitOutput to(String root, Configuration hadoopConf) {
        return new FitOutput(root, entries(hadoopConf), false);
    }

    /** As {@link #to} but always through the Hadoop API, even for a local folder (tests the remote path). */
    static FitOutput throughHadoop(String root, Configuration hadoopConf) {
        return new FitOutput(root, entries(hadoopConf), true);
    }

    private static Map<String, String> entries(Configuration conf) {
        Map<String, String> map = new HashMap<>();
        for (Map.Entry<String, String> e : conf) {
            map.put(e.getKey(), e.getValue());
        }
        return map;
    }

    public String root() {
        return root;
    }

    Configuration configuration() {
        Configuration conf = new Configuration(false);
        hadoopConf.forEach(conf::set);
        return conf;
    }

    /** The Hadoop path of the group folder {@code relative} (see {@link GroupKey#folder()}). */
    org.apache.hadoop.fs.Path groupPath(String relative) {
        return new org.apache.hadoop.fs.Path(new org.apache.hadoop.fs.Path(root), relative);
    }

    /** The local folder for {@code path} if it is on the local file system (and not forced through Hadoop), else null. */
    Path localFolder(org.apache.hadoop.fs.Path path) throws IOException {
        if (forceHadoop) {
            return null;
        }
        FileSystem fs = path.getFileSystem(configuration());
        if (!"file".equals(fs.getScheme())) {
            return null;
        }
        return Path.of(fs.makeQualified(path).toUri());
    }

    /** Writes {@code fit} into the group folder {@code relative}; returns that folder's full name. */
    public String write(MmmFit fit, FitSummary summary, String relative) throws IOException {
        return write(fit, summary, relative, staging -> { });
    }

    /** As {@link #write(MmmFit, FitSummary, String)}, with {@code more} files in the same whole-or-nothing write. */
    public String write(MmmFit fit, FitSummary summary, String relative, AtomicFolder.Content more) throws IOException {
        org.apache.hadoop.fs.Path target = groupPath(relative);
        Path local = localFolder(target);
        if (local != null) {
            FitFolder.write(fit, summary, local, more);
            return local.toString();
        }
        Path staging = Files.createTempDirectory("mmm-spark-fit-");
        try {
            Path folder = staging.resolve("fit");
            FitFolder.write(fit, summary, folder, more);
            FileSystem fs = target.getFileSystem(configuration());
            org.apache.hadoop.fs.Path parent = target.getParent();
            fs.mkdirs(parent);
            org.apache.hadoop.fs.Path copy = new org.apache.hadoop.fs.Path(parent,
                    "." + target.getName() + ".tmp-" + UUID.randomUUID());
            fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(folder.toUri()), copy);
            if (fs.exists(target) && !fs.delete(target, true)) {
                throw new IOException(target + ": could not remove the earlier fit there");
            }
            if (!fs.rename(copy, target)) {
                fs.delete(copy, true);
                throw new IOException(target + ": could not rename " + copy.getName() + " into place");
            }
            return fs.makeQualified(target).toString();
        } finally {
            deleteTree(staging);
        }
    }

    /**
     * The fit saved in the group folder {@code relative} ({@link FitFolder#load}); from a file
     * system other than the local one it is copied to a local temporary folder first.
     *
     * @throws NoSuchFileException if there is no fit folder there
     */
    public MmmFit load(String relative) throws IOException {
        org.apache.hadoop.fs.Path source = groupPath(relative);
        Path local = localFolder(source);
        if (local != null) {
            if (!Files.isRegularFile(local.resolve(FitFolder.DATA_FILE))) {
                throw new NoSuchFileException(local.toString(), null, "no fit folder there");
            }
            return FitFolder.load(local);
        }
        FileSystem fs = source.getFileSystem(configuration());
        if (!fs.exists(new org.apache.hadoop.fs.Path(source, FitFolder.DATA_FILE))) {
            throw new NoSuchFileException(fs.makeQualified(source).toString(), null, "no fit folder there");
        }
        Path staging = Files.createTempDirectory("mmm-spark-load-");
        try {
            Path folder = staging.resolve("fit");
            fs.copyToLocalFile(false, source, new org.apache.hadoop.fs.Path(folder.toUri()), true);
            return FitFolder.load(folder);
        } finally {
            deleteTree(staging);
        }
    }

    /** Creates the root folder, failing early (on the driver) if it cannot be made. */
    public void createRoot() throws IOException {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(root);
        Path local = localFolder(path);
        if (local != null) {
            Files.createDirectories(local);
        } else {
            FileSystem fs = path.getFileSystem(configuration());
            if (!fs.mkdirs(path)) {
                throw new IOException(root + ": could not create the output folder");
            }
        }
    }

    /** Best effort: removes a local temporary folder. */
    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A leftover temporary folder is not worth failing a fit that is already in place.
        }
    }
}
