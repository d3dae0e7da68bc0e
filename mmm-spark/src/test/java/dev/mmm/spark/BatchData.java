package dev.mmm.spark;

import dev.mmm.cli.MmmCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Test data and reference fits through the real {@code mmm} command: each group's rows are a file
 * of {@code mmm simulate} (52 weeks, channels ch1 and ch2, target y), and the long table is those
 * files side by side with a {@code store} column in front.
 */
final class BatchData {

    static final int WEEKS = 52;
    static final String[] SAMPLING = {"--chains", "2", "--warmup", "150", "--draws", "100"};

    private BatchData() {
    }

    /** Runs {@code mmm ARGS...} in this JVM; fails the test on a non-zero exit. */
    static String mmm(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new MmmCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        if (code != 0) {
            throw new AssertionError("mmm " + String.join(" ", args) + " exited " + code + ": " + err);
        }
        return out.toString();
    }

    /** {@code mmm simulate} of one group (52 weeks, 2 channels) into {@code dir/<store>.csv}. */
    static Path simulateGroup(Path dir, String store, long seed) throws IOException {
        return simulateGroup(dir, store, seed, WEEKS, 2);
    }

    /** {@code mmm simulate} of one group into {@code dir/<store>.csv}: channels ch1..chN, target y. */
    static Path simulateGroup(Path dir, String store, long seed, int weeks, int channels) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(store + ".csv");
        mmm("simulate", "--weeks", Integer.toString(weeks), "--channels", Integer.toString(channels),
                "--seed", Long.toString(seed), "--out", file.toString());
        return file;
    }

    /**
     * The long table: a header {@code store,<the group file's header>}, then every group file's
     * rows with its store in front, the groups' rows interleaved (row 1 of each group, row 2 of each
     * group, ...) so that no group's rows come together or in date order.
     */
    static Path longTable(Path file, List<String> stores, List<Path> groupFiles) throws IOException {
        List<List<String>> bodies = new ArrayList<>();
        String header = null;
        for (Path f : groupFiles) {
            List<String> lines = Files.readAllLines(f);
            header = lines.get(0);
            List<String> body = new ArrayList<>(lines.subList(1, lines.size()));
            java.util.Collections.reverse(body);
            bodies.add(body);
        }
        StringBuilder csv = new StringBuilder("store,").append(header).append('\n');
        int longest = bodies.stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < longest; i++) {
            for (int g = 0; g < bodies.size(); g++) {
                if (i < bodies.get(g).size()) {
                    csv.append(stores.get(g)).append(',').append(bodies.get(g).get(i)).append('\n');
                }
            }
        }
        Files.writeString(file, csv);
        return file;
    }

    /** {@code mmm fit} of one group's own file with {@code seed}, into {@code out}. */
    static void referenceFit(Path groupFile, long seed, Path out) {
        List<String> args = new ArrayList<>(List.of("fit", "--data", groupFile.toString(), "--date", "date",
                "--target", "y", "--channels", "ch1,ch2", "--seed", Long.toString(seed), "--out", out.toString(), "-q"));
        args.addAll(List.of(SAMPLING));
        mmm(args.toArray(new String[0]));
    }
}
