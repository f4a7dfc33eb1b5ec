package org.gatewaypower.ui.workspace;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.annotation.security.PermitAll;

import org.gatewaypower.analysis.BalanceReport;
import org.gatewaypower.analysis.BalanceService;
import org.gatewaypower.collaboration.WorkspaceBroadcaster;
import org.gatewaypower.ui.MainLayout;
import org.gatewaypower.ui.NumberEntry;
import org.gatewaypower.ui.Routes;
import org.gatewaypower.ui.component.ConflictDialog;
import org.gatewaypower.ui.component.EditForm;
import org.gatewaypower.ui.component.Feedback;
import org.gatewaypower.workspace.AnalysisTimeline;
import org.gatewaypower.workspace.DesignCaseService;
import org.gatewaypower.workspace.Drafts;
import org.gatewaypower.workspace.EquipmentService;
import org.gatewaypower.workspace.InvalidInputException;
import org.gatewaypower.workspace.MembershipService;
import org.gatewaypower.workspace.NotFoundException;
import org.gatewaypower.workspace.StaleEditException;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.WorkspaceChanged;
import org.gatewaypower.workspace.WorkspaceService;

/**
 * One workspace: the design case and its energy balance on top, the power equipment list, batteries,
 * arrays and elements below. Every save anywhere re-renders the results here, without a reload.
 */
@Route(value = Routes.WORKSPACE, layout = MainLayout.class)
@PageTitle("Workspace · Gateway Power")
@PermitAll
public class WorkspaceView extends VerticalLayout implements BeforeEnterObserver {

    /** A yearly rate entered in %/year (SI: fraction per year). */
    private static final NumberEntry.Unit PER_YEAR = new NumberEntry.Unit("%/year", 0.01,
            NumberEntry.Dimension.FRACTION);

    private final WorkspaceService workspaces;
    private final MembershipService membership;
    private final EquipmentService equipment;
    private final DesignCaseService designCases;
    private final BalanceService balances;
    private final WorkspaceBroadcaster broadcaster;
    private final String me;

    private long workspaceId;
    private LoadGrid loadGrid;
    private EditForm designForm;
    private Select<Long> modeSelect;
    private final Select<AnalysisTimeline> timelineSelect = new Select<>();
    private final Select<org.gatewaypower.physics.load.MarginPolicy> policySelect = new Select<>();
    private final DateTimePicker periluneEpoch = new DateTimePicker("Perilune epoch (UTC)");
    private final DateTimePicker spanStart = new DateTimePicker("Span start (UTC)");
    private final DateTimePicker bolDate = new DateTimePicker("Beginning of life (UTC)");
    private final DateTimePicker missionEnd = new DateTimePicker("Mission end (UTC)");
    private final Select<org.gatewaypower.workspace.DesignEclipseSource> eclipseSourceSelect = new Select<>();
    private final Select<org.gatewaypower.physics.load.EclipseShedding> sheddingSelect = new Select<>();
    private final ResultsPanel results = new ResultsPanel();
    private final Map<Long, EditForm> batteryForms = new HashMap<>();
    private final Map<Long, EditForm> arrayForms = new HashMap<>();
    private final Span subtitle = new Span();
    private WorkspaceBroadcaster.Subscription subscription;
    private String balanceProblem;
    /** Mirrors the life toggle for computations off the UI thread. */
    private volatile boolean showBol;

    /** Which life the results show: end of life (the design case's array age) or beginning of life. */
    private enum Life {
        EOL("End of life"), BOL("Beginning of life");

        private final String label;

        Life(String label) {
            this.label = label;
        }
    }

    private final com.vaadin.flow.component.radiobutton.RadioButtonGroup<Life> lifeToggle =
            new com.vaadin.flow.component.radiobutton.RadioButtonGroup<>();
    private final org.gatewaypower.workspace.OperationsService operations;
    private OperationsPanel operationsPanel;
    private final org.gatewaypower.security.AccountService accounts;
    private final org.gatewaypower.exchange.ImportService imports;
    private final org.gatewaypower.exchange.ExportService exports;
    private final org.gatewaypower.exchange.ArchiveService archives;
    private MembersPanel membersPanel;
    private ExchangeBar exchangeBar;
    private final Span roleBadge = new Span();
    private final PresenceBar presenceBar;
    /** The design case the form last took, to tell which of its fields the user changed. */
    private ReadModels.DesignCase shownDesignCase;

