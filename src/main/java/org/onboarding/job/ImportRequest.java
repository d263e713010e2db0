package org.onboarding.job;

import java.nio.charset.Charset;
import java.nio.file.Path;

/**
 * A request to import one file.
 *
 * @param feed     the feed's name, or null for the default feed
 * @param encoding the file's charset when it is not the feed's, or null
 * @param rerun    import again content that was already imported
 * @param writers  at most how many writers import the file side by side, or null for the configured number
 */
public record ImportRequest(Path file, String feed, Charset encoding, boolean rerun, Integer writers) {

    public ImportRequest(Path file, String feed, Charset encoding, boolean rerun) {
        this(file, feed, encoding, rerun, null);
    }
}
