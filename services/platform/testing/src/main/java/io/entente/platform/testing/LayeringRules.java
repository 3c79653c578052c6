package io.entente.platform.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layers of every service, checked over its compiled classes: {@code rest → service → domain}, one way.
 * <ul>
 * <li>{@code api}: the records a use case takes and returns (requests, commands, views, results). The REST layer and
 * the use cases both speak them; they depend on nothing but the domain.</li>
 * <li>{@code rest}: resources. Nothing else imports them.</li>
 * <li>{@code service}: use cases and read paths; {@code messaging}: event handlers that call the use cases.</li>
 * <li>{@code domain}: entities and rules; they know no outer layer.</li>
 * </ul>
 * No service depends on another service's classes: they learn of each other only through events. A service's test
 * package subclasses this with its base package.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class LayeringRules {

    static final List<String> SERVICES = List.of("backlog", "sprint", "decision", "governance", "notification");

    private JavaClasses classes;

    /** The service's base package, e.g. {@code io.entente.backlog}. */
    protected abstract String basePackage();

    @BeforeAll
    void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage());
    }

    @Test
    void onlyTheRestLayerUsesResources() {
        noClasses().that().resideOutsideOfPackage(basePackage() + ".rest..")
                .should().dependOnClassesThat().resideInAPackage(basePackage() + ".rest..")
                .because("rest → service → domain is one way: use cases take and return the records in api/")
                .check(classes);
    }

    @Test
    void onlyTheRestLayerUsesThePlatformsHttpPieces() {
        noClasses().that().resideOutsideOfPackage(basePackage() + ".rest..")
                .should().dependOnClassesThat().resideInAPackage("io.entente.platform.rest..")
                .because("use cases speak problems (platform.problem), versions (platform.versioning) and text "
                        + "(platform.text), not HTTP; the platform's rest package is for resources")
                .check(classes);
    }

    @Test
    void useCasesAndHandlersDoNotReachIntoEachOther() {
        noClasses().that().resideInAnyPackage(basePackage() + ".service..")
                .should().dependOnClassesThat().resideInAPackage(basePackage() + ".messaging..")
                .because("handlers call use cases, never the other way round")
                .check(classes);
    }

    @Test
    void theApiKnowsNoLayerAboveTheDomain() {
        noClasses().that().resideInAPackage(basePackage() + ".api..")
                .should().dependOnClassesThat().resideInAnyPackage(basePackage() + ".service..",
                        basePackage() + ".messaging..", basePackage() + ".rest..")
                .because("request and view records are plain data")
                .check(classes);
    }

    @Test
    void theDomainKnowsNoOuterLayer() {
        noClasses().that().resideInAPackage(basePackage() + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(basePackage() + ".api..",
                        basePackage() + ".service..", basePackage() + ".messaging..", basePackage() + ".rest..")
                .because("entities and rules are plain Java that any layer may use")
                .check(classes);
    }

    @Test
    void noServiceUsesAnotherServicesClasses() {
        String[] others = SERVICES.stream().map(s -> "io.entente." + s + "..")
                .filter(p -> !p.equals(basePackage() + "..")).toArray(String[]::new);
        noClasses().should().dependOnClassesThat().resideInAnyPackage(others)
                .because("services learn about each other only through the events in io.entente.events")
                .check(classes);
    }
}