    public WorkspaceView(WorkspaceService workspaces, BalanceService balances, WorkspaceBroadcaster broadcaster,
                         MembershipService membership, EquipmentService equipment, DesignCaseService designCases,
                         AuthenticationContext auth, org.gatewaypower.workspace.OperationsService operations,
                         org.gatewaypower.collaboration.PresenceService presence,
                         org.gatewaypower.collaboration.ImpactMonitor impacts,
                         org.gatewaypower.security.AccountService accounts,
                         org.gatewaypower.exchange.ImportService imports,
                         org.gatewaypower.exchange.ExportService exports,
                         org.gatewaypower.exchange.ArchiveService archives,
                         org.gatewaypower.ui.PageCloseBeacons beacons) {
        this.archives = archives;
        this.accounts = accounts;
        this.imports = imports;
        this.exports = exports;
        this.workspaces = workspaces;
        this.membership = membership;
        this.equipment = equipment;
        this.designCases = designCases;
        this.balances = balances;
        this.broadcaster = broadcaster;
        this.me = auth.getPrincipalName().orElse("anonymous");
        this.operations = operations;
        this.presenceBar = new PresenceBar(presence, impacts, accounts, me, beacons);
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Long> id = event.getRouteParameters().get(Routes.WORKSPACE_ID).flatMap(WorkspaceView::parse);
        removeAll();
        if (id.isEmpty()) {
            add(new Paragraph("No such workspace."));
            return;
        }
        try {
            workspaceId = id.get();
            workspaces.requireReadable(workspaceId, me);
            ReadModels.WorkspaceSnapshot ws = workspaces.snapshot(workspaceId);
            build(ws);
            applyPermissions(ws, workspaces.permissions(workspaceId, me));
            show(ws, balance(ws));
        } catch (NotFoundException ex) {
            add(new Paragraph(ex.getMessage()));
        } catch (org.gatewaypower.workspace.ForbiddenException ex) {
            workspaceId = 0;
            Paragraph refused = new Paragraph(ex.getMessage());
            refused.setId("access-refused");
            add(refused);
        }
    }

    private void build(ReadModels.WorkspaceSnapshot ws) {
        H2 title = new H2(ws.name());
        title.getStyle().set("margin", "0");
        Span illustrative = new Span("Illustrative values — not flight data");
        illustrative.setId("illustrative-badge");
        illustrative.getElement().getThemeList().add("badge contrast");
        subtitle.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        com.vaadin.flow.router.RouterLink eclipses = Routes.link("Eclipses", Routes.ECLIPSES, ws.id());
        eclipses.setId("eclipses-link");
        eclipses.getStyle().set("margin-left", "auto");
        roleBadge.setId("my-role");
        roleBadge.getElement().getThemeList().add("badge");
        com.vaadin.flow.router.RouterLink baselinesLink = Routes.link("Baselines", Routes.BASELINES, ws.id());
        baselinesLink.setId("baselines-link");
        HorizontalLayout header = new HorizontalLayout(title, illustrative, roleBadge, subtitle,
                presenceBar.avatars(), eclipses, baselinesLink, ReportLink.create(ws.id(), ws.name(), me));
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.setWidthFull();

        designForm = createDesignCaseForm(ws);
        loadGrid = new LoadGrid(ws, new LoadActions());
        loadGrid.setSizeFull();

        TabSheet tabs = new TabSheet();
        tabs.setSizeFull();
        exchangeBar = new ExchangeBar(workspaces, imports, exports, archives, ws.id(), ws.name(), me);
        VerticalLayout pel = new VerticalLayout(exchangeBar, loadGrid);
        pel.setPadding(false);
        pel.setSizeFull();
        tabs.add("Power equipment list", pel);
        tabs.add("Batteries", sourceTab(ws, true));
        tabs.add("Solar arrays", sourceTab(ws, false));
        tabs.add("Elements", elementsGrid(ws));
        operationsPanel = new OperationsPanel(operations, ws.id(), ws.modes(), me);
        tabs.add("Operations timeline", operationsPanel);
        membersPanel = new MembersPanel(membership, accounts, ws.id(), me);
        tabs.add("Members", membersPanel);
        tabs.add("History", HistoryPanel.ofWorkspace(ws.id()));
        add(header, workArea(tabs));
    }

