package org.gatewaypower.ui.workspace;

import java.util.List;
import java.util.function.Supplier;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;

import org.gatewaypower.ui.NumberEntry;
import org.gatewaypower.ui.component.FieldErrors;
import org.gatewaypower.ui.component.Feedback;
import org.gatewaypower.workspace.BudgetField;
import org.gatewaypower.workspace.ForbiddenException;
import org.gatewaypower.workspace.InvalidInputException;
import org.gatewaypower.workspace.NetworkService;
import org.gatewaypower.workspace.NotFoundException;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.StaleEditException;

/**
 * The owners' forms of the Network tab: one for a converter, one for a port. A form shows the version it was
 * filled from; a save based on an older one is refused by the service and said so (nothing is overwritten). Values
 * are typed in the units shown (%, kW) and checked by the service, whose messages name the field and the rule.
 */
final class NetworkForms {

    private NetworkForms() {
    }

    /** What both forms share: the buttons, the error area and how a save's outcome is shown. */
    private abstract static class Form extends VerticalLayout {
        final FieldErrors errors;
        final Button save = new Button("Save");
        final Button remove = new Button("Remove");
        final Button fresh = new Button("New");
        final NetworkService network;
        final long workspaceId;
        final String me;
        private final String what;

        Form(NetworkService network, long workspaceId, String me, String prefix, String what) {
            this.network = network;
            this.workspaceId = workspaceId;
            this.me = me;
            this.what = what;
            errors = new FieldErrors(prefix + "-errors");
            save.setId(prefix + "-save");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            remove.setId(prefix + "-remove");
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            fresh.setId(prefix + "-new");
            fresh.addThemeVariants(ButtonVariant.LUMO_SMALL);
            save.addClickListener(e -> attempt(this::saveNow, "Saved " + what));
            remove.addClickListener(e -> attempt(this::removeNow, "Removed " + what));
            fresh.addClickListener(e -> clear());
            setPadding(false);
            setSpacing(false);
        }

        /** Lays out the fields in one wrapping row, the buttons and the error area below. */
        void layout(com.vaadin.flow.component.Component... fields) {
            HorizontalLayout row = new HorizontalLayout(fields);
            row.setWrap(true);
            row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            add(row, new HorizontalLayout(save, remove, fresh), errors.area());
        }

        abstract String saveNow();

        abstract String removeNow();

        abstract void clear();

        /** Runs a save or removal and shows what became of it; on success the form is emptied. */
        private void attempt(Supplier<String> action, String done) {
            errors.clear();
            try {
                String name = action.get();
                Feedback.saved(done + " " + name);
                clear();
            } catch (NumberEntry.EntryException ex) {
                errors.showText("Not saved:\n• " + ex.getMessage());
            } catch (InvalidInputException ex) {
                errors.show(ex);
            } catch (StaleEditException ex) {
                Feedback.error(Feedback.stale(ex, "this " + what));
                clear();
            } catch (ForbiddenException | NotFoundException ex) {
                Feedback.error("Not saved: " + ex.getMessage());
            }
        }

        static TextField field(String id, BudgetField f, String unit) {
            TextField t = new TextField(f.label() + (unit.isEmpty() ? "" : " (" + unit + ")"));
            t.setId(id);
            return t;
        }

        static ComboBox<ReadModels.Element> elementBox(String id, String label) {
            ComboBox<ReadModels.Element> box = new ComboBox<>(label);
            box.setId(id);
            box.setItemLabelGenerator(ReadModels.Element::name);
            return box;
        }

        static ReadModels.Element element(List<ReadModels.Element> elements, long id) {
            return elements.stream().filter(e -> e.id() == id).findFirst().orElse(null);
        }

        static Long id(ComboBox<ReadModels.Element> box) {
            return box.getValue() == null ? null : box.getValue().id();
        }

        /** A stored fraction as the percent the field shows (× 100 keeps 0.94 at 94, where ÷ 0.01 would not). */
        static String percent(double fraction) {
            return NumberEntry.text(fraction * 100);
        }

        static String kw(double watts) {
            return NumberEntry.text(watts / 1000);
        }
    }

