package org.gatewaypower.ui.workspace;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gatewaypower.physics.load.LoadPriority;
import org.gatewaypower.physics.load.MaturityClass;
import org.gatewaypower.workspace.Bus;
import org.gatewaypower.workspace.Drafts;
import org.gatewaypower.workspace.ReadModels;

/**
 * Editable form bean behind one row of the power equipment list grid. Powers in W; duty cycles are
 * held in percent, as the grid shows them, and converted to fractions for the service. A heading row
 * ({@link #heading}) stands for an element: the element's loads are its children in the grid and it carries their
 * subtotal; it is never edited, saved or sent to the service.
 */
final class LoadRow {

    private Long id;
    private long version;
    private Long elementId;
    private String name;
    private String subsystem;
    private Bus bus;
    private Integer quantity;
    private Double standbyPowerW;
    private Double operatingPowerW;
    private Double peakPowerW;
    private MaturityClass maturity;
    private LoadPriority priority;
    private final Map<Long, Double> dutyPercent = new HashMap<>();
    /** Duty cycle in eclipse in percent; null: the same as in sunlight. */
    private Double shadowDutyPercent;
    private String updatedBy;
    /** Set on heading rows only: the subtotal of the element's rows shown, and how many they are. */
    private LoadTotals subtotal;
    private int lines;
    private boolean heading;

    static LoadRow of(ReadModels.LoadItem l) {
        LoadRow r = new LoadRow();
        r.refreshFrom(l);
        return r;
    }

    static LoadRow blank(long elementId) {
        LoadRow r = new LoadRow();
        r.elementId = elementId;
        r.name = "";
        r.subsystem = "";
        r.bus = Bus.V120;
        r.quantity = 1;
        r.standbyPowerW = 0.0;
        r.operatingPowerW = 0.0;
        r.peakPowerW = 0.0;
        r.maturity = MaturityClass.NEW_DESIGN;
        r.priority = LoadPriority.ESSENTIAL;
        return r;
    }

    /** The heading row of element {@code elementId}, with an empty subtotal until {@link #setSubtotal} is called. */
    static LoadRow heading(long elementId) {
        LoadRow r = new LoadRow();
        r.heading = true;
        r.elementId = elementId;
        r.subtotal = LoadTotals.of(List.of(), List.of());
        return r;
    }

    /** Takes every value of the saved item. */
    void refreshFrom(ReadModels.LoadItem l) {
        id = l.id();
        version = l.version();
        elementId = l.elementId();
        name = l.name();
        subsystem = l.subsystem();
        bus = l.bus();
        quantity = l.quantity();
        standbyPowerW = l.standbyPowerW();
        operatingPowerW = l.operatingPowerW();
        peakPowerW = l.peakPowerW();
        maturity = l.maturity();
        priority = l.priority();
        dutyPercent.clear();
        l.dutyByMode().forEach((mode, duty) -> dutyPercent.put(mode, shift(duty, 2)));
        shadowDutyPercent = l.shadowDuty() == null ? null : shift(l.shadowDuty(), 2);
        updatedBy = l.updatedBy();
    }

    LoadRow copy() {
        LoadRow c = new LoadRow();
        c.id = id;
        c.version = version;
        c.elementId = elementId;
        c.name = name;
        c.subsystem = subsystem;
        c.bus = bus;
        c.quantity = quantity;
        c.standbyPowerW = standbyPowerW;
        c.operatingPowerW = operatingPowerW;
        c.peakPowerW = peakPowerW;
        c.maturity = maturity;
        c.priority = priority;
        c.dutyPercent.putAll(dutyPercent);
        c.shadowDutyPercent = shadowDutyPercent;
        c.updatedBy = updatedBy;
        return c;
    }

    /** Bases this edit on {@code current}, so that saving it replaces that version. */
    void rebase(long current) {
        version = current;
    }

