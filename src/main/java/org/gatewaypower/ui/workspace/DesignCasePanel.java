package org.gatewaypower.ui.workspace;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.select.Select;

import org.gatewaypower.physics.load.EclipseShedding;
import org.gatewaypower.physics.load.MarginPolicy;
import org.gatewaypower.ui.NumberEntry;
import org.gatewaypower.ui.component.ConflictDialog;
import org.gatewaypower.ui.component.EditForm;
import org.gatewaypower.ui.component.Feedback;
import org.gatewaypower.workspace.AnalysisTimeline;
import org.gatewaypower.workspace.DesignEclipseSource;
import org.gatewaypower.workspace.Drafts;
import org.gatewaypower.workspace.InvalidInputException;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.StaleEditException;
import org.gatewaypower.workspace.DesignCaseService;
import org.gatewaypower.workspace.WorkspaceService;

/**
 * The design case form: the numbers of the analysis case, its mode, illumination, margin policy, dates and
 * design eclipse; saved against the version it shows, with the conflict dialog when someone saved first.
 */
final class DesignCasePanel extends Composite<EditForm> {

    private final WorkspaceService workspaces;
    private final DesignCaseService designCases;
    private final long workspaceId;
    private final String me;
    private final FormConflicts conflicts;
    private final EditForm form;
    private final Select<Long> modeSelect = new Select<>();
    private final Select<AnalysisTimeline> timelineSelect = new Select<>();
    private final Select<MarginPolicy> policySelect = new Select<>();
    private final DateTimePicker periluneEpoch = new DateTimePicker("Perilune epoch (UTC)");
    private final DateTimePicker spanStart = new DateTimePicker("Span start (UTC)");
    private final DateTimePicker bolDate = new DateTimePicker("Beginning of life (UTC)");
    private final DateTimePicker missionEnd = new DateTimePicker("Mission end (UTC)");
    private final Select<DesignEclipseSource> eclipseSourceSelect = new Select<>();
    private final Select<EclipseShedding> sheddingSelect = new Select<>();
    /** The design case the form last took, to tell which of its fields the user changed. */
    private ReadModels.DesignCase shown;

    DesignCasePanel(WorkspaceService workspaces, DesignCaseService designCases, ReadModels.WorkspaceSnapshot ws, String me, PresenceBar presence,
                    FormConflicts conflicts) {
        this.workspaces = workspaces;
        this.designCases = designCases;
        this.workspaceId = ws.id();
        this.me = me;
        this.conflicts = conflicts;
        form = new EditForm("design", "Design case", false, List.of(
                new EditForm.Spec("orbitPeriodS", "Orbit period (h)", NumberEntry.Unit.HOUR),
                new EditForm.Spec("eclipseDurationS", "Design eclipse, typed by hand (min)", NumberEntry.Unit.MINUTE),
                new EditForm.Spec("arrayAgeYears", "Array age on the design orbit (years since BOL)",
                        NumberEntry.Unit.plain("years")),
                new EditForm.Spec("spanDays", "Span (days)", NumberEntry.Unit.plain("days")),
                new EditForm.Spec("failedCapacityShare", "Failed battery strings (% of capacity)",
                        NumberEntry.Unit.PERCENT),
                new EditForm.Spec("transferLimitW", "Power transfer limit (kW)", NumberEntry.Unit.KW)), this::save);
        presence.track(form, "design-case", "the design case");
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
        eclipseSourceSelect.setItems(DesignEclipseSource.values());
        eclipseSourceSelect.setItemEnabledProvider(s -> s != DesignEclipseSource.PICKED
                || shown != null && shown.pickedEclipseStart() != null);
        eclipseSourceSelect.setItemLabelGenerator(DesignEclipseSource::label);
        form.addExtra("eclipseSource", eclipseSourceSelect);
        sheddingSelect.setLabel("Off in eclipse");
        sheddingSelect.setId("design-eclipseShedding");
        sheddingSelect.setItems(EclipseShedding.values());
        sheddingSelect.setItemLabelGenerator(EclipseShedding::label);
        form.addTrailing("eclipseShedding", sheddingSelect);
        org.gatewaypower.ui.component.IsoPickers.iso(periluneEpoch, spanStart, bolDate, missionEnd);
        form.addExtra("timeline", timelineSelect);
        policySelect.setLabel("Margin policy");
        policySelect.setId("design-marginPolicy");
        policySelect.setItems(MarginPolicy.values());
        policySelect.setItemLabelGenerator(MarginPolicy::label);
        form.addTrailing("marginPolicy", policySelect);
        form.addTrailing("periluneEpoch", periluneEpoch);
        form.addTrailing("spanStart", spanStart);
    }

    @Override
    protected EditForm initContent() {
        return form;
    }

    /** Read-only with the reason, or editable (null). */
    void setReadOnly(String reason) {
        form.setReadOnly(reason);
    }

