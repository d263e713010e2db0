package org.onboarding.job;

import java.nio.charset.Charset;
import java.nio.file.Path;

import org.onboarding.feed.Feed;
import org.onboarding.file.FileHeader;
import org.onboarding.imports.ImportRun;
import org.onboarding.rejects.PiiMask;

/**
 * Everything a step of one import needs to know about it, resolved once per step execution from
 * the job parameters: the feed, the file and how to read it, its header, and the run's ids.
 */
record ImportContext(Feed feed, ImportRun run, Path file, Charset charset, FileHeader header, PiiMask mask) {
}
