package org.gatewaypower.ui.component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.theme.lumo.LumoUtility.FontSize;
import com.vaadin.flow.theme.lumo.LumoUtility.TextColor;
import com.vaadin.flow.theme.lumo.LumoUtility.Whitespace;

import org.gatewaypower.workspace.InvalidInputException;

/**
 * Shows the service's rule violations on the fields they name, and lists them (including those
 * without a field of their own) in a message area, so the user sees every broken rule at once.
 */
public final class FieldErrors {

    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private final Div area = new Div();
    private final String heading;

    /** An area that heads the broken rules with "Not saved:", as every form that saves does. */
    public FieldErrors(String areaId) {
        this(areaId, "Not saved:");
    }

    /** An area whose list of broken rules starts with {@code heading} (what did not happen, e.g. "Not frozen:"). */
    public FieldErrors(String areaId, String heading) {
        this.heading = heading;
        area.setId(areaId);
        // One line per rule: the message lists them with line breaks.
        area.addClassNames(TextColor.ERROR, FontSize.SMALL, Whitespace.PRE_LINE);
        area.setVisible(false);
    }

    public void register(String field, HasValidation component) {
        fields.put(field, component);
    }

    public Div area() {
        return area;
    }

    public void clear() {
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
        area.setText("");
        area.setVisible(false);
    }

    public void show(InvalidInputException ex) {
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
        area.setText(heading + "\n" + String.join("\n", lines));
        area.setVisible(true);
    }

    public void showText(String message) {
        area.setText(message);
        area.setVisible(true);
    }
}
