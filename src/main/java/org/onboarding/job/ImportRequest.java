package org.onboarding.job;

import java.nio.charset.Charset;
import java.nio.file.Path;

/**
 * A request to import one file.
 *
 * @param feed     the feed's name, or null for the default feed
 * @param encoding the file's charset when it is not the feed's, or null
 * @param rerun    import again content that was already imported
 * @param writers  at most how many writers import the file side by side, or null for the configured number;
 *                 for a remote import, how many parts the workers share
 * @param remote   whether the parts run on workers ({@code ./onboard worker}) instead of this process
 */
public record ImportRequest(Path file, String feed, Charset encoding, boolean rerun, Integer writers, boolean remote) {

    /**
     * A remote import's parts are shared by workers, each taking the next part when it is done with
     * one: more parts than workers balance the work, and make a part lost with its worker smaller.
     */
    public static final int DEFAULT_REMOTE_PARTS = 8;
    /** Past this, parts only add their overhead (a filter each in the plan, a step execution, a message). */
    public static final int MAX_REMOTE_PARTS = 64;

    public ImportRequest(Path file, String feed, Charset encoding, boolean rerun, Integer writers) {
        this(file, feed, encoding, rerun, writers, false);
    }

    public ImportRequest(Path file, String feed, Charset encoding, boolean rerun) {
        this(file, feed, encoding, rerun, null);
    }
}
