package org.onboarding.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.onboarding.testsupport.H2OnboardingTest;
import org.springframework.beans.factory.annotation.Autowired;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/** The import scenarios on the embedded H2 default. */
@H2OnboardingTest
class H2CustomerImportTest extends CustomerImportScenarios {

    @Autowired
    ObservationRegistry observations;

    @Test
    void aCommandsImportIsObservedStepByStepNotItemByItem() {
        // Only the service publishes metrics; a timer per row read and processed would only cost the writer.
        assertThat(Observation.createNotStarted("spring.batch.item.read", observations).isNoop()).isTrue();
        assertThat(Observation.createNotStarted("spring.batch.item.process", observations).isNoop()).isTrue();
        assertThat(Observation.createNotStarted("spring.batch.step", observations).isNoop()).isFalse();
    }
}