    /** Takes the saved design case, unless the form shows a newer one or the user has unsaved changes in it. */
    void show(ReadModels.DesignCase dc) {
        if (!form.show(null, values(dc), dc.version(), dc.updatedBy(), dc.updatedAt())) {
            return;
        }
        shown = dc;
        policySelect.setValue(dc.marginPolicy());
        modeSelect.setValue(dc.activeModeId());
        timelineSelect.setValue(dc.timeline());
        periluneEpoch.setValue(local(dc.periluneEpoch()));
        spanStart.setValue(local(dc.spanStart()));
        bolDate.setValue(local(dc.bolDate()));
        missionEnd.setValue(local(dc.missionEnd()));
        eclipseSourceSelect.setValue(dc.eclipseSource());
        sheddingSelect.setValue(dc.eclipseShedding());
    }

    private void save() {
        try {
            designCases.updateDesignCase(workspaceId, form.version(), new Drafts.DesignCaseDraft(
                    modeSelect.getValue(), form.si("orbitPeriodS"), form.si("eclipseDurationS"),
                    form.si("arrayAgeYears"), timelineSelect.getValue(), utc(periluneEpoch.getValue()),
                    utc(spanStart.getValue()), form.si("spanDays"), form.si("failedCapacityShare"),
                    policySelect.getValue(), form.si("transferLimitW"), utc(bolDate.getValue()),
                    utc(missionEnd.getValue()), eclipseSourceSelect.getValue(), null, sheddingSelect.getValue()), me);
            Feedback.saved("Design case saved");
            conflicts.saved(form);
        } catch (InvalidInputException ex) {
            form.showErrors(ex);
        } catch (StaleEditException ex) {
            ReadModels.DesignCase dc = workspaces.snapshot(workspaceId).designCase();
            List<ConflictDialog.Field> fields = new ArrayList<>(form.conflictFields(null, values(dc)));
            fields.addAll(extras(dc));
            conflicts.conflict(form, "the design case", dc.updatedBy(), dc.updatedAt(), dc.version(), fields,
                    this::save);
        }
    }

    /** The design case's fields that are not plain numbers, for the conflict dialog. */
    private List<ConflictDialog.Field> extras(ReadModels.DesignCase theirs) {
        ReadModels.DesignCase base = shown;
        List<ConflictDialog.Field> out = new ArrayList<>();
        out.add(extra("activeModeId", modeSelect.getLabel(), modeSelect, theirs.activeModeId(),
                base == null ? null : base.activeModeId(), modeSelect.getItemLabelGenerator()::apply));
        out.add(extra("timeline", timelineSelect.getLabel(), timelineSelect, theirs.timeline(),
                base == null ? null : base.timeline(), AnalysisTimeline::label));
        out.add(extra("marginPolicy", policySelect.getLabel(), policySelect, theirs.marginPolicy(),
                base == null ? null : base.marginPolicy(), MarginPolicy::label));
        Function<LocalDateTime, String> time = t -> t.toString().replace('T', ' ') + " UTC";
        out.add(extra("periluneEpoch", periluneEpoch.getLabel(), periluneEpoch, local(theirs.periluneEpoch()),
                base == null ? null : local(base.periluneEpoch()), time));
        out.add(extra("spanStart", spanStart.getLabel(), spanStart, local(theirs.spanStart()),
                base == null ? null : local(base.spanStart()), time));
        out.add(extra("bolDate", bolDate.getLabel(), bolDate, local(theirs.bolDate()),
                base == null ? null : local(base.bolDate()), time));
        out.add(extra("missionEnd", missionEnd.getLabel(), missionEnd, local(theirs.missionEnd()),
                base == null ? null : local(base.missionEnd()), time));
        out.add(extra("eclipseSource", eclipseSourceSelect.getLabel(), eclipseSourceSelect, theirs.eclipseSource(),
                base == null ? null : base.eclipseSource(), DesignEclipseSource::label));
        out.add(extra("eclipseShedding", sheddingSelect.getLabel(), sheddingSelect, theirs.eclipseShedding(),
                base == null ? null : base.eclipseShedding(), EclipseShedding::label));
        return out;
    }

    private static <T> ConflictDialog.Field extra(String key, String label, HasValue<?, T> field, T theirs, T base,
                                                  Function<T, String> text) {
        Function<T, String> shownText = v -> v == null ? "" : text.apply(v);
        String mine = shownText.apply(field.getValue());
        return new ConflictDialog.Field(key, label, mine, shownText.apply(theirs),
                !Objects.equals(mine, shownText.apply(base)), () -> field.setValue(theirs));
    }

    /** The design case's form values (SI). */
    private static Map<String, Double> values(ReadModels.DesignCase dc) {
        return Map.of("orbitPeriodS", dc.orbitPeriodS(), "eclipseDurationS", dc.eclipseDurationS(), "arrayAgeYears",
                dc.arrayAgeYears(), "spanDays", dc.spanDays(), "failedCapacityShare", dc.failedCapacityShare(),
                "transferLimitW", dc.transferLimitW());
    }

    private static LocalDateTime local(Instant t) {
        return t == null ? null : LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static Instant utc(LocalDateTime local) {
        return local == null ? null : local.toInstant(ZoneOffset.UTC);
    }
}
