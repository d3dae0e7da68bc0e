package dev.mmm.core.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Whole-file writes that either happen completely or not at all.
 *
 * <p>The content goes to a temporary file in the target's folder (same file system, so the rename
 * is atomic), is forced to disk, then renamed over the target; finally the folder is synced so
 * the rename itself survives a crash. If the callback throws, or the process dies half way, the
 * old file is untouched and at worst a hidden {@code .name.*.tmp} file is left behind.
 */
public final class AtomicFiles {

    /** Writes bytes to the stream it is given; must not close it. */
    @FunctionalInterface
    public interface ByteContent {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes text (UTF-8) to the writer it is given; must not close it. */
    @FunctionalInterface
    public interface TextContent {
        void writeTo(Writer out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} whole. The target, if it exists, must be a regular file (or a link to
     * one, which is written through): a folder, a device or a FIFO is refused rather than
     * replaced by a regular file. The new file's mode is what the umask gives (as {@code touch}),
     * not the 0600 of a temporary file.
     */
    public static void write(Path target, ByteContent content) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(absolute) && Files.exists(absolute)) {
            absolute = absolute.toRealPath();
        }
        if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(absolute, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(target + ": exists and is not a regular file ("
                    + (Files.isDirectory(absolute) ? "a folder" : "a device, FIFO or socket") + "); refusing to replace it");
        }
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp", AtomicFolder.filePermissions(dir));
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = Channels.newOutputStream(channel);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            } catch (IOException e) {
                // "No space left on device" alone does not say which file; the old one is untouched.
                throw new IOException(target + ": could not be written: " + AtomicFolder.reasonOf(e)
                        + "; the previous file, if any, is unchanged", e);
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot replace " + target + " atomically on this file system", e);
            }
            moved = true;
            AtomicFolder.syncDirectory(dir);
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    public static void writeText(Path target, TextContent content) throws IOException {
        write(target, utf8(content));
    }

    /** Text content as bytes, UTF-8 through a buffer. */
    static ByteContent utf8(TextContent content) {
        return out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            content.writeTo(writer);
            writer.flush();
        };
    }

    public static void writeString(Path target, String text) throws IOException {
        writeText(target, w -> w.write(text));
    }
}