    /**
     * Editing on the left, the design case and its results on the right, each scrolling on its own:
     * an engineer sees what an edit does to the battery without leaving the row being edited.
     */
    private SplitLayout workArea(TabSheet tabs) {
        // Results first: they are what an edit on the left changes; the case settings follow them.
        lifeToggle.setId("life-toggle");
        lifeToggle.setItems(Life.values());
        lifeToggle.setItemLabelGenerator(l -> l.label);
        lifeToggle.setValue(Life.EOL);
        lifeToggle.addValueChangeListener(e -> {
            showBol = e.getValue() == Life.BOL;
            if (e.isFromClient()) {
                ReadModels.WorkspaceSnapshot ws = workspaces.snapshot(workspaceId);
                show(ws, balance(ws));
            }
        });
        VerticalLayout right = new VerticalLayout(lifeToggle, results, designForm);
        right.setPadding(false);
        right.getStyle().set("overflow", "auto").set("padding-left", "var(--lumo-space-m)");
        right.setHeightFull();
        SplitLayout split = new SplitLayout(tabs, right);
        split.setId("workspace-split");
        split.setSizeFull();
        split.setSplitterPosition(58);
        setFlexGrow(1, split);
        return split;
    }

    private EditForm createDesignCaseForm(ReadModels.WorkspaceSnapshot ws) {
        EditForm form = new EditForm("design", "Design case", false, List.of(
                new EditForm.Spec("orbitPeriodS", "Orbit period (h)", NumberEntry.Unit.HOUR),
                new EditForm.Spec("eclipseDurationS", "Design eclipse, typed by hand (min)", NumberEntry.Unit.MINUTE),
                new EditForm.Spec("arrayAgeYears", "Array age on the design orbit (years since BOL)",
                        NumberEntry.Unit.plain("years")),
                new EditForm.Spec("spanDays", "Span (days)", NumberEntry.Unit.plain("days")),
                new EditForm.Spec("failedCapacityShare", "Failed battery strings (% of capacity)",
                        NumberEntry.Unit.PERCENT),
                new EditForm.Spec("transferLimitW", "Power transfer limit (kW)", NumberEntry.Unit.KW)), this::saveDesignCase);
        trackFocus(form, "design-case", "the design case");
        modeSelect = new Select<>();
        modeSelect.setLabel("Operating mode");
        modeSelect.setId("design-activeModeId");
        modeSelect.setItems(ws.modes().stream().map(ReadModels.Mode::id).toList());
        Map<Long, String> names = new HashMap<>();
        ws.modes().forEach(m -> names.put(m.id(), m.name()));
        modeSelect.setItemLabelGenerator(names::get);
        form.addExtra("activeModeId", modeSelect);
        timelineSelect.setLabel("Illumination");
        timelineSelect.setId("design-timeline");
        timelineSelect.setItems(AnalysisTimeline.values());
        timelineSelect.setItemLabelGenerator(AnalysisTimeline::label);
        periluneEpoch.setId("design-periluneEpoch");
        spanStart.setId("design-spanStart");
        bolDate.setId("design-bolDate");
        form.addTrailing("bolDate", bolDate);
        missionEnd.setId("design-missionEnd");
        form.addTrailing("missionEnd", missionEnd);
        eclipseSourceSelect.setLabel("Design eclipse from");
        eclipseSourceSelect.setId("design-eclipseSource");
        // A pass is picked on the Eclipses page, where its dates are; here it can only be kept or replaced.
        eclipseSourceSelect.setItems(org.gatewaypower.workspace.DesignEclipseSource.values());
        eclipseSourceSelect.setItemEnabledProvider(s -> s != org.gatewaypower.workspace.DesignEclipseSource.PICKED
                || shownDesignCase != null && shownDesignCase.pickedEclipseStart() != null);
        eclipseSourceSelect.setItemLabelGenerator(org.gatewaypower.workspace.DesignEclipseSource::label);
        form.addExtra("eclipseSource", eclipseSourceSelect);
        sheddingSelect.setLabel("Off in eclipse");
        sheddingSelect.setId("design-eclipseShedding");
        sheddingSelect.setItems(org.gatewaypower.physics.load.EclipseShedding.values());
        sheddingSelect.setItemLabelGenerator(org.gatewaypower.physics.load.EclipseShedding::label);
        form.addTrailing("eclipseShedding", sheddingSelect);
        for (DateTimePicker picker : List.of(periluneEpoch, spanStart, bolDate, missionEnd)) {
            // ISO dates and a 24-hour clock in UTC, whatever the browser's locale.
            picker.setLocale(java.util.Locale.UK);
            picker.setDatePickerI18n(new com.vaadin.flow.component.datepicker.DatePicker.DatePickerI18n()
                    .setDateFormat("yyyy-MM-dd"));
        }
        form.addExtra("timeline", timelineSelect);
        policySelect.setLabel("Margin policy");
        policySelect.setId("design-marginPolicy");
        policySelect.setItems(org.gatewaypower.physics.load.MarginPolicy.values());
        policySelect.setItemLabelGenerator(org.gatewaypower.physics.load.MarginPolicy::label);
        form.addTrailing("marginPolicy", policySelect);
        form.addTrailing("periluneEpoch", periluneEpoch);
        form.addTrailing("spanStart", spanStart);
        return form;
    }

