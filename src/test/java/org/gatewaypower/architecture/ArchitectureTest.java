package org.gatewaypower.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The module boundaries, as sentences. ModularityTest checks the same modules with Spring Modulith (their
 * declared dependencies and exposed packages); these rules add what it does not say.
 */
@AnalyzeClasses(packages = "org.gatewaypower", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * The physics core's classes. Its package-info carries the application-module annotation that only the
     * module tests read; the code itself stays plain Java.
     */
    private static final String PHYSICS = "org.gatewaypower.physics..";

    @ArchTest
    static final ArchRule physics_core_uses_no_framework = noClasses().that()
            .resideInAPackage(PHYSICS).and().doNotHaveSimpleName("package-info").should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "jakarta..", "javax.persistence..", "com.vaadin..",
                    "org.hibernate..", "com.fasterxml..")
            .because("the physics core is plain Java that any adapter can call and tests run without a container");

    @ArchTest
    static final ArchRule physics_core_depends_only_on_itself_the_jdk_and_hipparchus = classes().that()
            .resideInAPackage(PHYSICS).and().doNotHaveSimpleName("package-info").should().onlyDependOnClassesThat()
            .resideInAnyPackage("org.gatewaypower.physics..", "java..", "org.hipparchus..");

    @ArchTest
    static final ArchRule top_level_packages_form_no_dependency_cycle = slices()
            .matching("org.gatewaypower.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule internal_packages_are_used_only_by_the_package_that_holds_them = classes()
            .should(useNoOtherPackagesInternals());

    @ArchTest
    static final ArchRule nothing_outside_the_ui_depends_on_the_ui = noClasses().that()
            .resideOutsideOfPackage("org.gatewaypower.ui..").should().dependOnClassesThat()
            .resideInAPackage("org.gatewaypower.ui..")
            .because("the UI is an adapter: security learns the sign-in page through SignInPage");

    @ArchTest
    static final ArchRule nothing_outside_the_rest_api_depends_on_the_rest_api = noClasses().that()
            .resideOutsideOfPackage("org.gatewaypower.api..").should().dependOnClassesThat()
            .resideInAPackage("org.gatewaypower.api..");

    @ArchTest
    static final ArchRule ui_pages_use_no_other_ui_sub_package_but_the_shared_components = slices()
            .matching("org.gatewaypower.ui.(*)..").should().notDependOnEachOther()
            .ignoreDependency(DescribedPredicate.alwaysTrue(),
                    JavaClass.Predicates.resideInAPackage("org.gatewaypower.ui.component.."))
            .because("the workspace, eclipse and baseline pages link to each other through ui.Routes");

    @ArchTest
    static final ArchRule the_ui_base_package_depends_on_no_page_package = noClasses().that()
            .resideInAPackage("org.gatewaypower.ui").should().dependOnClassesThat()
            .resideInAnyPackage("org.gatewaypower.ui.workspace..", "org.gatewaypower.ui.eclipse..",
                    "org.gatewaypower.ui.baseline..")
            .because("the pages use the layout, Routes and NumberEntry of the base package: the way back would be a cycle");

    @ArchTest
    static final ArchRule no_class_builds_its_own_threads_or_thread_pools = noClasses().should()
            .dependOnClassesThat().belongToAnyOf(java.util.concurrent.Executors.class,
                    java.util.concurrent.ThreadPoolExecutor.class, java.util.concurrent.ForkJoinPool.class)
            .orShould().callConstructor(Thread.class, Runnable.class)
            .orShould().callConstructor(Thread.class, Runnable.class, String.class)
            .because("work off the request and UI threads runs on the one task executor (spring.task.execution.*)");

    /** A package named {@code internal} belongs to the package that holds it (its module). */
    private static ArchCondition<JavaClass> useNoOtherPackagesInternals() {
        return new ArchCondition<>("use no internal package but their own module's") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                    String target = d.getTargetClass().getBaseComponentType().getPackageName();
                    int internal = (target + ".").indexOf(".internal.");
                    if (internal < 0) {
                        continue;
                    }
                    String owner = target.substring(0, internal);
                    String from = origin.getPackageName();
                    if (!from.equals(owner) && !from.startsWith(owner + ".")) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        };
    }
}
