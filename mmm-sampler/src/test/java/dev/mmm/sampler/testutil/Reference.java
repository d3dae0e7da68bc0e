package dev.mmm.sampler.testutil;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates {@code shared/reference} next to the project root, or skips the calling test. */
public final class Reference {

    private Reference() {
    }

    /** The path under {@code <root>/../shared/reference}; skips the test when it is absent. */
    public static Path path(String relative) {
        String root = System.getProperty("mmm.projectRoot");
        assumeTrue(root != null, "system property mmm.projectRoot is not set: reference data skipped");
        Path path = Path.of(root).resolve("../shared/reference").resolve(relative).normalize();
        assumeTrue(Files.exists(path), "reference data absent: " + path);
        return path;
    }
}