    private VerticalLayout sourceTab(ReadModels.WorkspaceSnapshot ws, boolean batteries) {
        VerticalLayout tab = new VerticalLayout();
        tab.setPadding(false);
        Paragraph note = new Paragraph(batteries
                ? "Batteries on the bus are analysed as one bank (capacities, floors and power limits add; "
                        + "efficiencies are capacity-weighted)."
                : "Rated output at 1 AU, beginning of life, normal incidence; the bus sees it after the path "
                        + "efficiency and the yearly degradation.");
        note.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        tab.add(note);
        if (batteries) {
            for (ReadModels.Battery b : ws.batteries()) {
                EditForm f = new EditForm("battery-" + b.id(), title(ws, b.elementId(), b.name(), b.ownerTeamCode()), true, List.of(
                        new EditForm.Spec("capacityJ", "Capacity (kWh)", NumberEntry.Unit.KWH),
                        new EditForm.Spec("minStateOfCharge", "Minimum SOC (%)", NumberEntry.Unit.PERCENT),
                        new EditForm.Spec("maxStateOfCharge", "Maximum SOC (%)", NumberEntry.Unit.PERCENT),
                        new EditForm.Spec("initialStateOfCharge", "Initial SOC (%)", NumberEntry.Unit.PERCENT),
                        new EditForm.Spec("chargeEfficiency", "Charge efficiency (%)", NumberEntry.Unit.PERCENT),
                        new EditForm.Spec("dischargeEfficiency", "Discharge efficiency (%)",
                                NumberEntry.Unit.PERCENT),
                        new EditForm.Spec("maxChargePowerW", "Max charge power (kW)", NumberEntry.Unit.KW),
                        new EditForm.Spec("maxDischargePowerW", "Max discharge power (kW)", NumberEntry.Unit.KW),
                        new EditForm.Spec("capacityFadePerYear", "Capacity fade (%/year)", PER_YEAR)),
                        () -> saveBattery(b.id()));
                trackFocus(f, "battery:" + b.id(), "battery " + b.name());
                batteryForms.put(b.id(), f);
                tab.add(f);
            }
        } else {
            for (ReadModels.SolarArray a : ws.arrays()) {
                EditForm f = new EditForm("array-" + a.id(), title(ws, a.elementId(), a.name(), a.ownerTeamCode()), true, List.of(
                        new EditForm.Spec("ratedPowerW", "Rated power at 1 AU, BOL (kW)", NumberEntry.Unit.KW),
                        new EditForm.Spec("degradationPerYear", "Degradation (%/year)", PER_YEAR),
                        new EditForm.Spec("pathEfficiency", "Path efficiency (%)", NumberEntry.Unit.PERCENT),
                        new EditForm.Spec("incidenceDeg", "Sun incidence (°)", NumberEntry.Unit.plain("°")),
                        new EditForm.Spec("temperatureCoefficientPerK", "Temperature coefficient (%/°C)",
                                new NumberEntry.Unit("%/°C", 0.01, NumberEntry.Dimension.FRACTION)),
                        new EditForm.Spec("temperatureOffsetK", "Temperature above rating (°C)", NumberEntry.Unit.plain("°C"))),
                        () -> saveArray(a.id()));
                trackFocus(f, "array:" + a.id(), "solar array " + a.name());
                arrayForms.put(a.id(), f);
                tab.add(f);
            }
        }
        return tab;
    }

    /** Tells the others what this user edits while a field of the form has the focus. */
    private void trackFocus(EditForm form, String key, String label) {
        form.trackFocus(() -> presenceBar.focus(new org.gatewaypower.collaboration.PresenceService.Focus(key, label)),
                () -> presenceBar.focus(null));
    }

    private static String title(ReadModels.WorkspaceSnapshot ws, long elementId, String name, String ownerTeamCode) {
        ReadModels.Element e = ws.element(elementId);
        return e.name() + " · " + name + " (owner " + ownerTeamCode + ")";
    }

