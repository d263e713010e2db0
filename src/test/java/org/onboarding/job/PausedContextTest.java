package org.onboarding.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.onboarding.testsupport.H2OnboardingTest;
import org.onboarding.testsupport.ImportScenario;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An application stopped and started again without closing (as Spring's test contexts are paused
 * between the test classes that share them) imports again: stopping refuses launches only until the
 * next start.
 */
@H2OnboardingTest
class PausedContextTest extends ImportScenario {

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void anApplicationStoppedAndStartedAgainImportsAgain() throws Exception {
        Path file = Files.writeString(dir.resolve("after-restart.csv"), "referenceId,name,accountTypeId\nCUS-1,Ngozi Eze,1\n");

        context.stop();
        boolean refusedWhileStopped = launcher.refusingNewLaunches();
        context.start();
        ImportOutcome outcome = launcher.launch(new ImportRequest(file, "demo", null, false));

        assertThat(refusedWhileStopped).isTrue();
        assertThat(outcome.summary().status()).isEqualTo(BatchStatus.COMPLETED);
    }
}
