package org.onboarding.inbox;

import java.io.File;

import org.springframework.integration.file.filters.AbstractFileListFilter;
import org.springframework.integration.file.filters.FileListFilter;
import org.springframework.integration.metadata.ConcurrentMetadataStore;
import org.springframework.stereotype.Component;

/**
 * The inboxes' persistent accept-once memory, in the database ({@code int_metadata_store}): a file is
 * remembered, by path and modification time, once its fate is sealed (imported, noted as already
 * imported, failed or refused), just before it is moved out of the inbox. A file whose move failed is
 * therefore never picked up again, across restarts and instances, while a file only listed, or
 * waiting when the service stopped or died, is not remembered and is picked up by the next start.
 * The same name dropped again with other content has another modification time and is picked up.
 */
@Component
public class HandledFiles {

    private final ConcurrentMetadataStore store;

    public HandledFiles(ConcurrentMetadataStore acceptedFiles) {
        this.store = acceptedFiles;
    }

    /** The filter that passes over the feed's files already handled. */
    public FileListFilter<File> notYetHandled(String feed) {
        return new AbstractFileListFilter<>() {
            @Override
            public boolean accept(File file) {
                return !Long.toString(file.lastModified()).equals(store.get(key(feed, file)));
            }
        };
    }

    /** Remembers the file, as it is now, as handled. */
    public void remember(String feed, File file) {
        store.put(key(feed, file), Long.toString(file.lastModified()));
    }

    private static String key(String feed, File file) {
        return "inbox:" + feed + ":" + file.getAbsolutePath();
    }
}