    /**
     * Shows read-only what this user may not change, with the owner named; the services enforce the
     * same rules on every save, so this only spares the user typing into something they cannot save.
     */
    private void applyPermissions(ReadModels.WorkspaceSnapshot ws, ReadModels.Permissions p) {
        loadGrid.setPermissions(p);
        exchangeBar.setPermissions(p);
        String viewer = p.role() == org.gatewaypower.workspace.WorkspaceRole.VIEWER && !p.admin()
                ? "Read only: you are a viewer of this workspace" : null;
        designForm.setReadOnly(p.ownsWorkspace() ? null
                : viewer != null ? viewer : "Read only: workspace owners set the analysis case");
        for (ReadModels.Battery b : ws.batteries()) {
            EditForm f = batteryForms.get(b.id());
            if (f != null) {
                f.setReadOnly(p.editableBatteryIds().contains(b.id()) ? null
                        : viewer != null ? viewer : ownedBy(b.ownerTeamCode()));
            }
        }
        for (ReadModels.SolarArray a : ws.arrays()) {
            EditForm f = arrayForms.get(a.id());
            if (f != null) {
                f.setReadOnly(p.editableArrayIds().contains(a.id()) ? null
                        : viewer != null ? viewer : ownedBy(a.ownerTeamCode()));
            }
        }
        operationsPanel.setReadOnly(!p.ownsWorkspace());
        membersPanel.refresh(p.ownsWorkspace());
        roleBadge.setText(p.admin() ? "Administrator" : (p.role() == null ? "" : p.role().label())
                + (p.teamCode() == null ? "" : " · " + p.teamCode()));
    }

    private static String ownedBy(String team) {
        return "Read only: owned by " + team + "; only " + team + " editors and workspace owners change it";
    }

    private Grid<ReadModels.Element> elementsGrid(ReadModels.WorkspaceSnapshot ws) {
        Grid<ReadModels.Element> grid = new Grid<>();
        grid.setId("elements");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(ReadModels.Element::name).setHeader("Element");
        grid.addColumn(e -> e.kind().label()).setHeader("Kind");
        grid.addColumn(ReadModels.Element::ownerTeamCode).setHeader("Owner team");
        grid.addComponentColumn(e -> HistoryPanel.button(ws.id(), "element", e.id(), e.name()));
        grid.setItems(ws.elements());
        grid.setAllRowsVisible(true);
        return grid;
    }

    /**
     * Puts saved state and results on screen. Forms take the values only when they are newer than what
     * they show and the user has nothing unsaved in them; a null report means the balance could not be
     * computed (the reason is shown instead of results).
     */
    private void show(ReadModels.WorkspaceSnapshot ws, BalanceReport report) {
        ReadModels.DesignCase dc = ws.designCase();
        if (dc != null) {
            boolean applied = designForm.show(null, values(dc), dc.version(), dc.updatedBy(), dc.updatedAt());
            if (applied) {
                shownDesignCase = dc;
                policySelect.setValue(dc.marginPolicy());
                modeSelect.setValue(dc.activeModeId());
                timelineSelect.setValue(dc.timeline());
                periluneEpoch.setValue(LocalDateTime.ofInstant(dc.periluneEpoch(), ZoneOffset.UTC));
                spanStart.setValue(LocalDateTime.ofInstant(dc.spanStart(), ZoneOffset.UTC));
                bolDate.setValue(LocalDateTime.ofInstant(dc.bolDate(), ZoneOffset.UTC));
                missionEnd.setValue(LocalDateTime.ofInstant(dc.missionEnd(), ZoneOffset.UTC));
                eclipseSourceSelect.setValue(dc.eclipseSource());
                sheddingSelect.setValue(dc.eclipseShedding());
            }
        }
        for (ReadModels.Battery b : ws.batteries()) {
            EditForm f = batteryForms.get(b.id());
            if (f != null) {
                f.show(b.name(), values(b), b.version(), b.updatedBy(), b.updatedAt());
            }
        }
        for (ReadModels.SolarArray a : ws.arrays()) {
            EditForm f = arrayForms.get(a.id());
            if (f != null) {
                f.show(a.name(), values(a), a.version(), a.updatedBy(), a.updatedAt());
            }
        }
        subtitle.setText((report == null ? "" : "Design case: " + report.modeName() + " · ") + ws.loads().size()
                + " load items · " + ws.elements().size() + " elements");
        if (report != null) {
            results.show(report);
        } else {
            results.showProblem(balanceProblem);
        }
    }

    /** The design case's form values (SI). */
    private static Map<String, Double> values(ReadModels.DesignCase dc) {
        return Map.of("orbitPeriodS", dc.orbitPeriodS(), "eclipseDurationS", dc.eclipseDurationS(), "arrayAgeYears",
                dc.arrayAgeYears(), "spanDays", dc.spanDays(), "failedCapacityShare", dc.failedCapacityShare(),
                "transferLimitW", dc.transferLimitW());
    }

