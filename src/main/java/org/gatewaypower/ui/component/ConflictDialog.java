package org.gatewaypower.ui.component;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * Shown when a save lost the race: only the fields whose saved values differ from the user's, with
 * who saved them and when, and a choice per field. Nothing is saved until the user picks an action,
 * and then against the version now current, so a second race opens the dialog again.
 */
public final class ConflictDialog extends Dialog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /**
     * One field of the edited thing, in display units.
     *
     * @param key         stable field name (used in element ids)
     * @param label       the label the UI shows for it
     * @param mine        what the user tried to save, as displayed
     * @param theirs      what is saved now, as displayed
     * @param changedByMe whether the user changed this field since opening the thing
     * @param takeTheirs  puts the saved value into the user's edit
     */
    public record Field(String key, String label, String mine, String theirs, boolean changedByMe, Runnable takeTheirs) {

        boolean differs() {
            return !Objects.equals(mine, theirs);
        }
    }

    /** Whose value a field keeps. */
    private enum Side {
        MINE, THEIRS
    }

    private final Map<Field, RadioButtonGroup<Side>> choices = new LinkedHashMap<>();

    /**
     * @param what       the edited thing in words ("battery HALO battery A")
     * @param who        who saved the current version
     * @param when       when, or null
     * @param fields     every field; only differing ones are listed
     * @param keepTheirs discards the user's edit and shows the saved values
     * @param apply      saves the user's edit (with the chosen fields already taken from theirs) against the
     *                   current version
     */
    public ConflictDialog(String what, String who, Instant when, List<Field> fields, Runnable keepTheirs, Runnable apply) {
        setId("conflict-dialog");
        setHeaderTitle("Someone saved first");
        setCloseOnOutsideClick(false);
        setCloseOnEsc(false);
        setWidth("40rem");
        Paragraph summary = new Paragraph(who + " saved " + what + (when == null ? "" : " at " + TIME.format(when))
                + " after you opened it. Nothing of yours is saved yet: choose which values to keep.");
        summary.setId("conflict-summary");
        VerticalLayout rows = new VerticalLayout();
        rows.setPadding(false);
        rows.setSpacing(false);
        List<Field> differing = fields.stream().filter(Field::differs).toList();
        for (Field f : differing) {
            RadioButtonGroup<Side> choice = new RadioButtonGroup<>();
            choice.setId("conflict-choice-" + f.key());
            choice.setItems(Side.values());
            choice.setItemLabelGenerator(s -> s == Side.MINE ? "Mine: " + f.mine() : "Theirs (" + who + "): " + f.theirs());
            choice.setValue(f.changedByMe() ? Side.MINE : Side.THEIRS);
            Span label = new Span(f.label());
            // gp-conflict-label (styles/gateway.css): one width for all labels, so the choices line up.
            label.addClassNames("gp-conflict-label", LumoUtility.FontWeight.SEMIBOLD);
            HorizontalLayout row = new HorizontalLayout(label, choice);
            row.setId("conflict-row-" + f.key());
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            rows.add(row);
            choices.put(f, choice);
        }
        if (differing.isEmpty()) {
            rows.add(new Paragraph("Their values are the same as yours."));
        }
        add(summary, rows);

        Button theirs = new Button("Keep theirs", e -> {
            close();
            keepTheirs.run();
        });
        theirs.setId("conflict-keep-theirs");
        Button mine = new Button("Apply mine", e -> {
            close();
            apply.run();
        });
        mine.setId("conflict-apply-mine");
        Button selected = new Button("Apply selected", e -> {
            close();
            choices.forEach((f, c) -> {
                if (c.getValue() == Side.THEIRS) {
                    f.takeTheirs().run();
                }
            });
            apply.run();
        });
        selected.setId("conflict-apply-selected");
        selected.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(theirs, mine, selected);
    }

    /** Fields of one thing from display texts keyed by field: mine, theirs and what the user started from. */
    public static List<Field> fields(Map<String, String> labels, Map<String, String> mine, Map<String, String> theirs,
                              Map<String, String> base, java.util.function.Consumer<String> takeTheirs) {
        List<Field> out = new ArrayList<>();
        labels.forEach((key, label) -> out.add(new Field(key, label, mine.get(key), theirs.get(key),
                !Objects.equals(mine.get(key), base.get(key)), () -> takeTheirs.accept(key))));
        return out;
    }
}
