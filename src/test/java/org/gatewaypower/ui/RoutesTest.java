package org.gatewaypower.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.RouteParameters;
import org.junit.jupiter.api.Test;

/** The workspace pages read the workspace from their route the same way. */
class RoutesTest {

    @Test
    void a_whole_number_names_a_workspace_and_anything_else_names_none() {
        assertThat(Routes.workspaceId(new RouteParameters(Routes.WORKSPACE_ID, "42"))).contains(42L);
        assertThat(Routes.workspaceId(new RouteParameters(Routes.WORKSPACE_ID, "4x"))).isEmpty();
        assertThat(Routes.workspaceId(new RouteParameters(Routes.WORKSPACE_ID, "99999999999999999999"))).isEmpty();
        assertThat(Routes.workspaceId(RouteParameters.empty())).isEmpty();
    }
}