    /** A battery's form values (SI). */
    private static Map<String, Double> values(ReadModels.Battery b) {
        Map<String, Double> v = new HashMap<>();
        v.put("capacityJ", b.capacityJ());
        v.put("minStateOfCharge", b.minStateOfCharge());
        v.put("maxStateOfCharge", b.maxStateOfCharge());
        v.put("initialStateOfCharge", b.initialStateOfCharge());
        v.put("chargeEfficiency", b.chargeEfficiency());
        v.put("dischargeEfficiency", b.dischargeEfficiency());
        v.put("maxChargePowerW", b.maxChargePowerW());
        v.put("maxDischargePowerW", b.maxDischargePowerW());
        v.put("capacityFadePerYear", b.capacityFadePerYear());
        return v;
    }

    /** A solar array's form values (SI). */
    private static Map<String, Double> values(ReadModels.SolarArray a) {
        return Map.of("ratedPowerW", a.ratedPowerW(), "degradationPerYear", a.degradationPerYear(),
                "pathEfficiency", a.pathEfficiency(), "incidenceDeg", a.incidenceDeg(), "temperatureCoefficientPerK",
                a.temperatureCoefficientPerK(), "temperatureOffsetK", a.temperatureOffsetK());
    }

    /** The balance of a snapshot, or null (with the reason kept for display) when it cannot be computed. */
    private BalanceReport balance(ReadModels.WorkspaceSnapshot ws) {
        Computed c = compute(ws);
        balanceProblem = c.problem();
        return c.report();
    }

    /** A balance, or why there is none; computed without touching the view, so any thread may run it. */
    private record Computed(BalanceReport report, String problem) {
    }

    private Computed compute(ReadModels.WorkspaceSnapshot ws) {
        try {
            return new Computed(balances.balance(ws, showBol), null);
        } catch (RuntimeException ex) {
            return new Computed(null, "The energy balance cannot be computed for these settings: " + ex.getMessage()
                    + ". Correct the design case above.");
        }
    }

    /** Re-reads everything after one of our own saves. */
    private void reload() {
        ReadModels.WorkspaceSnapshot ws = workspaces.snapshot(workspaceId);
        loadGrid.update(ws, java.util.Set.of(), note -> { });
        show(ws, balance(ws));
    }

    private void saveDesignCase() {
        try {
            designCases.updateDesignCase(workspaceId, designForm.version(), new Drafts.DesignCaseDraft(
                    modeSelect.getValue(), designForm.si("orbitPeriodS"), designForm.si("eclipseDurationS"),
                    designForm.si("arrayAgeYears"), timelineSelect.getValue(), utc(periluneEpoch.getValue()),
                    utc(spanStart.getValue()), designForm.si("spanDays"), designForm.si("failedCapacityShare"),
                    policySelect.getValue(), designForm.si("transferLimitW"), utc(bolDate.getValue()),
                    utc(missionEnd.getValue()), eclipseSourceSelect.getValue(), null, sheddingSelect.getValue()), me);
            Feedback.saved("Design case saved");
            designForm.markClean();
            reload();
        } catch (InvalidInputException ex) {
            designForm.showErrors(ex);
        } catch (StaleEditException ex) {
            ReadModels.DesignCase dc = workspaces.snapshot(workspaceId).designCase();
            List<ConflictDialog.Field> fields = new java.util.ArrayList<>(designForm.conflictFields(null, values(dc)));
            fields.addAll(designExtras(dc));
            conflict(designForm, "the design case", dc.updatedBy(), dc.updatedAt(), dc.version(), fields,
                    this::saveDesignCase);
        }
    }

    private void saveBattery(long id) {
        EditForm f = batteryForms.get(id);
        try {
            equipment.updateBattery(id, f.version(), new Drafts.BatteryDraft(f.name(), f.si("capacityJ"),
                    f.si("minStateOfCharge"), f.si("maxStateOfCharge"), f.si("chargeEfficiency"),
                    f.si("dischargeEfficiency"), f.si("maxChargePowerW"), f.si("maxDischargePowerW"),
                    f.si("initialStateOfCharge"), f.si("capacityFadePerYear")), me);
            Feedback.saved("Battery saved");
            forceReload(f);
        } catch (InvalidInputException ex) {
            f.showErrors(ex);
        } catch (StaleEditException ex) {
            ReadModels.Battery b = workspaces.snapshot(workspaceId).batteries().stream().filter(x -> x.id() == id)
                    .findFirst().orElse(null);
            if (b == null) {
                removedMeanwhile(f, "battery");
                return;
            }
            conflict(f, "battery " + b.name(), b.updatedBy(), b.updatedAt(), b.version(),
                    f.conflictFields(b.name(), values(b)), () -> saveBattery(id));
        }
    }

