package org.onboarding.settings;

/**
 * A setting the pipeline cannot start with. Its message is the one line an operator reads: the
 * variable as they set it, its value, and what is allowed ({@code ONBOARD_CHUNK_SIZE=0: must be at least 1}).
 */
public class UnusableSettingException extends RuntimeException {

    public UnusableSettingException(String message) {
        super(message);
    }
}
