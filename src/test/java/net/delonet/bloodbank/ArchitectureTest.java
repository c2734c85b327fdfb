package net.delonet.bloodbank;

import static com.tngtech.archunit.base.DescribedPredicate.or;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The house: a ground floor (backend connection tools, refusals, metrics) that imports nothing of Bloodbank's, the
 * model (event payloads, their registry, the envelope) on it, the features above, and the CLI wing beside them that
 * never loads Camel. Checked on the main classes' bytecode, so a dependency written any way counts.
 */
class ArchitectureTest {

    private static final String BLOODBANK = "net.delonet.bloodbank..";
    private static final String[] GROUND = {"net.delonet.bloodbank.backend..", "net.delonet.bloodbank.refusal..",
            "net.delonet.bloodbank.ops.."};
    private static final String[] MODEL = {"net.delonet.bloodbank.events..", "net.delonet.bloodbank.registry..",
            "net.delonet.bloodbank.envelope.."};
    private static final String[] CLI_WING = {"net.delonet.bloodbank.cli..", "net.delonet.bloodbank.client.."};

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("net.delonet.bloodbank");

    @Test
    void should_have_no_cycles_between_packages() {
        // every package its own slice: consume.pipeline and consume.recovery may not lean on each other either
        slices().matching("net.delonet.bloodbank.(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void should_build_the_ground_floor_on_nothing_of_bloodbank() {
        classes().that().resideInAnyPackage(GROUND)
                .should().onlyDependOnClassesThat(or(resideOutsideOfPackage(BLOODBANK), resideInAnyPackage(GROUND)))
                .check(MAIN);
    }

    @Test
    void should_build_the_model_on_the_ground_floor_only() {
        classes().that().resideInAnyPackage(MODEL)
                .should().onlyDependOnClassesThat(or(resideOutsideOfPackage(BLOODBANK), resideInAnyPackage(GROUND),
                        resideInAnyPackage(MODEL)))
                .check(MAIN);
    }

    @Test
    void should_let_nothing_lean_on_the_roof() {
        // Bloodbank and GroundFloor put the house together; a feature that needs what they bind takes it by injection
        noClasses().that().resideOutsideOfPackage("net.delonet.bloodbank").and().doNotHaveSimpleName("ServeCommand")
                .should().dependOnClassesThat().resideInAPackage("net.delonet.bloodbank")
                .check(MAIN);
    }

    @Test
    void should_keep_camel_out_of_the_command_line() {
        // bb starts in a blink and runs where Camel is not wanted: nothing it reaches, however indirectly, is Camel,
        // but for `bb serve`, which is the service (and Bb, which lists it among the commands)
        noClasses().that().resideInAnyPackage(CLI_WING).and().haveNameNotMatching(".*\\.cli\\.(Bb|ServeCommand)(\\$.*)?")
                .should().transitivelyDependOnClassesThat().resideInAPackage("org.apache.camel..")
                .check(MAIN);
        noClasses().that().resideInAnyPackage(CLI_WING).and().doNotHaveSimpleName("ServeCommand")
                .should().dependOnClassesThat().resideInAPackage("org.apache.camel..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(Bloodbank.class.getName())
                .check(MAIN);
    }
}
