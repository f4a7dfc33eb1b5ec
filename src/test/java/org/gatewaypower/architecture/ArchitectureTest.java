package org.gatewaypower.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module boundaries, as sentences. */
@AnalyzeClasses(packages = "org.gatewaypower", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule physics_core_uses_no_framework = noClasses().that()
            .resideInAPackage("org.gatewaypower.physics..").should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "jakarta..", "javax.persistence..", "com.vaadin..",
                    "org.hibernate..", "com.fasterxml..")
            .because("the physics core is plain Java that any adapter can call and tests run without a container");

    @ArchTest
    static final ArchRule physics_core_depends_only_on_itself_the_jdk_and_hipparchus = classes().that()
            .resideInAPackage("org.gatewaypower.physics..").should().onlyDependOnClassesThat()
            .resideInAnyPackage("org.gatewaypower.physics..", "java..", "org.hipparchus..");

    @ArchTest
    static final ArchRule workspace_entities_and_repositories_stay_inside_the_workspace_module = noClasses().that()
            .resideOutsideOfPackage("org.gatewaypower.workspace..").should().dependOnClassesThat()
            .resideInAPackage("org.gatewaypower.workspace.internal..");

    @ArchTest
    static final ArchRule account_entities_stay_inside_the_security_module = noClasses().that()
            .resideOutsideOfPackage("org.gatewaypower.security..").should().dependOnClassesThat()
            .resideInAPackage("org.gatewaypower.security.internal..");

    @ArchTest
    static final ArchRule nothing_depends_on_the_ui_except_the_ui_and_the_security_login_route = noClasses().that()
            .resideOutsideOfPackages("org.gatewaypower.ui..", "org.gatewaypower.security..").should()
            .dependOnClassesThat().resideInAPackage("org.gatewaypower.ui..");

    @ArchTest
    static final ArchRule the_rest_api_and_the_ui_do_not_depend_on_each_other = noClasses().that()
            .resideInAPackage("org.gatewaypower.api..").should().dependOnClassesThat()
            .resideInAPackage("org.gatewaypower.ui..");

    @ArchTest
    static final ArchRule services_are_not_called_by_the_physics_core = noClasses().that()
            .resideInAnyPackage("org.gatewaypower.workspace..", "org.gatewaypower.analysis..").should()
            .dependOnClassesThat().resideInAnyPackage("org.gatewaypower.ui..", "org.gatewaypower.api..");
}
