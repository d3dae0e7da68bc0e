package dev.mmm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
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

    static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
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
