package org.gatewaypower.ui.component;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.theme.lumo.LumoUtility.FontSize;
import com.vaadin.flow.theme.lumo.LumoUtility.TextColor;

import org.gatewaypower.ui.NumberEntry;
import org.gatewaypower.workspace.InvalidInputException;

/**
 * A small form for one saved thing (a battery, an array, the design case): numbers are entered in
 * the units engineers read and converted to SI for the service; the form remembers the version it
 * shows so a save based on old values is refused by the service, and it does not overwrite what the
 * user is typing when someone else saves.
 */
public final class EditForm extends VerticalLayout {

    /**
     * A number field, typed as text and read by {@link NumberEntry}: exponents, thousands separators
     * and units of the field's kind ("2 kW", "95 %") are understood, anything else is refused with
     * the field and the rule named, and nothing is saved.
     *
     * @param field the draft's field name (for error messages)
     * @param label label with unit
     * @param unit  the display unit (e.g. kWh, whose SI value is 3.6e6 J; % → 0.01)
     */
    public record Spec(String field, String label, NumberEntry.Unit unit) {

        /** SI value of one display unit. */
        double siPerDisplay() {
            return unit.si();
        }
    }

    private final TextField name = new TextField("Name");
    private final Map<String, TextField> numbers = new LinkedHashMap<>();
    private final Map<String, NumberEntry.Unit> units = new HashMap<>();
    private final Map<String, Double> factors = new HashMap<>();
    private final FieldErrors errors;
    private final Span status = new Span();
    private final Button save = new Button("Save");
    private final FormLayout form = new FormLayout();
    private final java.util.List<HasValue<?, ?>> inputs = new java.util.ArrayList<>();
    private final Span readOnlyNote = new Span();
    private final Map<String, String> labels = new LinkedHashMap<>();
    /** The saved values the form last took (SI), to tell which fields the user changed. */
    private Map<String, Double> shownValues = Map.of();
    private String shownName = "";
    private final boolean withName;
    private long version = -1;
    private boolean shown;
    private boolean dirty;

