package org.gatewaypower.ui.workspace;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Composite;

import org.gatewaypower.physics.load.EclipseShedding;
import org.gatewaypower.physics.load.MarginPolicy;
import org.gatewaypower.ui.NumberEntry;
import org.gatewaypower.ui.component.DraftForm;
import org.gatewaypower.ui.component.Feedback;
import org.gatewaypower.workspace.AnalysisTimeline;
import org.gatewaypower.workspace.BudgetField;
import org.gatewaypower.workspace.DesignCaseService;
import org.gatewaypower.workspace.DesignEclipseSource;
import org.gatewaypower.workspace.Drafts;
import org.gatewaypower.workspace.InvalidInputException;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.StaleEditException;
import org.gatewaypower.workspace.WorkspaceService;

/**
 * The design case form: the numbers of the analysis case, its mode, illumination, margin policy, dates and
 * design eclipse; saved against the version it shows, with the conflict dialog when someone saved first.
 */
final class DesignCasePanel extends Composite<DraftForm<DesignCasePanel.Bean>> {

    /**
     * The design case as its form's {@link com.vaadin.flow.data.binder.Binder} reads and writes it: mutable,
     * because Binder writes field by field; values in SI (s, fraction, W) as in {@link Drafts.DesignCaseDraft}.
     */
    static final class Bean {
        Long activeModeId;
        Double orbitPeriodS;
        Double eclipseDurationS;
        Double arrayAgeYears;
        AnalysisTimeline timeline;
        Instant periluneEpoch;
        Instant spanStart;
        Double spanDays;
        Double failedCapacityShare;
        MarginPolicy marginPolicy;
        Double transferLimitW;
        Instant bolDate;
        Instant missionEnd;
        DesignEclipseSource eclipseSource;
        /** Not a form field: a pass is picked on the Eclipses page. */
        Instant pickedEclipseStart;
        EclipseShedding eclipseShedding;

        static Bean of(ReadModels.DesignCase dc) {
            Bean b = new Bean();
            b.activeModeId = dc.activeModeId();
            b.orbitPeriodS = dc.orbitPeriodS();
            b.eclipseDurationS = dc.eclipseDurationS();
            b.arrayAgeYears = dc.arrayAgeYears();
            b.timeline = dc.timeline();
            b.periluneEpoch = dc.periluneEpoch();
            b.spanStart = dc.spanStart();
            b.spanDays = dc.spanDays();
            b.failedCapacityShare = dc.failedCapacityShare();
            b.marginPolicy = dc.marginPolicy();
            b.transferLimitW = dc.transferLimitW();
            b.bolDate = dc.bolDate();
            b.missionEnd = dc.missionEnd();
            b.eclipseSource = dc.eclipseSource();
            b.pickedEclipseStart = dc.pickedEclipseStart();
            b.eclipseShedding = dc.eclipseShedding();
            return b;
        }

        /** The draft a save sends; the picked pass is left to the service (null: kept or dropped with the source). */
        Drafts.DesignCaseDraft draft() {
            return new Drafts.DesignCaseDraft(activeModeId, orbitPeriodS, eclipseDurationS, arrayAgeYears, timeline,
                    periluneEpoch, spanStart, spanDays, failedCapacityShare, marginPolicy, transferLimitW, bolDate,
                    missionEnd, eclipseSource, null, eclipseShedding);
        }
    }

    private final WorkspaceService workspaces;
    private final DesignCaseService designCases;
    private final long workspaceId;
    private final String me;
    private final FormConflicts conflicts;
    private final DraftForm<Bean> form;

