package org.gatewaypower.ui;

import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

/**
 * The routes of a workspace's pages, written once. The workspace, eclipse and baseline pages declare their
 * {@code @Route} with these constants and link to each other through {@link #link}, which finds the page class
 * in Vaadin's route registry: no page imports another, so the pages form no cycle (ArchitectureTest holds it).
 */
public final class Routes {

    /** The route parameter that names the workspace. */
    public static final String WORKSPACE_ID = "workspaceId";
    /** The workspace page: design case, loads, results, timeline, members, history. */
    public static final String WORKSPACE = "workspace/:" + WORKSPACE_ID;
    /** The eclipse page of a workspace's orbit. */
    public static final String ECLIPSES = WORKSPACE + "/eclipses";
    /** The baselines, variants and comparisons of a workspace. */
    public static final String BASELINES = WORKSPACE + "/baselines";

    private Routes() {
    }

    /** The workspace a page's route names; empty when the parameter is missing or not a whole number. */
    public static Optional<Long> workspaceId(RouteParameters parameters) {
        return parameters.get(WORKSPACE_ID).flatMap(Routes::parse);
    }

    private static Optional<Long> parse(String s) {
        try {
            return Optional.of(Long.parseLong(s));
        } catch (NumberFormatException ex) {
            return Optional.empty();
        }
    }

    /** A link, with {@code text}, to the page at {@code route} of workspace {@code workspaceId}. */
    public static RouterLink link(String text, String route, long workspaceId) {
        return new RouterLink(text, page(route, workspaceId), parameters(workspaceId));
    }

    /** Takes {@code ui} to the page at {@code route} of workspace {@code workspaceId}. */
    public static void navigate(UI ui, String route, long workspaceId) {
        ui.navigate(page(route, workspaceId), parameters(workspaceId));
    }

    private static RouteParameters parameters(long workspaceId) {
        return new RouteParameters(WORKSPACE_ID, String.valueOf(workspaceId));
    }

    private static Class<? extends Component> page(String route, long workspaceId) {
        String path = route.replace(":" + WORKSPACE_ID, String.valueOf(workspaceId));
        return RouteConfiguration.forApplicationScope().getRoute(path)
                .orElseThrow(() -> new IllegalStateException("No page is registered at route " + route));
    }
}
