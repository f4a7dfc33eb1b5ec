package org.gatewaypower.ui.component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.ItemLabelGenerator;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.BindingValidationStatusHandler;
import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.binder.Setter;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.data.converter.Converter;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.theme.lumo.LumoUtility.FontSize;
import com.vaadin.flow.theme.lumo.LumoUtility.TextColor;

import org.gatewaypower.ui.NumberEntry;
import org.gatewaypower.workspace.BudgetField;
import org.gatewaypower.workspace.InvalidInputException;

/**
 * A form for one saved thing (a battery, an array, the design case) on a Vaadin {@link Binder} of a typed
 * draft bean {@code B}: numbers are entered in the units engineers read and converted to SI by
 * {@link NumberEntry}; labels and field names come from {@link BudgetField}, so a refused entry names the
 * field as the service's messages do. The form remembers the version it shows, so that a save based on old
 * values is refused by the service, and it does not overwrite what the user is typing when someone else
 * saves.
 *
 * <p>Errors are shown on save only, in the form's message area and on the fields (as the service's are):
 * the bindings' own status handlers are quiet so that a half-typed value is not flagged while typing.
 *
 * @param <B> the draft bean: every bound field is read from and written to it through typed accessors
 */
public final class DraftForm<B> extends VerticalLayout {

    /** Binder's per-field status handler, quiet: errors appear on save (see the class comment). */
    private static final BindingValidationStatusHandler QUIET = status -> { };

    private final String idPrefix;
    private final Supplier<B> empty;
    private final Binder<B> binder = new Binder<>();
    private final FieldErrors errors;
    private final Span status = new Span();
    private final Button save = new Button("Save");
    private final FormLayout form = new FormLayout();
    private final Span readOnlyNote = new Span();
    private final List<Entry<B, ?>> entries = new ArrayList<>();
    private final Map<Binder.Binding<B, ?>, String> keys = new LinkedHashMap<>();
    private final List<TextField> typed = new ArrayList<>();
    /** The saved bean the form last took, to tell which fields the user changed; null before the first. */
    private B shown;
    private long version = -1;
    private boolean dirty;

    /**
     * @param idPrefix element ids: {@code idPrefix-<field>}, {@code -save}, {@code -errors}, {@code -read-only}
     * @param title    the heading
     * @param empty    a new, empty draft bean that a save writes the fields into
     * @param onSave   what Save (or Enter in a field) does
     */
    public DraftForm(String idPrefix, String title, Supplier<B> empty, Runnable onSave) {
        this.idPrefix = idPrefix;
        this.empty = empty;
        setPadding(false);
        setSpacing(false);
        errors = new FieldErrors(idPrefix + "-errors");
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
        binder.setValidationStatusHandler(s -> { });
        // The components' own checks (a date picker's unparsable text) would refuse with a message that names
        // no field; the service names the field of every missing or wrong value instead.
        binder.setDefaultValidatorsEnabled(false);
        add(Headings.section(title), readOnlyNote, form, errors.area(), actions);
    }

    /** Adds the name field. */
    public TextField name(ValueProvider<B, String> get, Setter<B, String> set) {
        TextField f = new TextField(BudgetField.NAME.label());
        register(BudgetField.NAME, f, binder.forField(f).withValidationStatusHandler(QUIET)
                .withNullRepresentation("").bind(get, set), get, f::getValue, v -> v, f::setValue);
        typed.add(f);
        return f;
    }

    /**
     * Adds a number field, typed as text and read by {@link NumberEntry}: exponents, thousands separators
     * and units of the field's kind ("2 kW", "95 %") are understood, anything else is refused with the field
     * and the rule named, and nothing is saved.
     *
     * @param unit the display unit (e.g. kWh, whose SI value is 3.6e6 J; % → 0.01)
     * @param get  the value in SI
     * @param set  takes the value in SI
     */
    public TextField number(BudgetField field, NumberEntry.Unit unit, ValueProvider<B, Double> get,
                            Setter<B, Double> set) {
        TextField f = new TextField(field.label() + " (" + unit.symbol() + ")");
        Converter<String, Double> si = Converter.from(text -> {
            try {
                return Result.ok(NumberEntry.si(text, field.label(), unit));
            } catch (NumberEntry.EntryException e) {
                return Result.error(e.getMessage());
            }
        }, value -> NumberEntry.text(display(value, unit)));
        Function<Double, String> text = v -> plain(display(v, unit));
        register(field, f, binder.forField(f).withValidationStatusHandler(QUIET).withConverter(si).bind(get, set),
                get, () -> typed(f, field, unit), text, v -> f.setValue(NumberEntry.text(display(v, unit))));
        typed.add(f);
        return f;
    }

    /** Adds a choice among {@code items}, shown (also in the conflict dialog) by {@code label}. */
    public <V> Select<V> choice(BudgetField field, List<V> items, ItemLabelGenerator<V> label,
                                ValueProvider<B, V> get, Setter<B, V> set) {
        Select<V> select = new Select<>();
        select.setLabel(field.label());
        select.setItems(items);
        select.setItemLabelGenerator(label);
        register(field, select, binder.forField(select).withValidationStatusHandler(QUIET).bind(get, set), get,
                () -> shownText(label::apply, select.getValue()), label::apply, select::setValue);
        return select;
    }

