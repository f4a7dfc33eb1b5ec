package org.gatewaypower.ui.workspace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Div;

import org.gatewaypower.workspace.InvalidInputException;

/**
 * Shows the service's rule violations on the fields they name, and lists them (including those
 * without a field of their own) in a message area, so the user sees every broken rule at once.
 */
final class FieldErrors {

    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private final Div area = new Div();

    FieldErrors(String areaId) {
        area.setId(areaId);
        area.getStyle().set("color", "var(--lumo-error-text-color)").set("font-size", "var(--lumo-font-size-s)")
                .set("white-space", "pre-line");
        area.setVisible(false);
    }

    void register(String field, HasValidation component) {
        fields.put(field, component);
    }

    Div area() {
        return area;
    }

    void clear() {
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
        area.setText("");
        area.setVisible(false);
    }

    void show(InvalidInputException ex) {
        clear();
        List<String> lines = new ArrayList<>();
        for (InvalidInputException.FieldViolation v : ex.violations()) {
            HasValidation f = fields.get(v.field());
            if (f != null) {
                f.setErrorMessage(v.message());
                f.setInvalid(true);
            }
            lines.add("• " + v.message());
        }
        area.setText("Not saved:\n" + String.join("\n", lines));
        area.setVisible(true);
    }

    void showText(String message) {
        area.setText(message);
        area.setVisible(true);
    }
}
