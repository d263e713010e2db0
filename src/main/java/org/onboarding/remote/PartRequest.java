package org.onboarding.remote;

/**
 * What an importing process sends a worker: run this part of that import execution. Sent as JSON,
 * never as serialized Java objects, so that whoever can publish to the queue cannot make a worker
 * build objects of their choosing.
 *
 * @param jobExecutionId  the import execution
 * @param partExecutionId the part's step execution, which holds where the part resumes
 * @param fileSha256      the file's SHA-256 as the import inspected it: a worker reads only that content
 */
record PartRequest(long jobExecutionId, long partExecutionId, String fileSha256) {
}