    public EditForm(String idPrefix, String title, boolean withName, List<Spec> specs, Runnable onSave) {
        setPadding(false);
        setSpacing(false);
        errors = new FieldErrors(idPrefix + "-errors");
        this.withName = withName;
        H4 heading = Headings.section(title);
        if (withName) {
            name.setId(idPrefix + "-name");
            errors.register("name", name);
            form.add(name);
            name.addValueChangeListener(e -> dirty |= e.isFromClient());
        }
        for (Spec s : specs) {
            TextField f = new TextField(s.label());
            f.setId(idPrefix + "-" + s.field());
            f.addValueChangeListener(e -> dirty |= e.isFromClient());
            units.put(s.field(), s.unit());
            numbers.put(s.field(), f);
            labels.put(s.field(), s.label());
            factors.put(s.field(), s.siPerDisplay());
            errors.register(s.field(), f);
            form.add(f);
        }
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 2), new FormLayout.ResponsiveStep("44rem", 4));
        save.setId(idPrefix + "-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        save.addClickListener(e -> onSave.run());
        save.addClickShortcut(Key.ENTER).listenOn(form);
        status.addClassNames(FontSize.XSMALL, TextColor.SECONDARY);
        HorizontalLayout actions = new HorizontalLayout(save, status);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        readOnlyNote.setVisible(false);
        readOnlyNote.setId(idPrefix + "-read-only");
        readOnlyNote.getElement().getThemeList().add("badge contrast");
        add(heading, readOnlyNote, form, errors.area(), actions);
        inputs.add(name);
        inputs.addAll(numbers.values());
    }

    /**
     * Shows the form read-only, with the reason (who owns it), when the user may not change it; the
     * service refuses such saves anyway.
     */
    public void setReadOnly(String reason) {
        boolean readOnly = reason != null;
        inputs.forEach(i -> i.setReadOnly(readOnly));
        save.setVisible(!readOnly);
        readOnlyNote.setText(readOnly ? "🔒 " + reason : "");
        readOnlyNote.setVisible(readOnly);
    }

    /** Adds a field that is not a plain number (e.g. a select), registered for error messages. */
    public <C extends Component & HasValidation & HasValue<?, ?>> void addExtra(String field, C component) {
        errors.register(field, component);
        inputs.add(component);
        component.addValueChangeListener(e -> dirty |= e.isFromClient());
        form.addComponentAsFirst(component);
    }

    /** Adds a field after the numbers, registered for error messages. */
    public <C extends Component & HasValidation & HasValue<?, ?>> void addTrailing(String field, C component) {
        errors.register(field, component);
        inputs.add(component);
        component.addValueChangeListener(e -> dirty |= e.isFromClient());
        form.add(component);
    }

    /**
     * Shows saved values (SI) if they are newer than what the form shows and the user has not typed
     * anything unsaved; an older snapshot (a late event) is ignored, and newer values under unsaved
     * typing only produce a note. Returns whether the values were applied.
     */
    public boolean show(String nameValue, Map<String, Double> siValues, long savedVersion, String updatedBy,
                 Instant updatedAt) {
        if (savedVersion < version || (savedVersion == version && shown)) {
            return false;
        }
        if (dirty) {
            status.setText("Changed by " + updatedBy + " while you edit: your save will be refused; "
                    + "its current values appear after you save or reload.");
            return false;
        }
        name.setValue(nameValue == null ? "" : nameValue);
        siValues.forEach((field, si) -> numbers.get(field).setValue(NumberEntry.text(display(field, si))));
        version = savedVersion;
        shown = true;
        shownValues = new HashMap<>(siValues);
        shownName = nameValue == null ? "" : nameValue;
        errors.clear();
        status.setText("Version " + savedVersion + " · last saved by " + updatedBy);
        return true;
    }

    /**
     * A field's number in SI, null where it is empty. Every field is read: when any holds text that is not
     * a number of its kind, an {@link InvalidInputException} names each such field and its rule, so that
     * the save is refused before anything reaches the service.
     */
    public Double si(String field) {
        List<InvalidInputException.FieldViolation> bad = new java.util.ArrayList<>();
        Map<String, Double> values = new HashMap<>();
        numbers.forEach((key, f) -> {
            try {
                values.put(key, NumberEntry.si(f.getValue(), name(labels.get(key)), units.get(key)));
            } catch (NumberEntry.EntryException e) {
                bad.add(new InvalidInputException.FieldViolation(key, e.getMessage()));
            }
        });
        if (!bad.isEmpty()) {
            throw new InvalidInputException(bad);
        }
        return values.get(field);
    }

    /** A label without its unit: "Capacity (kWh)" → "Capacity". */
    private static String name(String label) {
        return label.replaceFirst("\\s*\\([^)]*\\)$", "");
    }

    /** What the user typed, as the number it reads as in the display unit, or as typed when it reads as none. */
    private String typed(String field) {
        String raw = numbers.get(field).getValue();
        try {
            Double v = NumberEntry.inDisplayUnit(raw, field, units.get(field));
            return text(v);
        } catch (NumberEntry.EntryException e) {
            return raw;
        }
    }

    public String name() {
        return name.getValue();
    }

    public long version() {
        return version;
    }

    /** Calls {@code focused} when a field of the form gets the focus and {@code blurred} when it loses it. */
    public void trackFocus(Runnable focused, Runnable blurred) {
        List<com.vaadin.flow.component.Focusable<?>> fields = new java.util.ArrayList<>(numbers.values());
        if (withName) {
            fields.add(name);
        }
        for (com.vaadin.flow.component.Focusable<?> f : fields) {
            f.addFocusListener(e -> focused.run());
            f.addBlurListener(e -> blurred.run());
        }
    }

    /**
     * The form's fields for the conflict dialog: what the user typed against the saved values, in the
     * form's display units.
     *
     * @param theirsName   the saved name
     * @param theirsValues the saved values (SI)
     */
    public List<ConflictDialog.Field> conflictFields(String theirsName, Map<String, Double> theirsValues) {
        Map<String, String> fieldLabels = new LinkedHashMap<>();
        Map<String, String> mine = new HashMap<>();
        Map<String, String> theirs = new HashMap<>();
        Map<String, String> base = new HashMap<>();
        if (withName) {
            fieldLabels.put("name", "Name");
            mine.put("name", name.getValue());
            theirs.put("name", theirsName == null ? "" : theirsName);
            base.put("name", shownName);
        }
        labels.forEach((field, label) -> {
            fieldLabels.put(field, label);
            mine.put(field, typed(field));
            theirs.put(field, text(display(field, theirsValues.get(field))));
            base.put(field, text(display(field, shownValues.get(field))));
        });
        return ConflictDialog.fields(fieldLabels, mine, theirs, base, field -> {
            if (field.equals("name")) {
                name.setValue(theirs.get("name"));
            } else {
                numbers.get(field).setValue(NumberEntry.text(display(field, theirsValues.get(field))));
            }
        });
    }

    /** Bases the user's values on {@code current}, so that saving them replaces that version. */
    public void rebase(long current) {
        version = current;
    }

    private Double display(String field, Double si) {
        return si == null ? null : round(si / factors.get(field));
    }

    private static String text(Double v) {
        return v == null ? "" : java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    public void showErrors(InvalidInputException ex) {
        errors.show(ex);
    }

    public void showMessage(String message) {
        errors.showText(message);
    }

    /** Forgets that the user typed something, after it was saved. */
    public void markClean() {
        dirty = false;
    }

    /** True when the user typed something that is not saved yet. */
    public boolean isDirty() {
        return dirty;
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
