package org.gatewaypower.ui.workspace;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.LumoUtility;

import org.gatewaypower.units.Units;
import org.gatewaypower.ui.component.Feedback;
import org.gatewaypower.workspace.DockingService;
import org.gatewaypower.workspace.History.ChangeType;
import org.gatewaypower.workspace.History.Entry;
import org.gatewaypower.workspace.History.FieldChange;
import org.gatewaypower.workspace.AllocationService;
import org.gatewaypower.workspace.HistoryService;
import org.gatewaypower.workspace.InvalidInputException;
import org.gatewaypower.workspace.MembershipService;
import org.gatewaypower.workspace.NotFoundException;
import org.gatewaypower.workspace.StaleEditException;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.WorkspaceService;

/**
 * The history of a workspace, an element or a load item: newest change first, each with when, who,
 * what, and every changed field old → new in display units, with a button that sets the field back to
 * its old value (a removed load item can be restored whole). A restore is an ordinary edit based on the
 * versions read when the history was shown, so someone's later edit makes it refused, not overwritten.
 */
final class HistoryPanel extends VerticalLayout {

    /** Most entries shown; older ones stay in the REST API. */
    static final int MAX_ENTRIES = 200;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final HistoryService history;
    private final WorkspaceService workspaces;
    private final MembershipService membership;
    private final String me;
    private final long workspaceId;
    private final Function<HistoryService, List<Entry>> loader;
    private final VerticalLayout list = new VerticalLayout();
    /** Current versions and names, read with the entries: what a restore is based on. */
    private ReadModels.WorkspaceSnapshot snapshot;
    /** What this user may change, read with the entries: restore is offered only where it would be accepted. */
    private ReadModels.Permissions permissions;

    private HistoryPanel(long workspaceId, Function<HistoryService, List<Entry>> loader) {
        VaadinService vaadin = VaadinService.getCurrent();
        this.history = vaadin.getInstantiator().getOrCreate(HistoryService.class);
        this.workspaces = vaadin.getInstantiator().getOrCreate(WorkspaceService.class);
        this.membership = vaadin.getInstantiator().getOrCreate(MembershipService.class);
        this.me = vaadin.getInstantiator().getOrCreate(AuthenticationContext.class).getPrincipalName()
                .orElse("anonymous");
        this.workspaceId = workspaceId;
        this.loader = loader;
        setPadding(false);
        list.setPadding(false);
        list.setSpacing(false);
        list.setId("history-list");
        Button refresh = new Button("Refresh", e -> refresh());
        refresh.setId("history-refresh");
        refresh.addThemeVariants(ButtonVariant.LUMO_SMALL);
        add(refresh, list);
    }

    /** Everything that changed in the workspace (the page's History tab). */
    static HistoryPanel ofWorkspace(long workspaceId) {
        HistoryPanel panel = new HistoryPanel(workspaceId, h -> h.workspaceHistory(workspaceId));
        panel.setId("history-tab");
        return panel;
    }

    /** A button opening the history of one element, load item, allocation, docking, converter or port in a dialog. */
    static Button button(long workspaceId, String kind, long id, String name) {
        Button open = new Button("History", e -> dialog(workspaceId, kind, id, name).open());
        open.setId("history-open-" + kind.replace(' ', '-') + "-" + id);
        open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return open;
    }

    /** The same as {@link #button}, as a clock icon with the label in its tooltip: for a row's narrow action cell. */
    static Button iconButton(long workspaceId, String kind, long id, String name) {
        Button open = button(workspaceId, kind, id, name);
        open.setText(null);
        open.setIcon(com.vaadin.flow.component.icon.VaadinIcon.CLOCK.create());
        open.addThemeVariants(ButtonVariant.LUMO_ICON);
        open.setTooltipText("History of " + kind + " " + name);
        open.getElement().setAttribute("aria-label", "History");
        return open;
    }

    private static Dialog dialog(long workspaceId, String kind, long id, String name) {
        Dialog d = new Dialog();
        d.setId("history-dialog");
        d.setHeaderTitle("History of " + kind + " " + name);
        d.setWidth("52rem");
        d.setMaxHeight("85vh");
        Function<HistoryService, List<Entry>> loader = switch (kind) {
            case "element" -> h -> h.elementHistory(id);
            case AllocationService.KIND -> h -> h.allocationHistory(id);
            case DockingService.KIND -> h -> h.dockingHistory(id);
            case "converter" -> h -> h.converterHistory(id);
            case "port" -> h -> h.portHistory(id);
            default -> h -> h.loadHistory(id);
        };
        HistoryPanel panel = new HistoryPanel(workspaceId, loader);
        panel.setId("history-dialog-panel");
        d.add(panel);
        Button close = new Button("Close", e -> d.close());
        close.setId("history-close");
        d.getFooter().add(close);
        return d;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        refresh();
    }