    DesignCasePanel(WorkspaceService workspaces, DesignCaseService designCases, ReadModels.WorkspaceSnapshot ws,
                    String me, PresenceBar presence, FormConflicts conflicts) {
        this.workspaces = workspaces;
        this.designCases = designCases;
        this.workspaceId = ws.id();
        this.me = me;
        this.conflicts = conflicts;
        form = new DraftForm<>("design", "Design case", Bean::new, this::save);
        // In the order the form has always shown them: choices of the case first, numbers, then dates and policy.
        form.choice(BudgetField.TIMELINE, List.of(AnalysisTimeline.values()), AnalysisTimeline::label,
                b -> b.timeline, (b, v) -> b.timeline = v);
        // A pass is picked on the Eclipses page, where its dates are; here it can only be kept or replaced.
        form.choice(BudgetField.ECLIPSE_SOURCE, List.of(DesignEclipseSource.values()), DesignEclipseSource::label,
                b -> b.eclipseSource, (b, v) -> b.eclipseSource = v)
                .setItemEnabledProvider(s -> s != DesignEclipseSource.PICKED
                        || form.shown() != null && form.shown().pickedEclipseStart != null);
        Map<Long, String> names = new HashMap<>();
        ws.modes().forEach(m -> names.put(m.id(), m.name()));
        form.choice(BudgetField.ACTIVE_MODE, ws.modes().stream().map(ReadModels.Mode::id).toList(), names::get,
                b -> b.activeModeId, (b, v) -> b.activeModeId = v);
        form.number(BudgetField.ORBIT_PERIOD, NumberEntry.Unit.HOUR, b -> b.orbitPeriodS, (b, v) -> b.orbitPeriodS = v);
        form.number(BudgetField.ECLIPSE_DURATION, NumberEntry.Unit.MINUTE, b -> b.eclipseDurationS,
                (b, v) -> b.eclipseDurationS = v).setHelperText("The design eclipse when it is typed by hand");
        form.number(BudgetField.ARRAY_AGE, NumberEntry.Unit.plain("years"), b -> b.arrayAgeYears,
                (b, v) -> b.arrayAgeYears = v).setHelperText("On the design orbit, since beginning of life");
        form.number(BudgetField.SPAN_DAYS, NumberEntry.Unit.plain("days"), b -> b.spanDays, (b, v) -> b.spanDays = v);
        form.number(BudgetField.FAILED_SHARE, NumberEntry.Unit.PERCENT, b -> b.failedCapacityShare,
                (b, v) -> b.failedCapacityShare = v).setHelperText("Failed battery strings, share of capacity");
        form.number(BudgetField.TRANSFER_LIMIT, NumberEntry.Unit.KW, b -> b.transferLimitW,
                (b, v) -> b.transferLimitW = v);
        form.instant(BudgetField.BOL_DATE, b -> b.bolDate, (b, v) -> b.bolDate = v);
        form.instant(BudgetField.MISSION_END, b -> b.missionEnd, (b, v) -> b.missionEnd = v);
        form.choice(BudgetField.ECLIPSE_SHEDDING, List.of(EclipseShedding.values()), EclipseShedding::label,
                b -> b.eclipseShedding, (b, v) -> b.eclipseShedding = v);
        form.choice(BudgetField.MARGIN_POLICY, List.of(MarginPolicy.values()), MarginPolicy::label,
                b -> b.marginPolicy, (b, v) -> b.marginPolicy = v);
        form.instant(BudgetField.PERILUNE_EPOCH, b -> b.periluneEpoch, (b, v) -> b.periluneEpoch = v);
        form.instant(BudgetField.SPAN_START, b -> b.spanStart, (b, v) -> b.spanStart = v);
        presence.track(form, "design-case", "the design case");
    }

    @Override
    protected DraftForm<Bean> initContent() {
        return form;
    }

    /** Read-only with the reason, or editable (null). */
    void setReadOnly(String reason) {
        form.setReadOnly(reason);
    }

    /** Takes the saved design case, unless the form shows a newer one or the user has unsaved changes in it. */
    void show(ReadModels.DesignCase dc) {
        form.show(Bean.of(dc), dc.version(), dc.updatedBy());
    }

    private void save() {
        try {
            designCases.updateDesignCase(workspaceId, form.version(), form.draft().draft(), me);
            Feedback.saved("Design case saved");
            conflicts.saved(form);
        } catch (InvalidInputException ex) {
            form.showErrors(ex);
        } catch (StaleEditException ex) {
            ReadModels.DesignCase dc = workspaces.snapshot(workspaceId).designCase();
            conflicts.conflict(form, "the design case", dc.updatedBy(), dc.updatedAt(), dc.version(),
                    form.conflictFields(Bean.of(dc)), this::save);
        }
    }
}