    private void saveArray(long id) {
        EditForm f = arrayForms.get(id);
        try {
            equipment.updateArray(id, f.version(), new Drafts.SolarArrayDraft(f.name(), f.si("ratedPowerW"),
                    f.si("degradationPerYear"), f.si("pathEfficiency"), f.si("incidenceDeg"),
                    f.si("temperatureCoefficientPerK"), f.si("temperatureOffsetK")), me);
            Feedback.saved("Solar array saved");
            forceReload(f);
        } catch (InvalidInputException ex) {
            f.showErrors(ex);
        } catch (StaleEditException ex) {
            ReadModels.SolarArray a = workspaces.snapshot(workspaceId).arrays().stream().filter(x -> x.id() == id)
                    .findFirst().orElse(null);
            if (a == null) {
                removedMeanwhile(f, "solar array");
                return;
            }
            conflict(f, "solar array " + a.name(), a.updatedBy(), a.updatedAt(), a.version(),
                    f.conflictFields(a.name(), values(a)), () -> saveArray(id));
        }
    }

    /** After a save, the saved form takes the stored values; other forms keep unsaved typing. */
    private void forceReload(EditForm saved) {
        saved.markClean();
        reload();
    }

    /**
     * A save that lost the race: the dialog shows the fields that differ. Keeping theirs shows the saved
     * values; applying saves the user's (merged) values against the version now current, and a further
     * lost race opens the dialog again.
     */
    private void conflict(EditForm form, String what, String who, java.time.Instant when, long currentVersion,
                          List<ConflictDialog.Field> fields, Runnable save) {
        form.showMessage("Not saved: " + who + " changed " + what
                + " after you opened it. Choose in the dialog which values to keep.");
        new ConflictDialog(what, who, when, fields, () -> {
            form.markClean();
            reload();
        }, () -> {
            form.rebase(currentVersion);
            save.run();
        }).open();
    }

    private void removedMeanwhile(EditForm form, String what) {
        String message = "Not saved: this " + what + " was removed by someone else meanwhile.";
        form.showMessage(message);
        Feedback.error(message);
    }

    /** The design case's fields that are not plain numbers, for the conflict dialog. */
    private List<ConflictDialog.Field> designExtras(ReadModels.DesignCase theirs) {
        ReadModels.DesignCase base = shownDesignCase;
        List<ConflictDialog.Field> out = new java.util.ArrayList<>();
        out.add(extra("activeModeId", modeSelect.getLabel(), modeSelect, theirs.activeModeId(),
                base == null ? null : base.activeModeId(), modeSelect.getItemLabelGenerator()::apply));
        out.add(extra("timeline", timelineSelect.getLabel(), timelineSelect, theirs.timeline(),
                base == null ? null : base.timeline(), AnalysisTimeline::label));
        out.add(extra("marginPolicy", policySelect.getLabel(), policySelect, theirs.marginPolicy(),
                base == null ? null : base.marginPolicy(), org.gatewaypower.physics.load.MarginPolicy::label));
        java.util.function.Function<LocalDateTime, String> time = t -> t.toString().replace('T', ' ') + " UTC";
        out.add(extra("periluneEpoch", periluneEpoch.getLabel(), periluneEpoch, local(theirs.periluneEpoch()),
                base == null ? null : local(base.periluneEpoch()), time));
        out.add(extra("spanStart", spanStart.getLabel(), spanStart, local(theirs.spanStart()),
                base == null ? null : local(base.spanStart()), time));
        out.add(extra("bolDate", bolDate.getLabel(), bolDate, local(theirs.bolDate()),
                base == null ? null : local(base.bolDate()), time));
        out.add(extra("missionEnd", missionEnd.getLabel(), missionEnd, local(theirs.missionEnd()),
                base == null ? null : local(base.missionEnd()), time));
        out.add(extra("eclipseSource", eclipseSourceSelect.getLabel(), eclipseSourceSelect, theirs.eclipseSource(),
                base == null ? null : base.eclipseSource(), org.gatewaypower.workspace.DesignEclipseSource::label));
        out.add(extra("eclipseShedding", sheddingSelect.getLabel(), sheddingSelect, theirs.eclipseShedding(),
                base == null ? null : base.eclipseShedding(), org.gatewaypower.physics.load.EclipseShedding::label));
        return out;
    }

