package org.gatewaypower.ui.workspace;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;

import org.gatewaypower.ui.component.FieldErrors;

/**
 * The frame the Timeline tab's two editors (phases, dockings) share: a title, the fields in three columns, the
 * field errors and a row of Save, Delete and New buttons with a status line; ids start with {@code prefix}.
 */
final class EditorForm {

    private EditorForm() {
    }

    static VerticalLayout of(String prefix, H4 title, FormLayout form, FieldErrors errors, Button save, Runnable onSave,
                             Button delete, Runnable onDelete, Button create, Runnable onNew, Span status) {
        title.setId(prefix + "-form-title");
        title.addClassNames(LumoUtility.Margin.Top.SMALL, LumoUtility.Margin.Bottom.NONE);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40rem", 3));
        save.setId(prefix + "-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        save.addClickListener(e -> onSave.run());
        delete.setId(prefix + "-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        delete.addClickListener(e -> onDelete.run());
        create.setId(prefix + "-new");
        create.addThemeVariants(ButtonVariant.LUMO_SMALL);
        create.addClickListener(e -> onNew.run());
        status.setId(prefix + "-status");
        status.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
        HorizontalLayout actions = new HorizontalLayout(save, delete, create, status);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        VerticalLayout box = new VerticalLayout(title, form, errors.area(), actions);
        box.setPadding(false);
        box.setSpacing(false);
        return box;
    }

    /** Shows or hides the buttons: users who may not edit see no edit affordances. */
    static void buttonsVisible(boolean visible, Button... buttons) {
        for (Button b : buttons) {
            b.setVisible(visible);
        }
    }
}
