package org.gatewaypower.architecture;

import org.gatewaypower.Application;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The application modules (the top-level packages under {@code org.gatewaypower}, declared in their
 * {@code package-info.java}) as Spring Modulith reads them: verified, and documented into
 * {@code target/spring-modulith-docs} (a component diagram of all modules and one canvas per module).
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(Application.class);

    @Test
    void modules_use_only_their_allowed_dependencies_through_exposed_packages_and_form_no_cycle() {
        MODULES.verify();
    }

    @Test
    void module_documentation_is_written_into_target() {
        new Documenter(MODULES).writeDocumentation();
    }
}
