package dev.mmm.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Drives Debian's headless Chromium ({@code scripts/install-browser.sh} installs it) from tests:
 * loads a local file with networking features off and a fresh profile, and returns the DOM after
 * scripts ran, or a screenshot, with the browser's log.
 */
final class HeadlessChromium {

    /** Where Debian's package puts the browser; the system property {@code mmm.chromium} overrides it. */
    static final Path DEFAULT = Path.of("/usr/bin/chromium");
    /** A browser that has not finished in this long has hung: the test fails rather than waits forever. */
    static final long GIVE_UP_SECONDS = 180;

    /** The browser's output: stdout (the DOM for {@code --dump-dom}) and its stderr log. */
    record Run(String stdout, String log) {
        /** Lines of the log that are messages of the page's console, or uncaught exceptions. */
        List<String> consoleLines() {
            List<String> lines = new ArrayList<>();
            for (String line : log.split("\n")) {
                if (line.contains(":CONSOLE") || line.contains("Uncaught")) {
                    lines.add(line);
                }
            }
            return lines;
        }
    }

    private HeadlessChromium() {
    }

    /** The browser binary, or null when it is not installed. */
    static Path binary() {
        Path p = Path.of(System.getProperty("mmm.chromium", DEFAULT.toString()));
        return Files.isExecutable(p) ? p : null;
    }

    /** Loads {@code page} and returns the DOM after scripts, with the log. */
    static Run dumpDom(Path page, Path scratch) throws IOException, InterruptedException {
        return run(page, scratch, List.of("--dump-dom"));
    }

    /** Loads {@code page} in a {@code width x height} window and writes a PNG screenshot of it to {@code png}. */
    static Run screenshot(Path page, Path png, int width, int height, Path scratch) throws IOException, InterruptedException {
        return run(page, scratch, List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
                "--hide-scrollbars"));
    }

    private static Run run(Path page, Path scratch, List<String> mode) throws IOException, InterruptedException {
        Path binary = binary();
        if (binary == null) {
            throw new IllegalStateException("no chromium at " + DEFAULT + "; run scripts/install-browser.sh");
        }
        Path profile = Files.createTempDirectory(scratch, "profile");
        Path out = scratch.resolve(profile.getFileName() + ".out");
        Path err = scratch.resolve(profile.getFileName() + ".err");
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile.toAbsolutePath(), "--enable-logging=stderr", "--v=0"));
        command.addAll(mode);
        command.add(page.toAbsolutePath().toUri().toString());
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(GIVE_UP_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("chromium did not finish loading " + page + " in " + GIVE_UP_SECONDS + " s; log: " + err);
        }
        String log = Files.readString(err, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IllegalStateException("chromium exited with " + p.exitValue() + " on " + page + ":\n" + log);
        }
        return new Run(Files.readString(out, StandardCharsets.UTF_8), log);
    }
}
