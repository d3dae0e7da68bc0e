package dev.mmm.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A folder of output files that is replaced whole or not at all: every file is written into a
 * fresh hidden sibling folder, and only when all of them are complete is that folder swapped in
 * for the target. A reader therefore sees either the complete old set or the complete new one.
 */
public final class AtomicFolder {

    /** Writes the whole set of files into {@code staging} (an empty folder). */
    @FunctionalInterface
    public interface Content {
        void writeInto(Path staging) throws IOException;
    }

    private AtomicFolder() {
    }

    /**
     * Writes {@code content} into a sibling staging folder, then swaps it in for {@code target}.
     * Files of an old {@code target} that the new content does not write are not kept.
     */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".new.");
        boolean swapped = false;
        try {
            content.writeInto(staging);
            Path backup = null;
            if (Files.exists(absolute)) {
                backup = parent.resolve("." + absolute.getFileName() + ".old." + System.nanoTime());
                Files.move(absolute, backup, StandardCopyOption.ATOMIC_MOVE);
            }
            try {
                Files.move(staging, absolute, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (backup != null) {
                    Files.move(backup, absolute, StandardCopyOption.ATOMIC_MOVE);
                }
                throw e;
            }
            swapped = true;
            if (backup != null) {
                deleteTree(backup);
            }
        } finally {
            if (!swapped) {
                deleteTree(staging);
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
