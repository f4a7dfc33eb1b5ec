package org.gatewaypower.ui.baseline;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouterLink;

import org.gatewaypower.baseline.Baselines;
import org.gatewaypower.baseline.VariantService;
import org.gatewaypower.ui.Routes;
import org.gatewaypower.ui.component.FieldErrors;
import org.gatewaypower.ui.component.Headings;
import org.gatewaypower.workspace.InvalidInputException;

/** The what-if variants forked from the workspace, with links to each, and the form that forks a new one. */
final class VariantsPanel extends VerticalLayout {

    private final VariantService variants;
    private final long workspaceId;
    private final String me;
    private final Div list = new Div();
    private final TextField name = new TextField("Variant name");
    private final FieldErrors errors = new FieldErrors("variant-errors", "Not created:");

    /** {@code contributes}: the user may fork; {@code onCreated} runs after each variant forked here. */
    VariantsPanel(VariantService variants, long workspaceId, String me, boolean contributes, Runnable onCreated) {
        this.variants = variants;
        this.workspaceId = workspaceId;
        this.me = me;
        setPadding(false);
        setWidthFull();
        list.setId("variants-list");
        Component form = form(onCreated);
        form.setVisible(contributes);
        add(Headings.section("Variants"), list, form, errors.area());
    }

    private Component form(Runnable onCreated) {
        name.setId("variant-name");
        name.setManualValidation(true);
        name.setPlaceholder("e.g. I-Hab with a second science rack");
        name.setWidth("24rem");
        errors.register("name", name);
        Button create = new Button("Create variant", e -> create(onCreated));
        create.setId("create-variant");
        HorizontalLayout form = new HorizontalLayout(name, create);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        return form;
    }

    private void create(Runnable onCreated) {
        errors.clear();
        try {
            variants.fork(workspaceId, name.getValue(), me);
            name.clear();
            onCreated.run();
        } catch (InvalidInputException ex) {
            errors.show(ex);
        }
    }

    void show(List<Baselines.Variant> forks) {
        list.removeAll();
        if (forks.isEmpty()) {
            list.add(new Span("No variants yet."));
        }
        for (Baselines.Variant v : forks) {
            RouterLink link = Routes.link(v.workspaceName(), Routes.WORKSPACE, v.workspaceId());
            link.setId("variant-link-" + v.workspaceId());
            RouterLink compare = Routes.link("baselines and comparison", Routes.BASELINES, v.workspaceId());
            compare.setId("variant-baselines-" + v.workspaceId());
            list.add(new Div(link, new Span(" · by " + v.createdBy() + ", " + DisplayUnits.when(v.createdAt())
                    + " · "), compare));
        }
    }
}