    /** Reads the history and the current versions again. */
    void refresh() {
        List<Entry> entries;
        try {
            snapshot = workspaces.snapshot(workspaceId);
            permissions = workspaces.permissions(workspaceId, me);
            entries = loader.apply(history);
        } catch (NotFoundException ex) {
            list.removeAll();
            list.add(new Span(ex.getMessage()));
            return;
        }
        list.removeAll();
        if (entries.isEmpty()) {
            list.add(new Span("No changes recorded yet."));
        }
        entries.stream().limit(MAX_ENTRIES).forEach(e -> list.add(entry(e)));
        if (entries.size() > MAX_ENTRIES) {
            list.add(new Span((entries.size() - MAX_ENTRIES) + " older changes are not shown."));
        }
    }

    private Div entry(Entry e) {
        Div box = new Div();
        box.addClassName("history-entry");
        box.getElement().setAttribute("data-revision", String.valueOf(e.revision()));
        box.addClassNames(LumoUtility.Padding.Vertical.XSMALL, LumoUtility.Border.BOTTOM, LumoUtility.Width.FULL);
        // Audit events (members, baselines, variants, imports, restores) have no field revision: their one
        // line says what happened.
        boolean event = e.revision() == 0;
        Span head = new Span(WHEN.format(e.at()) + " · " + e.actor() + " · " + (event
                ? e.changes().get(0).newValue()
                : verb(e.change()) + " " + e.kind() + " “" + e.name() + "” (revision " + e.revision() + ")"));
        head.addClassName("history-head");
        head.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        box.add(head);
        if (event) {
            head.addClassName("history-event");
        } else if (e.change() == ChangeType.CHANGED) {
            for (FieldChange c : e.changes()) {
                box.add(fieldLine(e, c));
            }
        } else if (e.change() == ChangeType.REMOVED && e.kind().equals("load item") && e.previousRevision() != null
                && mayRestore(e)) {
            Button restore = new Button("Restore", click -> restore(e, null));
            restore.addClassName("history-restore");
            restore.addThemeVariants(ButtonVariant.LUMO_SMALL);
            box.add(new Div(restore));
        }
        return box;
    }

    private HorizontalLayout fieldLine(Entry e, FieldChange c) {
        Span text = new Span(c.label() + ": " + display(e.kind(), c, c.oldValue()) + " → "
                + display(e.kind(), c, c.newValue()));
        text.addClassName("history-change");
        HorizontalLayout line = new HorizontalLayout(text);
        line.setAlignItems(FlexComponent.Alignment.CENTER);
        if (restorable(e) && mayRestore(e)) {
            Button restore = new Button("Restore", click -> restore(e, c));
            restore.addClassName("history-restore");
            restore.setTooltipText("Set " + c.label() + " back to " + display(e.kind(), c, c.oldValue()));
            restore.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            line.add(restore);
        }
        return line;
    }

    private static boolean restorable(Entry e) {
        return e.previousRevision() != null && List.of("load item", "battery", "solar array", "design case", "converter",
                "port")
                .contains(e.kind());
    }

    /**
     * Whether the access rules would accept this user's restore of the entry: owners restore anything; editors
     * the loads of their team's elements and the batteries and arrays their team supplies. A removed load whose
     * element is gone is the owners' to restore.
     */
    private boolean mayRestore(Entry e) {
        if (permissions.ownsWorkspace()) {
            return true;
        }
        return switch (e.kind()) {
            case "load item" -> snapshot.loads().stream().filter(l -> l.id() == e.id()).findFirst()
                    .map(l -> permissions.mayEditLoadsOf(l.elementId())).orElse(false);
            case "battery" -> permissions.editableBatteryIds().contains(e.id());
            case "solar array" -> permissions.editableArrayIds().contains(e.id());
            default -> false;
        };
    }