    /** Takes one field (a grid column key) from {@code from}. */
    void copyField(String key, LoadRow from) {
        if (key.startsWith("dutyByMode.")) {
            long mode = Long.parseLong(key.substring("dutyByMode.".length()));
            dutyPercent.put(mode, from.dutyPercent.get(mode));
            return;
        }
        switch (key) {
            case "elementId" -> elementId = from.elementId;
            case "name" -> name = from.name;
            case "subsystem" -> subsystem = from.subsystem;
            case "bus" -> bus = from.bus;
            case "quantity" -> quantity = from.quantity;
            case "standbyPowerW" -> standbyPowerW = from.standbyPowerW;
            case "operatingPowerW" -> operatingPowerW = from.operatingPowerW;
            case "peakPowerW" -> peakPowerW = from.peakPowerW;
            case "maturity" -> maturity = from.maturity;
            case "priority" -> priority = from.priority;
            case "shadowDuty" -> shadowDutyPercent = from.shadowDutyPercent;
            default -> throw new IllegalArgumentException("No load field " + key);
        }
    }

    Drafts.LoadItemDraft toDraft() {
        Map<Long, Double> duty = new HashMap<>();
        dutyPercent.forEach((mode, pct) -> duty.put(mode, pct == null ? null : shift(pct, -2)));
        return new Drafts.LoadItemDraft(elementId, name, subsystem, bus, quantity, standbyPowerW, operatingPowerW,
                peakPowerW, duty, shadowDutyPercent == null ? null : shift(shadowDutyPercent, -2), maturity, priority);
    }

    /** A load the user is adding, not saved yet (a heading row is not a load, so it is never new). */
    boolean isNew() {
        return id == null && !heading;
    }

    boolean isHeading() {
        return heading;
    }

    /** The subtotal over the element's rows shown; only on heading rows. */
    LoadTotals getSubtotal() {
        return subtotal;
    }

    int getLines() {
        return lines;
    }

    /** @return whether the subtotal or the count changed (the heading then needs redrawing) */
    boolean setSubtotal(LoadTotals subtotal, int lines) {
        boolean changed = !subtotal.equals(this.subtotal) || lines != this.lines;
        this.subtotal = subtotal;
        this.lines = lines;
        return changed;
    }

    Long getId() {
        return id;
    }

    long getVersion() {
        return version;
    }

    Long getElementId() {
        return elementId;
    }

    void setElementId(Long elementId) {
        this.elementId = elementId;
    }

    String getName() {
        return name;
    }

    void setName(String name) {
        this.name = name;
    }

    String getSubsystem() {
        return subsystem;
    }

    void setSubsystem(String subsystem) {
        this.subsystem = subsystem;
    }

    Bus getBus() {
        return bus;
    }

    void setBus(Bus bus) {
        this.bus = bus;
    }

    Integer getQuantity() {
        return quantity;
    }

    void setQuantity(Integer quantity) {
        this.quantity = quantity;
    }

    Double getStandbyPowerW() {
        return standbyPowerW;
    }

    void setStandbyPowerW(Double standbyPowerW) {
        this.standbyPowerW = standbyPowerW;
    }

    Double getOperatingPowerW() {
        return operatingPowerW;
    }

    void setOperatingPowerW(Double operatingPowerW) {
        this.operatingPowerW = operatingPowerW;
    }

    Double getPeakPowerW() {
        return peakPowerW;
    }

    void setPeakPowerW(Double peakPowerW) {
        this.peakPowerW = peakPowerW;
    }

    MaturityClass getMaturity() {
        return maturity;
    }

    void setMaturity(MaturityClass maturity) {
        this.maturity = maturity;
    }

    LoadPriority getPriority() {
        return priority;
    }

    void setPriority(LoadPriority priority) {
        this.priority = priority;
    }

    Double getDutyPercent(long modeId) {
        return dutyPercent.getOrDefault(modeId, 0.0);
    }

    void setDutyPercent(long modeId, Double value) {
        dutyPercent.put(modeId, value);
    }

    Double getShadowDutyPercent() {
        return shadowDutyPercent;
    }

    void setShadowDutyPercent(Double value) {
        this.shadowDutyPercent = value;
    }

    String getUpdatedBy() {
        return updatedBy;
    }

    /**
     * The value × 10^places in decimal, so that percent and fraction convert without binary noise
     * (0.07 × 100 would be 7.000000000000001; shifted, it is 7.0).
     */
    static double shift(double v, int places) {
        if (!Double.isFinite(v)) {
            return v;
        }
        return new java.math.BigDecimal(Double.toString(v)).movePointRight(places).doubleValue();
    }
}
