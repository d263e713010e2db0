package org.onboarding;

import java.nio.file.Path;

import org.onboarding.cli.ReadOnlyCommands;
import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.boot.SpringApplicationAotProcessor;
import org.springframework.javapoet.ClassName;

/**
 * Spring's ahead-of-time processing of the commands that only read ({@link ReadOnlyCommands}), run by the
 * build (pom.xml) after the whole application's: their bean definitions generated as code, so that
 * {@code jobs}, {@code show} and {@code webhooks list} skip reading configuration classes, deciding
 * auto-configuration and parsing the logging configuration (a quarter of a second of their start on the
 * 2-core development machine). Started as the real command line starts them ({@code jobs}), through
 * {@link OnboardingApplication#main}. The generated classes carry a name of their own
 * ({@code …__ReadOnlyBeanDefinitions}): both applications build beans of the same classes (the data
 * source, the job repository), and the same names would overwrite each other's code.
 */
public final class ReadOnlyCommandsAotProcessor extends SpringApplicationAotProcessor {

    /** The generated class that registers the read-only commands' beans. */
    static final String INITIALIZER = ReadOnlyCommands.class.getName() + "__ReadOnlyApplicationContextInitializer";

    private static final String NAME = "ReadOnly";

    private ReadOnlyCommandsAotProcessor(Settings settings) {
        super(OnboardingApplication.class, settings, new String[] {"jobs"});
    }

    @Override
    protected ClassNameGenerator createClassNameGenerator() {
        return new ClassNameGenerator(ClassName.get(ReadOnlyCommands.class), NAME);
    }

    /**
     * Generates into the given folders: {@code <sources> <resources> <classes> <groupId> <artifactId>}, as
     * Spring Boot's own processor takes them.
     */
    public static void main(String[] args) {
        if (args.length != 5) {
            throw new IllegalArgumentException("Usage: " + ReadOnlyCommandsAotProcessor.class.getName()
                    + " <sourceOutput> <resourceOutput> <classOutput> <groupId> <artifactId>");
        }
        Settings settings = Settings.builder().sourceOutput(Path.of(args[0])).resourceOutput(Path.of(args[1]))
                .classOutput(Path.of(args[2])).groupId(args[3]).artifactId(args[4]).build();
        new ReadOnlyCommandsAotProcessor(settings).process();
    }
}
