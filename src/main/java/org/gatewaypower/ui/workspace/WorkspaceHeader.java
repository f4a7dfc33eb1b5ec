package org.gatewaypower.ui.workspace;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.theme.lumo.LumoUtility.FlexWrap;
import com.vaadin.flow.theme.lumo.LumoUtility.FontSize;
import com.vaadin.flow.theme.lumo.LumoUtility.Margin;
import com.vaadin.flow.theme.lumo.LumoUtility.TextColor;

import org.gatewaypower.ui.Routes;
import org.gatewaypower.ui.component.Headings;
import org.gatewaypower.workspace.ReadModels;

/**
 * The workspace page's header: its name, the illustrative-data badge, the user's role, what the workspace holds,
 * who has it open, and the links to its eclipses, baselines and PDF report.
 */
final class WorkspaceHeader extends HorizontalLayout {

    private final Span roleBadge = new Span();
    private final Span subtitle = new Span();

    WorkspaceHeader(ReadModels.WorkspaceSnapshot ws, PresenceBar presence, String me) {
        Span illustrative = new Span("Illustrative values — not flight data");
        illustrative.setId("illustrative-badge");
        illustrative.getElement().getThemeList().add("badge contrast");
        subtitle.addClassNames(TextColor.SECONDARY, FontSize.SMALL);
        RouterLink eclipses = Routes.link("Eclipses", Routes.ECLIPSES, ws.id());
        eclipses.setId("eclipses-link");
        // Pushes the links to the header's end.
        eclipses.addClassName(Margin.Left.AUTO);
        roleBadge.setId("my-role");
        roleBadge.getElement().getThemeList().add("badge");
        RouterLink baselines = Routes.link("Baselines", Routes.BASELINES, ws.id());
        baselines.setId("baselines-link");
        add(Headings.title(ws.name()), illustrative, roleBadge, subtitle, presence.avatars(), eclipses, baselines,
                ReportLink.create(ws.id(), ws.name(), me));
        setAlignItems(FlexComponent.Alignment.BASELINE);
        // A long subtitle or many avatars wrap onto a second line instead of pushing the links off-screen.
        addClassName(FlexWrap.WRAP);
        setWidthFull();
    }

    /** Names the user's role (and team) in this workspace. */
    void setRole(ReadModels.Permissions p) {
        roleBadge.setText(p.admin() ? "Administrator" : (p.role() == null ? "" : p.role().label())
                + (p.teamCode() == null ? "" : " · " + p.teamCode()));
    }

    /** What the workspace holds, and the mode its design case analyses when the balance could be computed. */
    void setSubtitle(String text) {
        subtitle.setText(text);
    }
}
