package dev.mmm.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the two files of the fit contract into a folder: {@code draws.csv} first, then
 * {@code summary.json}, each atomically, so a folder whose summary exists always has the draws
 * that summary describes.
 */
public final class FitWriter {

    public static final String SUMMARY_FILE = "summary.json";
    public static final String DRAWS_FILE = "draws.csv";

    private FitWriter() {
    }

    public static void write(FitSummary summary, Draws draws, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        DrawsCsv.write(outDir.resolve(DRAWS_FILE), draws);
        SummaryJson.write(outDir.resolve(SUMMARY_FILE), summary);
    }
}
