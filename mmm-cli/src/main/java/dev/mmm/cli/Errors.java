package dev.mmm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import dev.mmm.core.data.MessageText;
import picocli.CommandLine;

/** Turns any failure into the one line {@code mmm: error: <message>}. */
final class Errors {

    private Errors() {
    }

    static void report(PrintWriter err, Throwable e, boolean debug) {
        err.println("mmm: error: " + message(e));
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
    }

    static String message(Throwable e) {
        if (e instanceof NoSuchFileException n) {
            return oneLine(n.getFile()) + ": no such file or folder";
        }
        if (e instanceof AccessDeniedException a) {
            return oneLine(a.getFile()) + ": permission denied";
        }
        if (e instanceof NotDirectoryException n) {
            return oneLine(n.getFile()) + ": not a folder";
        }
        if (e instanceof FileAlreadyExistsException f) {
            return oneLine(f.getFile()) + ": exists and is not a folder";
        }
        // Our own exceptions (DataException, SpecException, CmdStanCsvException, ...) carry messages meant for users.
        boolean ours = e.getClass().getName().startsWith("dev.mmm.");
        if (ours || e instanceof IllegalArgumentException || e instanceof IOException) {
            String m = e.getMessage();
            if (m != null && !m.isBlank()) {
                return oneLine(m);
            }
        }
        // A bug, not bad input: say so, still on one line.
        return "internal error: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + oneLine(e.getMessage()))
                + " (run again with --debug for the stack trace)";
    }

    /**
     * One safe line: line breaks (between our own sentences) become spaces, any other control
     * character (a terminal escape from the input) is escaped, and the line is cut at
     * {@link MessageText#MAX_LINE_CHARS}.
     */
    static String oneLine(String message) {
        if (message == null) {
            return "";
        }
        // Joining lines is done on a bounded head only, so a 100 MB message costs no 100 MB regex pass.
        String head = message.length() > 2 * MessageText.MAX_LINE_CHARS ? message.substring(0, 2 * MessageText.MAX_LINE_CHARS) : message;
        String joined = head.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
        String safe = MessageText.line(joined);
        if (head.length() < message.length()) {
            String marker = "... (" + joined.length() + " characters)";
            safe = (safe.endsWith(marker) ? safe.substring(0, safe.length() - marker.length()) : safe)
                    + "... (" + message.length() + " characters)";
        }
        return safe;
    }

    static boolean debugRequested(CommandLine.ParseResult parseResult) {
        for (CommandLine.ParseResult r = parseResult; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }
}
