package dev.cinderemulator.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.ENUMS;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Repository;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import dev.cinderemulator.exception.Invalid;
import dev.cinderemulator.store.CinderBase;

/**
 * The rules the code base keeps: constructor injection, no console output, features own their
 * data, and the edges between packages run one way: features on top, then fault, journal and web,
 * then engine, store, auth and config, with exception at the bottom.
 */
@AnalyzeClasses(packages = "dev.cinderemulator", importOptions = { ImportOption.DoNotIncludeTests.class,
        ArchitectureTests.NoAotGeneratedCode.class })
class ArchitectureTests {

    /** Spring's ahead-of-time bean definitions ({@code X__BeanDefinitions}) are generated, not ours. */
    static final class NoAotGeneratedCode implements ImportOption {

        @Override
        public boolean includes(Location location) {
            return !location.contains("__");
        }
    }

    private static final String WEB = "dev.cinderemulator.web..";
    private static final String[] FEATURES = { "dev.cinderemulator.backup..", "dev.cinderemulator.volume..",
            "dev.cinderemulator.identity..", "dev.cinderemulator.image..", "dev.cinderemulator.control..",
            "dev.cinderemulator.quota..", "dev.cinderemulator.service..", "dev.cinderemulator.message..",
            "dev.cinderemulator.zone..", "dev.cinderemulator.extension.." };

    @ArchTest
    static final ArchRule noFieldInjection = noFields().should().beAnnotatedWith(Autowired.class)
            .because("dependencies are constructor arguments");

    @ArchTest
    static final ArchRule noConsoleOutput = noClasses().that().doNotHaveFullyQualifiedName(
            "dev.cinderemulator.CommandLine").should(ACCESS_STANDARD_STREAMS)
            .because("everything goes to the log but --help, --version and a failed start (CommandLine)");

    @ArchTest
    static final ArchRule repositoriesStayInTheirFeature = noClasses().that().areAnnotatedWith(Repository.class)
            .should().bePublic().because("each feature's tables are reached only through its services");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.cinderemulator.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule webPlumbingKnowsNoFeature = noClasses().that().resideInAPackage(WEB)
            .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
            .orShould().dependOnClassesThat().resideInAnyPackage("dev.cinderemulator.fault..",
                    "dev.cinderemulator.journal..");

    /** The entities, their status enums and the domain exceptions. */
    private static final DescribedPredicate<JavaClass> DOMAIN = assignableTo(CinderBase.class)
            .or(assignableTo(Invalid.class)).or(ENUMS.and(simpleNameEndingWith("Status"))).as("domain classes");

    @ArchTest
    static final ArchRule domainKnowsNoHttp = noClasses().that(DOMAIN)
            .should().dependOnClassesThat().resideInAPackage(WEB)
            .because("status machines raise domain exceptions, which the web layer maps to Cinder faults");

    @ArchTest
    static final ArchRule storeIsPersistenceOnly = noClasses().that().resideInAPackage("dev.cinderemulator.store..")
            .should().dependOnClassesThat().resideInAPackage(WEB)
            .because("store takes a query already read from the request");

    @ArchTest
    static final ArchRule faultAndEngineKnowNoFeature = noClasses().that()
            .resideInAnyPackage("dev.cinderemulator.fault..", "dev.cinderemulator.engine..")
            .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
            .because("features plug into them through interfaces (TransitionHandler, RuleSubjects)");

    @ArchTest
    static final ArchRule configHoldsPropertiesOnly = noClasses().that().resideInAPackage("dev.cinderemulator.config..")
            .should().dependOnClassesThat(resideInAPackage("dev.cinderemulator..")
                    .and(resideOutsideOfPackage("dev.cinderemulator.config..")))
            .because("the clock and every other bean built from the properties live with their feature");

    @ArchTest
    static final ArchRule exceptionsAreTheBottom = noClasses().that().resideInAPackage("dev.cinderemulator.exception..")
            .should().dependOnClassesThat(resideInAPackage("dev.cinderemulator..")
                    .and(resideOutsideOfPackage("dev.cinderemulator.exception..")));
}