    /** The converter form: element, name, efficiency (%), rating (kW). */
    static final class ConverterForm extends Form {
        private final ComboBox<ReadModels.Element> element = elementBox("net-conv-element", "Element");
        private final TextField name = field("net-conv-name", BudgetField.NAME, "");
        private final TextField efficiency = field("net-conv-efficiency", BudgetField.CONVERTER_EFFICIENCY, "%");
        private final TextField rating = field("net-conv-rating", BudgetField.CONVERTER_RATING, "kW");
        private ReadModels.Converter editing;
        private List<ReadModels.Element> elements = List.of();

        ConverterForm(NetworkService network, long workspaceId, String me) {
            super(network, workspaceId, me, "net-conv", "converter");
            errors.register("elementId", element);
            errors.register("name", name);
            errors.register("efficiency", efficiency);
            errors.register("ratingW", rating);
            layout(element, name, efficiency, rating);
            clear();
        }

        void elements(List<ReadModels.Element> all) {
            elements = all;
            element.setItems(all);
        }

        void edit(ReadModels.Converter c) {
            errors.clear();
            editing = c;
            element.setValue(element(elements, c.elementId()));
            name.setValue(c.name());
            efficiency.setValue(percent(c.efficiency()));
            rating.setValue(kw(c.ratingW()));
            remove.setEnabled(true);
        }

        @Override
        String saveNow() {
            NetworkService.ConverterDraft d = new NetworkService.ConverterDraft(id(element), name.getValue(),
                    NumberEntry.si(efficiency.getValue(), efficiency.getLabel(), NumberEntry.Unit.PERCENT),
                    NumberEntry.si(rating.getValue(), rating.getLabel(), NumberEntry.Unit.KW));
            return (editing == null ? network.addConverter(workspaceId, d, me)
                    : network.updateConverter(editing.id(), editing.version(), d, me)).name();
        }

        @Override
        String removeNow() {
            network.removeConverter(editing.id(), editing.version(), me);
            return editing.name();
        }

        @Override
        void clear() {
            errors.clear();
            editing = null;
            element.clear();
            name.clear();
            efficiency.clear();
            rating.clear();
            remove.setEnabled(false);
        }
    }

    /** The port form: name, the two elements, limit (kW). */
    static final class PortForm extends Form {
        private final TextField name = field("net-port-name", BudgetField.NAME, "");
        private final ComboBox<ReadModels.Element> from = elementBox("net-port-from", BudgetField.PORT_FROM.label());
        private final ComboBox<ReadModels.Element> to = elementBox("net-port-to", BudgetField.PORT_TO.label());
        private final TextField limit = field("net-port-limit", BudgetField.PORT_LIMIT, "kW");
        private ReadModels.Port editing;
        private List<ReadModels.Element> elements = List.of();

        PortForm(NetworkService network, long workspaceId, String me) {
            super(network, workspaceId, me, "net-port", "port");
            errors.register("name", name);
            errors.register("fromElementId", from);
            errors.register("toElementId", to);
            errors.register("limitW", limit);
            layout(name, from, to, limit);
            clear();
        }

        void elements(List<ReadModels.Element> all) {
            elements = all;
            from.setItems(all);
            to.setItems(all);
        }

        void edit(ReadModels.Port p) {
            errors.clear();
            editing = p;
            name.setValue(p.name());
            from.setValue(element(elements, p.fromElementId()));
            to.setValue(element(elements, p.toElementId()));
            limit.setValue(kw(p.limitW()));
            remove.setEnabled(true);
        }

        @Override
        String saveNow() {
            NetworkService.PortDraft d = new NetworkService.PortDraft(name.getValue(), id(from), id(to),
                    NumberEntry.si(limit.getValue(), limit.getLabel(), NumberEntry.Unit.KW));
            return (editing == null ? network.addPort(workspaceId, d, me)
                    : network.updatePort(editing.id(), editing.version(), d, me)).name();
        }

        @Override
        String removeNow() {
            network.removePort(editing.id(), editing.version(), me);
            return editing.name();
        }

        @Override
        void clear() {
            errors.clear();
            editing = null;
            name.clear();
            from.clear();
            to.clear();
            limit.clear();
            remove.setEnabled(false);
        }
    }
}
