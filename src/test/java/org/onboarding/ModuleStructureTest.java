package org.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules, each a package under {@code org.onboarding}, depend on each other one way only, down
 * the order data flows, and only through each other's public types: a new cycle, a dependency up the
 * order, or a reach into another module's internals fails this test. It also draws the module diagram
 * the docs show, from the same model, so the picture cannot drift from the code.
 */
class ModuleStructureTest {

    /** The data's way through the pipeline, from the bottom up: a module may use only modules before it. */
    static final List<String> ORDER = List.of(
            "pii", "settings", "db", "lease",
            "feed", "folders", "file", "rules", "imports", "rejects",
            "customers", "connections", "wallets", "webhooks",
            "job", "operations", "remote", "serve", "console", "sample", "cli");

    static final ApplicationModules MODULES = ApplicationModules.of(OnboardingApplication.class);

    static final Path DIAGRAM = Path.of("docs", "modules", "README.md");

    @Test
    void modulesHaveNoCyclesAndUseOnlyEachOthersPublicTypes() {
        MODULES.verify();
    }

    @Test
    void everyModuleHasItsPlaceInTheOrderAndUsesOnlyModulesBeforeIt() {
        assertThat(MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .containsExactlyInAnyOrderElementsOf(ORDER);
        for (ApplicationModule module : MODULES) {
            int place = ORDER.indexOf(module.getIdentifier().toString());
            assertThat(dependencies(module)).as("modules %s uses", module.getIdentifier())
                    .allSatisfy(used -> assertThat(ORDER.indexOf(used)).as(used).isLessThan(place));
        }
    }

    /**
     * Writes Modulith's PlantUML diagrams into {@code docs/modules}, and the diagram GitHub draws (Mermaid)
     * into its README, failing when that one changed: run the tests, then commit what they wrote.
     */
    @Test
    void theDocsDrawTheModulesAsTheyAre() throws IOException {
        String committed = Files.exists(DIAGRAM) ? Files.readString(DIAGRAM) : "";
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DIAGRAM.getParent().toString())
                .withoutClean())
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        sortRelations(DIAGRAM.getParent());
        String drawn = diagram();
        Files.writeString(DIAGRAM, drawn);

        assertThat(committed).as("docs/modules/README.md is redrawn from the code: commit it").isEqualTo(drawn);
    }

    /**
     * Puts each PlantUML file's relations in one order: Modulith writes them in the order of a hash map,
     * which would change the committed files at every run though the drawing stays the same.
     */
    private static void sortRelations(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".puml")).toList()) {
                List<String> lines = Files.readAllLines(file);
                List<String> relations = lines.stream().filter(line -> line.startsWith("Rel(")).sorted().toList();
                Iterator<String> sorted = relations.iterator();
                Files.write(file, lines.stream().map(line -> line.startsWith("Rel(") ? sorted.next() : line).toList());
            }
        }
    }

    private static List<String> dependencies(ApplicationModule module) {
        return module.getDirectDependencies(MODULES).uniqueModules()
                .map(used -> used.getIdentifier().toString()).sorted().toList();
    }

    private static String diagram() {
        String edges = ORDER.stream().flatMap(name -> MODULES.getModuleByName(name).stream())
                .flatMap(module -> dependencies(module).stream()
                        .map(used -> "    " + module.getIdentifier() + " --> " + used))
                .collect(Collectors.joining("\n"));
        return """
                # Modules

                Drawn by `ModuleStructureTest` from the code (Spring Modulith's model of `src/main`), in the order
                data flows, from the ways in at the top to the modules everything else uses at the bottom. An arrow
                reads "uses". The same model gives the PlantUML diagrams beside this file.

                ```mermaid
                flowchart TD
                %s
                ```
                """.formatted(edges);
    }
}
