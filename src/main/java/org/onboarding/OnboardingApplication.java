package org.onboarding;

import java.time.Clock;
import java.util.Optional;
import java.util.OptionalInt;

import org.onboarding.cli.QuickHelp;
import org.onboarding.cli.ReadOnlyCommands;
import org.onboarding.cli.StartExitCodes;
import org.onboarding.remote.Workers;
import org.onboarding.serve.OnboardService;
import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.context.aot.AotApplicationContextInitializer;
import org.springframework.core.SpringProperties;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.ClassUtils;

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
        // Help and the version need none of the application: answered before it starts, in a fraction of a second.
        OptionalInt helped = QuickHelp.answer(args, StandardEnvironment::new);
        if (helped.isPresent()) {
            System.exit(helped.getAsInt());
            return;
        }
        // The commands that only read start only what they read: half the time of the whole application.
        boolean readOnly = ReadOnlyCommands.ask(args);
        SpringApplication application = new SpringApplication(readOnly ? ReadOnlyCommands.class
                : OnboardingApplication.class);
        boolean serve = args.length > 0 && args[0].equals("serve");
        boolean worker = args.length > 0 && args[0].equals("worker");
        if (!serve && !worker) {
            startFromTheBeanDefinitionsGeneratedAtBuild(readOnly ? ReadOnlyCommandsAotProcessor.INITIALIZER
                    : OnboardingApplication.class.getName() + "__ApplicationContextInitializer")
                    .ifPresent(application::addInitializers);
        }
        if (serve) {
            // The service alone serves HTTP (the operator API, health); every other command stays a plain process.
            application.setAdditionalProfiles("serve");
        }
        if (worker) {
            // A worker listens to the broker for parts of remote imports until SIGTERM; given a port, it
            // serves its health there too.
            boolean port = System.getenv("SERVER_PORT") != null || System.getProperty("server.port") != null;
            application.setAdditionalProfiles(port ? new String[] {"worker", "worker-http"} : new String[] {"worker"});
        }
        ConfigurableApplicationContext context;
        try {
            context = application.run(args);
        } catch (SpringApplication.AbandonedRunException abandoned) {
            // A run that only prepares the application (ahead-of-time processing, a class-data training run).
            throw abandoned;
        } catch (RuntimeException failure) {
            // Told already in one line (StartFailureAnalyzer, OneLineFailureReporter), the stack trace in the log.
            System.exit(new StartExitCodes().getExitCode(failure));
            return;
        }
        // The service runs until SIGTERM; a command is done. Closed already when Ctrl-C or SIGTERM shut it
        // down: the JVM exits on the signal.
        if (!context.isActive()) {
            return;
        }
        // The read-only commands' application has no service at all.
        OnboardService service = context.getBeanProvider(OnboardService.class).getIfAvailable();
        Workers workers = context.getBeanProvider(Workers.class).getIfAvailable();
        boolean working = workers != null && workers.listening();
        if ((service == null || !service.serving()) && !working) {
            System.exit(SpringApplication.exit(context));
        }
    }

    /**
     * Starts the application from the bean definitions Spring's ahead-of-time processing generated at build
     * ({@code pom.xml}: the whole application's, and the read-only commands' by
     * {@link ReadOnlyCommandsAotProcessor}), when the build made them, the command is not {@code serve}
     * (whose profile, added at run time, those definitions cannot follow), and nobody chose either way with
     * {@code -Dspring.aot.enabled}: it skips reading the configuration classes and deciding the
     * auto-configuration, most of a second of every start. Never while the build itself generates them.
     *
     * @return the initializer registering those definitions (Spring would look for the main class's only),
     *         or nothing when the application starts without them
     */
    private static Optional<AotApplicationContextInitializer<ConfigurableApplicationContext>>
            startFromTheBeanDefinitionsGeneratedAtBuild(String initializer) {
        boolean chosen = System.getProperty(AotDetector.AOT_ENABLED) != null;
        boolean generating = Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING);
        if (chosen || generating || !ClassUtils.isPresent(initializer, OnboardingApplication.class.getClassLoader())) {
            return Optional.empty();
        }
        SpringProperties.setFlag(AotDetector.AOT_ENABLED);
        return Optional.of(AotApplicationContextInitializer.forInitializerClasses(initializer));
    }
}
