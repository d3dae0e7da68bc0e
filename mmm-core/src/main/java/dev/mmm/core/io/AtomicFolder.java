package dev.mmm.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A folder of output files that is replaced whole or not at all: every file is written into a
 * fresh hidden sibling folder, and only when all of them are complete (and on disk) is that
 * folder swapped in for the target. A reader therefore sees either the complete old set or the
 * complete new one; a failure at any step (a full disk, a failed rename) leaves the old set in
 * place and says which path could not be written.
 *
 * <p>The swap is two renames (old folder aside, new folder in); should the process die between
 * them, the target is missing and the old set is intact in {@code .<name>.old.*} beside it.
 *
 * <p>Only folders that this class wrote (they hold a {@value #MARKER} file), empty folders and
 * folders from before the marker (they hold {@code summary.json}) are replaced, so that
 * {@code --out ~/Documents} cannot wipe a folder of someone's files. Folders and files are
 * created as {@code mkdir} and {@code touch} create them (the umask decides; 022 gives
 * {@code rwxr-xr-x} and {@code rw-r--r--}), so that other users can read the output as they can
 * read anything else the user writes.
 */
public final class AtomicFolder {

    /** Marks a folder as written by this class, so a later write may replace it. */
    public static final String MARKER = ".mmm-output";
    /** What a folder written before the marker existed always held. */
    private static final String LEGACY_FILE = "summary.json";

    /** Writes the whole set of files into {@code staging} (an empty folder). */
    @FunctionalInterface
    public interface Content {
        void writeInto(Path staging) throws IOException;
    }

    /** Test hook: called at each step of a write with the step's name; may throw to simulate a failure there. */
    @FunctionalInterface
    interface FaultInjector {
        void at(String step, Path path) throws IOException;
    }

    /** The steps {@link FaultInjector#at} is called at (files are {@code "file"} with their path). */
    static final String STEP_FILE = "file";
    static final String STEP_MOVE_OLD_ASIDE = "move-old-aside";
    static final String STEP_MOVE_NEW_IN = "move-new-in";
    static final String STEP_DELETE_OLD = "delete-old";

    static volatile FaultInjector faults = (step, path) -> { };

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private AtomicFolder() {
    }

    /**
     * Writes {@code content} into a sibling staging folder, then swaps it in for {@code target}.
     * Files of an old {@code target} that the new content does not write are not kept.
     *
     * @throws IOException naming {@code target} (and, for a failed file, that file) when anything
     *                     fails; the old folder is then as it was
     */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = resolve(target);
        checkReplaceable(absolute);
        Path parent = absolute.getParent();
        Files.createDirectories(parent);
        Path staging = createSibling(parent, absolute.getFileName() + ".new");
        boolean swapped = false;
        try {
            try {
                content.writeInto(staging);
                writeFile(staging, MARKER, out -> out.write("written by mmm; a later mmm run may replace this folder\n"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                syncTree(staging);
            } catch (FileWriteFailure f) {
                Path shown = target.resolve(staging.relativize(f.file).toString());
                throw new IOException(shown + ": could not be written: " + f.reason + "; nothing in " + target
                        + " was changed", f.getCause());
            } catch (IOException e) {
                throw failure(target, "could not be written; nothing in it was changed", e);
            }
            Path backup = null;
            if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
                backup = parent.resolve("." + absolute.getFileName() + ".old." + ProcessHandle.current().pid() + "."
                        + SEQUENCE.incrementAndGet());
                try {
                    faults.at(STEP_MOVE_OLD_ASIDE, absolute);
                    Files.move(absolute, backup, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    throw failure(target, "could not be replaced (moving the old folder aside failed)", e);
                }
            }
            try {
                faults.at(STEP_MOVE_NEW_IN, absolute);
                Files.move(staging, absolute, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (backup != null) {
                    try {
                        Files.move(backup, absolute, StandardCopyOption.ATOMIC_MOVE);
                    } catch (IOException restore) {
                        e.addSuppressed(restore);
                        throw failure(target, "could not be replaced, and the old folder could not be put back; it is in "
                                + backup, e);
                    }
                }
                throw failure(target, "could not be replaced (moving the new folder in failed)", e);
            }
            swapped = true;
            syncDirectory(parent);
            if (backup != null) {
                try {
                    faults.at(STEP_DELETE_OLD, backup);
                    deleteTree(backup);
                } catch (IOException e) {
                    // The new output is complete and in place; a leftover hidden folder is only clutter.
                }
            }
        } finally {
            if (!swapped) {
                try {
                    deleteTree(staging);
                } catch (IOException e) {
                    // Leave the hidden staging folder; the error that got us here matters more.
                }
            }
        }
    }

    /**
     * Fails now, before any long computation, if {@link #write} to {@code target} could not
     * succeed: {@code target} is not a folder, is a folder of other files, or its parent cannot
     * hold the hidden staging folder. Creates nothing that stays (but missing parent folders).
     */
    public static void checkWritable(Path target) throws IOException {
        Path absolute = resolve(target);
        checkReplaceable(absolute);
        Path parent = absolute.getParent();
        try {
            Files.createDirectories(parent);
            Path probe = createSibling(parent, absolute.getFileName() + ".probe");
            Files.delete(probe);
        } catch (IOException e) {
            throw failure(target, "cannot be written (its folder " + parent + " does not allow it)", e);
        }
    }

    /**
     * Writes one file of a folder's content (into a staging folder): created {@code rw-r--r--}
     * less the umask, forced to disk before returning.
     */
    public static void writeFile(Path folder, String name, AtomicFiles.ByteContent content) throws IOException {
        Path file = folder.resolve(name);
        try {
            faults.at(STEP_FILE, file);
            try (FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    filePermissions(file))) {
                OutputStream out = Channels.newOutputStream(channel);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
        } catch (IOException e) {
            throw new FileWriteFailure(file, reasonOf(e), e);
        }
    }

    /** {@link #writeFile} as UTF-8 text. */
    public static void writeText(Path folder, String name, AtomicFiles.TextContent content) throws IOException {
        writeFile(folder, name, AtomicFiles.utf8(content));
    }

    /** A file of the content that could not be written: which, and why (e.g. "No space left on device"). */
    private static final class FileWriteFailure extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient Path file;
        private final String reason;

        FileWriteFailure(Path file, String reason, IOException cause) {
            super(file + ": " + reason, cause);
            this.file = file;
            this.reason = reason;
        }
    }

    /** The absolute target, through a symbolic link to where it points (the link itself stays). */
    private static Path resolve(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(absolute) && Files.exists(absolute)) {
            absolute = absolute.toRealPath();
        }
        if (absolute.getParent() == null) {
            throw new IOException(target + ": cannot replace the root of the file system");
        }
        return absolute;
    }

    private static void checkReplaceable(Path absolute) throws IOException {
        if (!Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(absolute)) {
            throw new FileAlreadyExistsException(absolute.toString(), null, "exists and is not a folder");
        }
        if (Files.exists(absolute.resolve(MARKER)) || Files.exists(absolute.resolve(LEGACY_FILE))) {
            return;
        }
        try (Stream<Path> entries = Files.list(absolute)) {
            List<String> names = entries.limit(3).map(p -> String.valueOf(p.getFileName())).toList();
            if (!names.isEmpty()) {
                throw new IOException(absolute + ": the folder holds files that mmm did not write (" + String.join(", ", names)
                        + (names.size() == 3 ? ", ..." : "") + "); choose a new or empty folder for the output");
            }
        }
    }

    private static IOException failure(Path target, String what, IOException cause) {
        return new IOException(target + ": " + what + ": " + reasonOf(cause), cause);
    }

    /** The operating system's reason alone (not the paths a FileSystemException repeats). */
    static String reasonOf(IOException cause) {
        if (cause instanceof AtomicMoveNotSupportedException) {
            return "this file system cannot rename folders atomically";
        }
        if (cause instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        if (cause instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (cause instanceof java.nio.file.NoSuchFileException) {
            return "no such file or folder";
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    private static Path createSibling(Path parent, String stem) throws IOException {
        while (true) {
            Path candidate = parent.resolve("." + stem + "." + ProcessHandle.current().pid() + "." + SEQUENCE.incrementAndGet());
            try {
                return Files.createDirectory(candidate, folderPermissions(parent));
            } catch (FileAlreadyExistsException taken) {
                // Another writer's name; try the next.
            }
        }
    }

    static FileAttribute<?>[] folderPermissions(Path where) {
        return posix(where) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FOLDER_MODE)} : new FileAttribute<?>[0];
    }

    static FileAttribute<?>[] filePermissions(Path where) {
        return posix(where) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE_MODE)} : new FileAttribute<?>[0];
    }

    /**
     * What {@code touch} and {@code mkdir} ask for: the operating system takes the umask off at
     * creation, so a usual umask of 022 gives {@code rw-r--r--} and {@code rwxr-xr-x}.
     */
    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-rw-rw-");
    private static final Set<PosixFilePermission> FOLDER_MODE = PosixFilePermissions.fromString("rwxrwxrwx");

    private static boolean posix(Path where) {
        return where.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Forces every file and folder under {@code root} to disk, so the swap never exposes unwritten data. */
    private static void syncTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    try (FileChannel channel = FileChannel.open(p, StandardOpenOption.WRITE)) {
                        channel.force(true);
                    }
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    syncDirectory(p);
                }
            }
        }
    }

    /** Makes renames in {@code dir} durable; some platforms cannot open a folder for syncing, which is harmless. */
    static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not supported (e.g. Windows): the data itself is already on disk.
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
