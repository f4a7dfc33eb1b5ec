package org.gatewaypower.ui.workspace;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.annotation.security.PermitAll;

import org.gatewaypower.analysis.BalanceService;
import org.gatewaypower.collaboration.ImpactMonitor;
import org.gatewaypower.collaboration.LiveBalances;
import org.gatewaypower.collaboration.PresenceService;
import org.gatewaypower.collaboration.WorkspaceBroadcaster;
import org.gatewaypower.exchange.ArchiveService;
import org.gatewaypower.exchange.ExportService;
import org.gatewaypower.exchange.ImportService;
import org.gatewaypower.security.AccountService;
import org.gatewaypower.ui.MainLayout;
import org.gatewaypower.ui.PageCloseBeacons;
import org.gatewaypower.ui.Routes;
import org.gatewaypower.ui.component.Feedback;
import org.gatewaypower.workspace.AllocationService;
import org.gatewaypower.workspace.ForbiddenException;
import org.gatewaypower.workspace.NotFoundException;
import org.gatewaypower.workspace.Operations;
import org.gatewaypower.workspace.OperationsService;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.WorkspaceChanged;
import org.gatewaypower.workspace.WorkspaceRole;
import org.gatewaypower.workspace.DesignCaseService;
import org.gatewaypower.workspace.DockingService;
import org.gatewaypower.workspace.EquipmentService;
import org.gatewaypower.workspace.MembershipService;
import org.gatewaypower.workspace.NetworkService;
import org.gatewaypower.workspace.WorkspaceService;

/**
 * One workspace: the design case and its energy balance on top, the power equipment list, batteries,
 * arrays and elements below. Every save anywhere re-renders the results here, without a reload.
 */
@Route(value = Routes.WORKSPACE, layout = MainLayout.class)
@PageTitle("Workspace · Gateway Power")
@PermitAll
public class WorkspaceView extends VerticalLayout implements BeforeEnterObserver {

    private final WorkspaceService workspaces;
    private final MembershipService membership;
    private final EquipmentService equipment;
    private final DesignCaseService designCases;
    private final BalanceService balances;
    private final LiveBalances live;
    private final OperationsService operations;
    private final DockingService dockings;
    private final AccountService accounts;
    private final ImportService imports;
    private final ExportService exports;
    private final ArchiveService archives;
    private final AllocationService allocations;
    private final NetworkService network;
    private final PresenceBar presenceBar;
    private final String me;

    private long workspaceId;
    private WorkspaceHeader header;
    private LoadGrid loadGrid;
    private ExchangeBar exchangeBar;
    private DesignCasePanel designCase;
    private SourcesPanel sources;
    private OperationsPanel operationsPanel;
    private MembersPanel membersPanel;
    private ElementBudgetPanel elementBudget;
    private NetworkPanel networkPanel;
    private BalanceSide side;
    private WorkspaceBroadcaster.Subscription subscription;

