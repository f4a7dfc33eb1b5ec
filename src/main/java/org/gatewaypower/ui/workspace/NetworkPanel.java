package org.gatewaypower.ui.workspace;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import org.gatewaypower.analysis.BalanceReport;
import org.gatewaypower.analysis.NetworkReport;
import org.gatewaypower.ui.component.EChart;
import org.gatewaypower.units.Units;
import org.gatewaypower.workspace.NetworkService;
import org.gatewaypower.workspace.ReadModels;

/**
 * The Network tab: the power network's diagram with the analysed mode's flows, its converters and ports with
 * their figures at the coincident MEV peak, the two checks, and (for owners) the forms that change it. Everyone
 * else sees it read-only, without edit controls.
 */
final class NetworkPanel extends VerticalLayout {

    private final long workspaceId;
    private final EChart diagram = new EChart();
    private final Span summary = new Span();
    private final Span converterCheck = new Span();
    private final Span portCheck = new Span();
    private final Grid<ReadModels.Converter> converters = new Grid<>();
    private final Grid<ReadModels.Port> ports = new Grid<>();
    private final NetworkForms.ConverterForm converterForm;
    private final NetworkForms.PortForm portForm;
    private final Paragraph readOnly = new Paragraph("Read only: workspace owners set the power network");
    private Map<Long, String> elementNames = Map.of();
    private NetworkReport.ModeFlows flows;
    private boolean editable;

    NetworkPanel(NetworkService network, long workspaceId, String me) {
        this.workspaceId = workspaceId;
        setId("network-panel");
        setPadding(false);
        diagram.setId("net-diagram");
        diagram.setWidthFull();
        diagram.setHeight("480px");
        summary.setId("net-summary");
        converterCheck.setId("net-converter-check");
        portCheck.setId("net-port-check");
        readOnly.setId("net-read-only");
        converterForm = new NetworkForms.ConverterForm(network, workspaceId, me);
        portForm = new NetworkForms.PortForm(network, workspaceId, me);
        configureConverters();
        configurePorts();
        add(diagram, summary, converterCheck, portCheck, readOnly, new H4("Converters (120 V → 28 V)"), converters,
                converterForm, new H4("Ports (120 V, between elements)"), ports, portForm);
    }

    private void configureConverters() {
        converters.setId("net-converters");
        converters.addThemeVariants(GridVariant.LUMO_COMPACT);
        converters.setAllRowsVisible(true);
        converters.addColumn(c -> elementNames.getOrDefault(c.elementId(), "#" + c.elementId())).setHeader("Element");
        converters.addColumn(ReadModels.Converter::name).setHeader("Name");
        converters.addColumn(c -> Units.percent(c.efficiency())).setHeader("Efficiency");
        converters.addColumn(c -> Units.kw(c.ratingW())).setHeader("Rating");
        converters.addColumn(c -> figure(converterFlow(c), f -> Units.kw(f.outputW()))).setHeader("Output at peak");
        converters.addColumn(c -> figure(converterFlow(c), f -> Units.watts(f.lossW()))).setHeader("Loss at peak (W)");
        converters.addColumn(c -> figure(converterFlow(c), f -> Units.watts(f.averageLossW())))
                .setHeader("Loss, orbit average (W)");
        converters.addColumn(c -> figure(converterFlow(c), f -> f.withinRating() ? "within rating" : "OVER RATING"))
                .setHeader("Check");
        converters.addComponentColumn(c -> HistoryPanel.iconButton(workspaceId, "converter", c.id(), c.name()));
        // A click fills the owner's form; the grid keeps its selection model (a new one would drop the listener).
        converters.addItemClickListener(e -> {
            if (editable) {
                converterForm.edit(e.getItem());
            }
        });
    }

    private void configurePorts() {
        ports.setId("net-ports");
        ports.addThemeVariants(GridVariant.LUMO_COMPACT);
        ports.setAllRowsVisible(true);
        ports.addColumn(ReadModels.Port::name).setHeader("Name");
        ports.addColumn(p -> elementNames.getOrDefault(p.fromElementId(), "#" + p.fromElementId())).setHeader("From");
        ports.addColumn(p -> elementNames.getOrDefault(p.toElementId(), "#" + p.toElementId())).setHeader("To");
        ports.addColumn(p -> Units.kw(p.limitW())).setHeader("Limit");
        ports.addColumn(p -> figure(portFlow(p), f -> String.format(Locale.ROOT, "%s %s (%.1f A, %s)",
                Units.kw(Math.abs(f.flowW())), f.flowW() < 0 ? "to → from" : "from → to", f.currentA(),
                f.inEclipse() ? "eclipse" : "sunlight"))).setHeader("Flow at peak");
        ports.addColumn(p -> figure(portFlow(p), f -> f.withinLimit() ? "within limit" : "OVER LIMIT"))
                .setHeader("Check");
        ports.addComponentColumn(p -> HistoryPanel.iconButton(workspaceId, "port", p.id(), p.name()));
        ports.addItemClickListener(e -> {
            if (editable) {
                portForm.edit(e.getItem());
            }
        });
    }

    /** Shows the workspace's network as saved and, when there is a report, its analysed mode's flows and checks. */
    void show(ReadModels.WorkspaceSnapshot ws, BalanceReport report) {
        elementNames = ws.elements().stream().collect(Collectors.toMap(ReadModels.Element::id,
                ReadModels.Element::name));
        flows = report == null ? null : report.network().mode(report.modeId());
        converterForm.elements(ws.elements());
        portForm.elements(ws.elements());
        converters.setItems(ws.converters());
        ports.setItems(ws.ports());
        diagram.setOption(NetworkDiagram.option(ws, flows));
        summary.setText(flows == null ? "No flows: the workspace has no network or no design case yet"
                : String.format(Locale.ROOT, "%s: converter loss %s at the coincident peak, %s on the orbit average",
                flows.modeName(), Units.watts(flows.converters().stream()
                        .mapToDouble(NetworkReport.ConverterLoad::lossW).sum()) + " W",
                Units.watts(flows.averageLossW()) + " W"));
        showCheck(converterCheck, report, NetworkReport.CONVERTER_CHECK);
        showCheck(portCheck, report, NetworkReport.PORT_CHECK);
    }

    /** Owners edit; everyone else sees the network without the forms. */
    void setReadOnly(boolean readOnlyView) {
        converterForm.setVisible(!readOnlyView);
        portForm.setVisible(!readOnlyView);
        readOnly.setVisible(readOnlyView);
        editable = !readOnlyView;
    }

    private static void showCheck(Span target, BalanceReport report, String name) {
        List<BalanceReport.Check> found = report == null ? List.of()
                : report.checks().stream().filter(c -> c.name().equals(name)).toList();
        target.setVisible(!found.isEmpty());
        found.stream().findFirst().ifPresent(c -> {
            target.setText(name + ": " + (c.passed() ? "PASS" : "FAIL") + " · " + c.figures());
            target.getStyle().set("color", c.passed() ? "var(--lumo-success-text-color)" : NetworkDiagram.OVER);
            target.getStyle().set("display", "block");
        });
    }

    private NetworkReport.ConverterLoad converterFlow(ReadModels.Converter c) {
        return flows == null ? null
                : flows.converters().stream().filter(f -> f.converterId() == c.id()).findFirst().orElse(null);
    }

    private NetworkReport.PortLoad portFlow(ReadModels.Port p) {
        return flows == null ? null : flows.ports().stream().filter(f -> f.portId() == p.id()).findFirst().orElse(null);
    }

    private static <T> String figure(T flow, Function<T, String> text) {
        return flow == null ? "—" : text.apply(flow);
    }
}
