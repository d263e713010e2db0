package org.onboarding.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.onboarding.sample.SampleFileGenerator;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./onboard sample --rows N FILE}: writes a realistic, deterministic customer file. */
@Component
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Writes a realistic, deterministic customer file of any size for the demo feed.")
class SampleCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "1000", description = "data rows (default: ${DEFAULT-VALUE})")
    private long rows;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "random seed (default: ${DEFAULT-VALUE})")
    private long seed;

    @Parameters(paramLabel = "FILE", description = "the file to write")
    private Path file;

    @Override
    public Integer call() throws Exception {
        if (rows < 0 || rows > SampleFileGenerator.MAX_ROWS) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    String.format("--rows must be between 0 and %,d", SampleFileGenerator.MAX_ROWS));
        }
        new SampleFileGenerator().write(file, rows, seed);
        spec.commandLine().getOut().printf("Wrote %,d rows to %s%n", rows, file);
        return ExitCodes.COMPLETED;
    }
}