    public WorkspaceView(WorkspaceService workspaces, BalanceService balances, LiveBalances live,
                         MembershipService membership, EquipmentService equipment, DesignCaseService designCases,
                         AuthenticationContext auth, OperationsService operations, PresenceService presence,
                         ImpactMonitor impacts, AccountService accounts, ImportService imports, ExportService exports,
                         ArchiveService archives, PageCloseBeacons beacons, AllocationService allocations,
                         DockingService dockings, NetworkService network) {
        this.workspaces = workspaces;
        this.membership = membership;
        this.equipment = equipment;
        this.designCases = designCases;
        this.balances = balances;
        this.live = live;
        this.operations = operations;
        this.dockings = dockings;
        this.accounts = accounts;
        this.imports = imports;
        this.exports = exports;
        this.archives = archives;
        this.allocations = allocations;
        this.network = network;
        this.me = auth.getPrincipalName().orElse("anonymous");
        this.presenceBar = new PresenceBar(presence, impacts, accounts, me, beacons);
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Long> id = Routes.workspaceId(event.getRouteParameters());
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
            show(ws, side.compute(ws));
        } catch (NotFoundException ex) {
            add(new Paragraph(ex.getMessage()));
        } catch (ForbiddenException ex) {
            workspaceId = 0;
            Paragraph refused = new Paragraph(ex.getMessage());
            refused.setId("access-refused");
            add(refused);
        }
    }

    private void build(ReadModels.WorkspaceSnapshot ws) {
        header = new WorkspaceHeader(ws, presenceBar, me);
        FormConflicts conflicts = new FormConflicts(this::reload);
        designCase = new DesignCasePanel(workspaces, designCases, ws, me, presenceBar, conflicts);
        sources = new SourcesPanel(workspaces, equipment, ws, me, presenceBar, conflicts);
        loadGrid = new LoadGrid(ws, new LoadActions(equipment, ws.id(), me, presenceBar, this::showCurrent));
        loadGrid.setSizeFull();
        exchangeBar = new ExchangeBar(workspaces, imports, exports, archives, ws.id(), ws.name(), me);
        loadGrid.addToToolbar(exchangeBar);
        operationsPanel = new OperationsPanel(operations, dockings, workspaces::snapshot, ws, me);
        membersPanel = new MembersPanel(membership, accounts, ws.id(), me);
        networkPanel = new NetworkPanel(network, ws.id(), me);
        TabSheet tabs = new TabSheet();
        tabs.setSizeFull();
        tabs.add("Loads", loadGrid);
        tabs.add("Batteries", sources.batteries());
        tabs.add("Arrays", sources.arrays());
        elementBudget = new ElementBudgetPanel(allocations, ws, me);
        tabs.add("Elements", elementBudget);
        tabs.add("Timeline", operationsPanel);
        tabs.add("Network", networkPanel);
        tabs.add("Members", membersPanel);
        tabs.add("History", HistoryPanel.ofWorkspace(ws.id()));
        side = new BalanceSide(balances, designCase, this::showCurrent);
        add(header, workArea(tabs));
    }

    /**
     * Editing on the left, the design case and its results on the right, each scrolling on its own:
     * an engineer sees what an edit does to the battery without leaving the row being edited.
     */
    private SplitLayout workArea(TabSheet tabs) {
        SplitLayout split = new SplitLayout(tabs, side);
        split.setId("workspace-split");
        split.setSizeFull();
        split.setSplitterPosition(60);
        setFlexGrow(1, split);
        return split;
    }

    /**
     * Shows read-only what this user may not change, with the owner named; the services enforce the
     * same rules on every save, so this only spares the user typing into something they cannot save.
     */
    private void applyPermissions(ReadModels.WorkspaceSnapshot ws, ReadModels.Permissions p) {
        loadGrid.setPermissions(p);
        exchangeBar.setPermissions(p);
        String viewer = p.role() == WorkspaceRole.VIEWER && !p.admin()
                ? "Read only: you are a viewer of this workspace" : null;
        designCase.setReadOnly(p.ownsWorkspace() ? null
                : viewer != null ? viewer : "Read only: workspace owners set the analysis case");
        sources.setPermissions(ws, p, viewer);
        operationsPanel.setReadOnly(!p.ownsWorkspace());
        elementBudget.setOwner(p.ownsWorkspace());
        networkPanel.setReadOnly(!p.ownsWorkspace());
        membersPanel.refresh(p.ownsWorkspace());
        header.setRole(p);
    }

    /**
     * Puts saved state and results on screen. Forms take the values only when they are newer than what
     * they show and the user has nothing unsaved in them; without a report the reason is shown instead.
     */
    private void show(ReadModels.WorkspaceSnapshot ws, BalanceSide.Computed computed) {
        sources.show(ws);
        header.setSubtitle((computed.report() == null ? "" : "Design case: " + computed.report().modeName() + " · ")
                + ws.loads().size() + " load items · " + ws.elements().size() + " elements");
        side.show(ws, computed);
        elementBudget.show(ws, computed.report());
        networkPanel.show(ws, computed.report());
    }

    /** Shows the workspace as now saved, with its balance. */
    private void showCurrent() {
        ReadModels.WorkspaceSnapshot ws = workspaces.snapshot(workspaceId);
        show(ws, side.compute(ws));
    }

    /** Re-reads everything after one of our own saves. */
    private void reload() {
        ReadModels.WorkspaceSnapshot ws = workspaces.snapshot(workspaceId);
        loadGrid.update(ws, Set.of(), note -> { });
        show(ws, side.compute(ws));
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        if (workspaceId > 0 && loadGrid != null) {
            subscription = live.subscribe(workspaceId, u -> onRemoteChange(ui, u));
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

    /**
     * Runs on a delivery thread after a transaction committed here or on another node: the workspace was read
     * and its standard balance computed once for all views of this node; a view showing beginning of life
     * computes its own. Only applying it takes the UI lock.
     */
    private void onRemoteChange(UI ui, LiveBalances.LiveUpdate update) {
        List<WorkspaceChanged> changes = update.changes();
        refreshOperations(ui, update);
        if (update.catchUp() || changes.stream().anyMatch(c -> c.kind() == WorkspaceChanged.Kind.MEMBER)) {
            try {
                ReadModels.Permissions p = workspaces.permissions(update.workspaceId(), me);
                ui.access(() -> applyPermissions(update.snapshot(), p));
            } catch (ForbiddenException ex) {
                ui.access(() -> Feedback.error("You are no longer a member of this workspace: " + ex.getMessage()));
                return;
            }
            if (!update.catchUp() && changes.stream().allMatch(c -> c.kind() == WorkspaceChanged.Kind.MEMBER)) {
                return;
            }
        }
        ReadModels.WorkspaceSnapshot ws = update.snapshot();
        Set<Long> removed = changes.stream().filter(c -> c.kind() == WorkspaceChanged.Kind.LOAD_ITEM
                && c.change() == WorkspaceChanged.Change.REMOVED).map(WorkspaceChanged::entityId)
                .collect(Collectors.toSet());
        BalanceSide.Computed computed = side.compute(update);
        ui.access(() -> {
            loadGrid.update(ws, removed, note -> Feedback.info(note));
            show(ws, computed);
            changes.stream().filter(c -> !c.actor().equals(me))
                    .forEach(c -> Feedback.info(c.actor() + " " + c.description()));
        });
    }

    /** A timeline, docking or element edit (or a catch-up): show what was read with the update, under the UI lock. */
    private void refreshOperations(UI ui, LiveBalances.LiveUpdate update) {
        if (operationsPanel != null && (update.catchUp() || update.changes().stream()
                .anyMatch(c -> TIMELINE_KINDS.contains(c.kind())))) {
            List<Operations.OperationPhase> phases = update.timeline();
            ReadModels.WorkspaceSnapshot ws = update.snapshot();
            if (phases == null || ws == null) {
                return;
            }
            ui.access(() -> operationsPanel.refresh(phases, ws));
        }
    }

    private static final Set<WorkspaceChanged.Kind> TIMELINE_KINDS = Set.of(WorkspaceChanged.Kind.OPERATION_PHASE,
            WorkspaceChanged.Kind.DOCKING, WorkspaceChanged.Kind.ELEMENT);
}