    /** Adds a date and time in UTC, typed in ISO form. */
    public DateTimePicker instant(BudgetField field, ValueProvider<B, Instant> get, Setter<B, Instant> set) {
        DateTimePicker picker = new DateTimePicker(field.label() + " (UTC)");
        IsoPickers.iso(picker);
        Function<Instant, String> text = t -> local(t).toString().replace('T', ' ') + " UTC";
        register(field, picker, binder.forField(picker).withValidationStatusHandler(QUIET)
                        .withConverter(DraftForm::utc, DraftForm::local).bind(get, set), get,
                () -> shownText(text, utc(picker.getValue())), text, t -> picker.setValue(local(t)));
        return picker;
    }

    private <V, C extends Component & HasValidation & HasValue<?, ?>> void register(
            BudgetField field, C component, Binder.Binding<B, ?> binding, ValueProvider<B, V> get,
            Supplier<String> mine, Function<V, String> text, Consumer<V> take) {
        component.setId(idPrefix + "-" + field.field());
        component.addValueChangeListener(e -> dirty |= e.isFromClient());
        errors.register(field.field(), component);
        keys.put(binding, field.field());
        entries.add(new Entry<>(field.field(), component.getElement().getProperty("label", field.label()), get,
                mine, text, take));
        form.add(component);
    }

    /**
     * Shows the form read-only, with the reason (who owns it), when the user may not change it; the
     * service refuses such saves anyway.
     */
    public void setReadOnly(String reason) {
        boolean readOnly = reason != null;
        binder.setReadOnly(readOnly);
        save.setVisible(!readOnly);
        readOnlyNote.setText(readOnly ? "🔒 " + reason : "");
        readOnlyNote.setVisible(readOnly);
    }

    /**
     * Shows a saved bean if it is newer than what the form shows and the user has not typed anything
     * unsaved; an older snapshot (a late event) is ignored, and newer values under unsaved typing only
     * produce a note. Returns whether the values were applied.
     */
    public boolean show(B saved, long savedVersion, String updatedBy) {
        if (savedVersion < version || (savedVersion == version && shown != null)) {
            return false;
        }
        if (dirty) {
            status.setText("Changed by " + updatedBy + " while you edit: your save will be refused; "
                    + "its current values appear after you save or reload.");
            return false;
        }
        binder.readBean(saved);
        version = savedVersion;
        shown = saved;
        errors.clear();
        status.setText("Version " + savedVersion + " · last saved by " + updatedBy);
        return true;
    }

    /** The saved bean the form last took, null before the first. */
    public B shown() {
        return shown;
    }

    /**
     * The user's values as a new draft bean. Every field is read: when any holds text that is not a number
     * of its kind, an {@link InvalidInputException} names each such field and its rule, so that the save is
     * refused before anything reaches the service.
     */
    public B draft() {
        B bean = empty.get();
        try {
            binder.writeBean(bean);
        } catch (ValidationException e) {
            throw new InvalidInputException(e.getFieldValidationErrors().stream()
                    .map(s -> new InvalidInputException.FieldViolation(keys.get(s.getBinding()),
                            s.getMessage().orElse("")))
                    .toList());
        }
        return bean;
    }

    public long version() {
        return version;
    }

    /** Calls {@code focused} when a typed field of the form gets the focus and {@code blurred} when it loses it. */
    public void trackFocus(Runnable focused, Runnable blurred) {
        for (TextField f : typed) {
            f.addFocusListener(e -> focused.run());
            f.addBlurListener(e -> blurred.run());
        }
    }

    /**
     * The form's fields for the conflict dialog: what the user entered against the saved values, as the
     * form shows them (numbers in its display units).
     */
    public List<ConflictDialog.Field> conflictFields(B theirs) {
        return entries.stream().map(e -> e.conflict(theirs, shown)).toList();
    }

    /** Bases the user's values on {@code current}, so that saving them replaces that version. */
    public void rebase(long current) {
        version = current;
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

    /**
     * One bound field as the conflict dialog sees it.
     *
     * @param saved reads the field's value from a saved bean
     * @param mine  the user's value as text
     * @param text  a value as text (never called with null)
     * @param take  puts a saved value into the field
     */
    private record Entry<B, V>(String key, String label, ValueProvider<B, V> saved, Supplier<String> mine,
                               Function<V, String> text, Consumer<V> take) {

        ConflictDialog.Field conflict(B theirs, B base) {
            V theirsValue = saved.apply(theirs);
            String mineText = mine.get();
            String baseText = base == null ? "" : shownText(text, saved.apply(base));
            return new ConflictDialog.Field(key, label, mineText, shownText(text, theirsValue),
                    !Objects.equals(mineText, baseText), () -> take.accept(theirsValue));
        }
    }

    private static <V> String shownText(Function<V, String> text, V value) {
        return value == null ? "" : text.apply(value);
    }

    /** What the user typed, as the number it reads as in the display unit, or as typed when it reads as none. */
    private static String typed(TextField f, BudgetField field, NumberEntry.Unit unit) {
        try {
            return plain(NumberEntry.inDisplayUnit(f.getValue(), field.label(), unit));
        } catch (NumberEntry.EntryException e) {
            return f.getValue();
        }
    }

    /** A value in SI in the display unit, rounded to a millionth of it (what the field shows). */
    private static Double display(Double si, NumberEntry.Unit unit) {
        return si == null ? null : Math.round(si / unit.si() * 1e6) / 1e6;
    }

    private static String plain(Double v) {
        return v == null ? "" : BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static LocalDateTime local(Instant t) {
        return t == null ? null : LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static Instant utc(LocalDateTime local) {
        return local == null ? null : local.toInstant(ZoneOffset.UTC);
    }
}
