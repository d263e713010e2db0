package org.onboarding;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The customer onboarding pipeline: imports organisations' customer files under the KYC rules of
 * the Create/Update Customer APIs. The command line ({@code ./onboard}) is the entry point.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OnboardingApplication {

    public static void main(String[] args) {
        System.exit(SpringApplication.exit(SpringApplication.run(OnboardingApplication.class, args)));
    }
}
