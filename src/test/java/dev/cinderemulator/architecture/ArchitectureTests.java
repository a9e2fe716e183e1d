package dev.cinderemulator.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.repository.Repository;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The few rules the code base keeps: constructor injection, no console output, features own their data. */
@AnalyzeClasses(packages = "dev.cinderemulator", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule noFieldInjection = noFields().should().beAnnotatedWith(Autowired.class)
            .because("dependencies are constructor arguments");

    @ArchTest
    static final ArchRule noConsoleOutput = NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

    @ArchTest
    static final ArchRule repositoriesStayInTheirFeature = noClasses().that().areAssignableTo(Repository.class)
            .should().bePublic().because("each feature's tables are reached only through its services");

    @ArchTest
    static final ArchRule webPlumbingKnowsNoFeature = noClasses().that().resideInAPackage("dev.cinderemulator.web..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.cinderemulator.backup..",
                    "dev.cinderemulator.volume..", "dev.cinderemulator.identity..");
}