    private static <T> ConflictDialog.Field extra(String key, String label,
                                                   com.vaadin.flow.component.HasValue<?, T> field, T theirs, T base,
                                                   java.util.function.Function<T, String> text) {
        java.util.function.Function<T, String> shown = v -> v == null ? "" : text.apply(v);
        String mine = shown.apply(field.getValue());
        return new ConflictDialog.Field(key, label, mine, shown.apply(theirs),
                !java.util.Objects.equals(mine, shown.apply(base)), () -> field.setValue(theirs));
    }

    private static LocalDateTime local(java.time.Instant t) {
        return t == null ? null : LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        if (workspaceId > 0 && loadGrid != null) {
            subscription = broadcaster.subscribe(workspaceId, e -> onRemoteChange(ui, e));
            presenceBar.join(ui, workspaceId, loadGrid::showEditors);
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (subscription != null) {
            subscription.cancel();
            subscription = null;
        }
        presenceBar.close();
        super.onDetach(detachEvent);
    }

    /** Runs on a broadcaster thread: read and compute outside the UI lock, then apply under it. */
    private void onRemoteChange(UI ui, WorkspaceChanged event) {
        refreshOperations(ui, event);
        if (event.kind() == WorkspaceChanged.Kind.MEMBER) {
            try {
                ReadModels.Permissions p = workspaces.permissions(event.workspaceId(), me);
                ReadModels.WorkspaceSnapshot ws = workspaces.snapshot(event.workspaceId());
                ui.access(() -> applyPermissions(ws, p));
            } catch (org.gatewaypower.workspace.ForbiddenException ex) {
                ui.access(() -> Feedback.error("You are no longer a member of this workspace: " + ex.getMessage()));
            }
            return;
        }
        ReadModels.WorkspaceSnapshot ws = workspaces.snapshot(event.workspaceId());
        java.util.Set<Long> removed = event.kind() == WorkspaceChanged.Kind.LOAD_ITEM
                && event.change() == WorkspaceChanged.Change.REMOVED ? java.util.Set.of(event.entityId())
                : java.util.Set.of();
        // The analysis runs here, on the broadcaster's thread; only applying it takes the UI lock.
        Computed computed = compute(ws);
        ui.access(() -> {
            loadGrid.update(ws, removed, note -> Feedback.info(note));
            balanceProblem = computed.problem();
            show(ws, computed.report());
            if (!event.actor().equals(me)) {
                Feedback.info(event.actor() + " " + event.description());
            }
        });
    }

    /** A timeline edit: re-read the phases outside the UI lock and show them under it. */
    private void refreshOperations(UI ui, WorkspaceChanged event) {
        if (operationsPanel != null && event.kind() == WorkspaceChanged.Kind.OPERATION_PHASE) {
            List<org.gatewaypower.workspace.Operations.OperationPhase> phases = operations.phases(event.workspaceId());
            ui.access(() -> operationsPanel.refresh(phases));
        }
    }

    private static java.time.Instant utc(LocalDateTime local) {
        return local == null ? null : local.toInstant(ZoneOffset.UTC);
    }

    private static Optional<Long> parse(String s) {
        try {
            return Optional.of(Long.parseLong(s));
        } catch (NumberFormatException ex) {
            return Optional.empty();
        }
    }

    /** The grid's persistence, through the workspace service. */
    private final class LoadActions implements LoadGrid.Actions {

        @Override
        public ReadModels.LoadItem save(LoadRow row) {
            ReadModels.LoadItem saved = row.isNew()
                    ? equipment.createLoad(workspaceId, row.toDraft(), me)
                    : equipment.updateLoad(row.getId(), row.getVersion(), row.toDraft(), me);
            ReadModels.WorkspaceSnapshot ws = workspaces.snapshot(workspaceId);
            show(ws, balance(ws));
            return saved;
        }

        @Override
        public void delete(LoadRow row) {
            equipment.deleteLoad(row.getId(), row.getVersion(), me);
            ReadModels.WorkspaceSnapshot ws = workspaces.snapshot(workspaceId);
            show(ws, balance(ws));
        }

        @Override
        public void editing(LoadRow row) {
            if (row != null && row.isNew()) {
                presenceBar.focus(new org.gatewaypower.collaboration.PresenceService.Focus("new-load", "a new load"));
            } else {
                presenceBar.editingLoad(row == null ? null : row.getId(), row == null ? null : row.getName());
            }
        }

        @Override
        public Optional<ReadModels.LoadItem> current(long loadId) {
            try {
                return Optional.of(equipment.load(loadId));
            } catch (NotFoundException ex) {
                return Optional.empty();
            }
        }
    }
}