    /** Sets one field (or, for a removed load item, everything) back to its value before the entry. */
    private void restore(Entry e, FieldChange c) {
        String field = c == null ? null : c.field();
        long revision = e.previousRevision();
        try {
            String what = switch (e.kind()) {
                case "load item" -> history.restoreLoad(e.id(), revision, field,
                        version(snapshot.loads(), ReadModels.LoadItem::id, ReadModels.LoadItem::version, e.id()), me).name();
                case "battery" -> history.restoreBattery(e.id(), revision, field,
                        version(snapshot.batteries(), ReadModels.Battery::id, ReadModels.Battery::version, e.id()), me).name();
                case "converter" -> history.restoreConverter(e.id(), revision, field, version(snapshot.converters(),
                        ReadModels.Converter::id, ReadModels.Converter::version, e.id()), me).name();
                case "port" -> history.restorePort(e.id(), revision, field, version(snapshot.ports(),
                        ReadModels.Port::id, ReadModels.Port::version, e.id()), me).name();
                case "solar array" -> history.restoreArray(e.id(), revision, field,
                        version(snapshot.arrays(), ReadModels.SolarArray::id, ReadModels.SolarArray::version, e.id()), me)
                        .name();
                default -> {
                    history.restoreDesignCase(e.id(), revision, field, snapshot.designCase() == null ? null
                            : snapshot.designCase().version(), me);
                    yield "the design case";
                }
            };
            Feedback.saved(c == null ? "Restored " + what
                    : "Restored " + c.label() + " of " + what + " to " + display(e.kind(), c, c.oldValue()));
        } catch (StaleEditException ex) {
            Feedback.error(Feedback.stale(ex, "this " + e.kind()) + " Nothing was restored.");
        } catch (InvalidInputException ex) {
            Feedback.error("Not restored: " + ex.getMessage());
        } catch (NotFoundException ex) {
            Feedback.error("Not restored: " + ex.getMessage());
        } catch (RuntimeException ex) {
            // e.g. a refusal of the access rules: say why instead of a generic failure
            Feedback.error("Not restored: " + ex.getMessage());
        }
        refresh();
    }

    /** The version of the thing as read with the entries; null when it is gone (removed). */
    private static <T> Long version(List<T> things, ToLongFunction<T> id, ToLongFunction<T> version, long wanted) {
        return things.stream().filter(t -> id.applyAsLong(t) == wanted).map(version::applyAsLong).findFirst()
                .orElse(null);
    }

    private static String verb(ChangeType change) {
        return switch (change) {
            case ADDED -> "added";
            case CHANGED -> "changed";
            case REMOVED -> "removed";
        };
    }

    /** A value in the units the rest of the page uses: W per load, kW and kWh for sources, % for fractions. */
    private String display(String kind, FieldChange c, Object value) {
        if (value == null) {
            return "—";
        }
        if (value instanceof Number n) {
            double v = n.doubleValue();
            return switch (c.unit()) {
                case "W" -> kind.equals("load item") ? String.format(Locale.US, "%,.0f W", v) : Units.kw(v);
                case "J" -> Units.kwh(v);
                case "fraction" -> Units.percent(v);
                case "s" -> c.field().equals("orbitPeriodS") ? Units.hours(v) : Units.minutes(v);
                case "deg" -> String.format(Locale.US, "%.1f°", v);
                case "K" -> String.format(Locale.US, "%.1f °C", v);
                case "1/K" -> String.format(Locale.US, "%.3f %%/°C", v * 100);
                case "years", "days" -> count(v) + " " + c.unit();
                case "ref" -> reference(c.field(), n.longValue());
                default -> String.valueOf(value);
            };
        }
        if (value instanceof Instant t) {
            return WHEN.format(t);
        }
        // Stored choices (EPHEMERIS, DEFERRABLE, V120) read as their labels, as everywhere else in the app.
        if (value instanceof String s) {
            return org.gatewaypower.workspace.BudgetField.of(c.field())
                    .map(f -> f.choiceLabel(s, kind.equals(org.gatewaypower.workspace.OperationsService.KIND)))
                    .orElse(s);
        }
        return String.valueOf(value);
    }

    private String reference(String field, long id) {
        Map<Long, String> names = new HashMap<>();
        switch (field) {
            case "elementId", "fromElementId", "toElementId" ->
                    snapshot.elements().forEach(el -> names.put(el.id(), el.name()));
            case "activeModeId", "modeId" -> snapshot.modes().forEach(m -> names.put(m.id(), m.name()));
            case "ownerTeamId" -> membership.teams().forEach(t -> names.put(t.id(), t.code()));
            default -> {
            }
        }
        return names.getOrDefault(id, "#" + id);
    }

    /** A count of days or years as people write it: whole ones without decimals ("3,652"), others to 0.1. */
    private static String count(double v) {
        return v == Math.rint(v) ? String.format(Locale.US, "%,.0f", v) : String.format(Locale.US, "%,.1f", v);
    }
}
