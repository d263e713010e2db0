package org.onboarding;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The customer onboarding pipeline: imports organisations' customer files under the KYC rules of
 * the Create/Update Customer APIs. The command line ({@code ./onboard}) is the entry point.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OnboardingApplication {

    /** The time every component reads, so that tests can drive it instead of sleeping. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        ConfigurableApplicationContext context = SpringApplication.run(OnboardingApplication.class, args);
        // Closed already when Ctrl-C or SIGTERM shut the application down: the JVM exits on the signal.
        if (context.isActive()) {
            System.exit(SpringApplication.exit(context));
        }
    }
}
