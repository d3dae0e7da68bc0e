package dev.mmm.sampler.testutil;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * Locates the reference material kept as test resources under
 * {@code src/test/resources/dev/mmm/sampler/reference} (its README names the sources).
 */
public final class Reference {

    private static final String ROOT = "/dev/mmm/sampler/reference/";

    private Reference() {
    }

    /** The file or folder {@code relative} to the reference root; fails if it is not there. */
    public static Path path(String relative) {
        URL url = Reference.class.getResource(ROOT + relative);
        if (url == null) {
            throw new IllegalStateException("reference data missing from the test resources: " + ROOT + relative);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("bad resource URL " + url, e);
        }
    }
}
