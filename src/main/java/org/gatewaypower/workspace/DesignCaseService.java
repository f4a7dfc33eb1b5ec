package org.gatewaypower.workspace;

import java.util.List;

import org.gatewaypower.workspace.Drafts.DesignCaseDraft;
import org.gatewaypower.workspace.WorkspaceChanged.Change;
import org.gatewaypower.workspace.WorkspaceChanged.Kind;
import org.gatewaypower.workspace.internal.DesignCaseEntity;
import org.gatewaypower.workspace.internal.DesignCaseRepository;
import org.gatewaypower.workspace.internal.OperatingModeRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The design case of a workspace (its owners'): the mode, orbit, design eclipse, analysis span, mission
 * and margins the standard analysis runs with. One per workspace.
 */
@Service
public class DesignCaseService {

    /** Longest analysis span (days): 20 years. */
    static final double MAX_SPAN_DAYS = 7305;
    /** Mission span when none is set: the Gateway's 15-year design life from the beginning of life. */
    static final java.time.Period DEFAULT_MISSION = java.time.Period.ofYears(15);
    /** Default perilune epoch and span start of a new workspace's ephemeris orbit. */
    static final java.time.Instant DEFAULT_EPOCH = java.time.Instant.parse("2027-01-01T00:00:00Z");
    /** Default span: one 59-day cycle (9 revolutions of the 9:2 NRHO, 2 synodic months). */
    static final double DEFAULT_SPAN_DAYS = 59.0;
    private static final java.time.Instant EARLIEST = java.time.Instant.parse("1972-01-01T00:00:00Z");
    private static final java.time.Instant LATEST = java.time.Instant.parse("2100-01-01T00:00:00Z");

    private final EditSupport support;
    private final WorkspaceAccess access;
    private final DesignCaseRepository designCases;
    private final OperatingModeRepository modes;

    DesignCaseService(EditSupport support, WorkspaceAccess access, DesignCaseRepository designCases,
                      OperatingModeRepository modes) {
        this.support = support;
        this.access = access;
        this.designCases = designCases;
        this.modes = modes;
    }

    @Transactional
    public ReadModels.DesignCase createDesignCase(long workspaceId, DesignCaseDraft draft, String actor) {
        EditSupport.auditAs(actor);
        support.requireWorkspace(workspaceId);
        access.requireOwner(workspaceId, actor, "create the analysis case");
        if (designCases.findByWorkspaceId(workspaceId).isPresent()) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldViolation("workspaceId",
                    "A workspace has one design case; edit the existing one")));
        }
        DesignCaseEntity e = new DesignCaseEntity(workspaceId);
        applyDesignCase(workspaceId, e, draft);
        support.touch(e, actor);
        return EditSupport.toView(designCases.saveAndFlush(e));
    }

    @Transactional
    public ReadModels.DesignCase updateDesignCase(long workspaceId, long expectedVersion, DesignCaseDraft draft,
                                                  String actor) {
        EditSupport.auditAs(actor);
        DesignCaseEntity e = designCases.findByWorkspaceId(workspaceId)
                .orElseThrow(() -> new NotFoundException("design case of workspace", workspaceId));
        access.requireOwner(workspaceId, actor, "change the analysis case");
        EditSupport.requireVersion(Kind.DESIGN_CASE, e, expectedVersion);
        applyDesignCase(workspaceId, e, draft);
        support.touch(e, actor);
        DesignCaseEntity saved = support.flush(() -> designCases.saveAndFlush(e), Kind.DESIGN_CASE, e,
                expectedVersion);
        support.publish(workspaceId, Kind.DESIGN_CASE, saved.getId(), Change.CHANGED, actor, "changed the design case");
        return EditSupport.toView(saved);
    }

    /**
     * Makes one eclipse pass the design case's eclipse (owners): its duration {@code durationS} (s), penumbra
     * entry to exit, becomes the design eclipse, remembered as picked from the pass starting at {@code start}.
     */
    @Transactional
    public ReadModels.DesignCase useEclipseAsDesignCase(long workspaceId, long expectedVersion,
                                                        java.time.Instant start, double durationS, String actor) {
        DesignCaseEntity e = designCases.findByWorkspaceId(workspaceId)
                .orElseThrow(() -> new NotFoundException("design case of workspace", workspaceId));
        DesignCaseDraft draft = new DesignCaseDraft(e.getActiveModeId(), e.getOrbitPeriodS(), durationS,
                e.getArrayAgeYears(), e.getTimeline(), e.getPeriluneEpoch(), e.getSpanStart(), e.getSpanDays(),
                e.getFailedCapacityShare(), e.getMarginPolicy(), e.getTransferLimitW(), e.getBolDate(),
                e.getMissionEnd(), DesignEclipseSource.PICKED,
                // Stored to the millisecond, which both databases keep exactly; the pass is found again within 60 s.
                start.truncatedTo(java.time.temporal.ChronoUnit.MILLIS), e.getEclipseShedding());
        return updateDesignCase(workspaceId, expectedVersion, draft, actor);
    }

    private void applyDesignCase(long workspaceId, DesignCaseEntity e, DesignCaseDraft d) {
        Rules r = new Rules();
        Long modeId = r.required(BudgetField.ACTIVE_MODE, d.activeModeId());
        if (modeId != null && modes.findById(modeId).map(m -> m.getWorkspaceId() != workspaceId).orElse(true)) {
            r.fail(BudgetField.ACTIVE_MODE.field(), BudgetField.ACTIVE_MODE.label() + " must be one of this workspace's modes");
        }
        double period = r.range(BudgetField.ORBIT_PERIOD, d.orbitPeriodS());
        double eclipse = r.nonNegative(BudgetField.ECLIPSE_DURATION, d.eclipseDurationS());
        if (r.ok("orbitPeriodS") && r.ok("eclipseDurationS") && eclipse >= period) {
            r.fail("eclipseDurationS", "Longest eclipse must be shorter than the orbit period");
        }
        double age = r.range(BudgetField.ARRAY_AGE, d.arrayAgeYears());
        AnalysisTimeline timeline = d.timeline() != null ? d.timeline()
                : e.getTimeline() != null ? e.getTimeline() : AnalysisTimeline.DESIGN_CASE;
        java.time.Instant perilune = d.periluneEpoch() != null ? d.periluneEpoch()
                : e.getPeriluneEpoch() != null ? e.getPeriluneEpoch() : DEFAULT_EPOCH;
        java.time.Instant spanStart = d.spanStart() != null ? d.spanStart()
                : e.getSpanStart() != null ? e.getSpanStart() : DEFAULT_EPOCH;
        double spanDays = d.spanDays() != null
                ? r.range(BudgetField.SPAN_DAYS, d.spanDays())
                : e.getSpanStart() != null ? e.getSpanDays() : DEFAULT_SPAN_DAYS;
        if (perilune.isBefore(EARLIEST) || perilune.isAfter(LATEST)) {
            r.fail("periluneEpoch",
                    "Perilune epoch must lie between 1972 and 2100 (leap-second table and ephemeris range)");
        }
        if (spanStart.isBefore(EARLIEST) || spanStart.isAfter(LATEST) || (r.ok("spanDays")
                && spanStart.plusSeconds((long) (spanDays * 86_400)).isAfter(LATEST))) {
            r.fail("spanStart", "Analysis span must lie between 1972 and 2100");
        }
        double failed = d.failedCapacityShare() == null ? e.getFailedCapacityShare()
                : r.range(BudgetField.FAILED_SHARE, d.failedCapacityShare());
        org.gatewaypower.physics.load.MarginPolicy policy = d.marginPolicy() != null ? d.marginPolicy()
                : e.getMarginPolicy();
        double transfer = d.transferLimitW() == null ? e.getTransferLimitW()
                : r.nonNegative(BudgetField.TRANSFER_LIMIT, d.transferLimitW());
        java.time.Instant bol = d.bolDate() != null ? d.bolDate() : e.getBolDate();
        if (bol.isBefore(EARLIEST) || bol.isAfter(LATEST)) {
            r.fail("bolDate", "Beginning-of-life date must lie between 1972 and 2100 (was " + bol + ")");
        }
        java.time.Instant missionEnd = d.missionEnd() != null ? d.missionEnd()
                : e.getMissionEnd() != null ? e.getMissionEnd() : bol.plus(DEFAULT_MISSION);
        if (!missionEnd.isAfter(bol)) {
            r.fail("missionEnd", "Mission end must be after the beginning of life (" + bol + ")");
        } else if (java.time.Duration.between(bol, missionEnd).toSeconds() > MAX_SPAN_DAYS * 86_400) {
            r.fail("missionEnd", "The mission span (beginning of life to mission end) must be at most 20 years ("
                    + (long) MAX_SPAN_DAYS + " days)");
        } else if (missionEnd.isAfter(LATEST)) {
            r.fail("missionEnd", "Mission end must lie before 2100 (was " + missionEnd + ")");
        }
        DesignEclipseSource source = d.eclipseSource() != null ? d.eclipseSource()
                : e.getEclipseSource() != null ? e.getEclipseSource() : DesignEclipseSource.HAND;
        java.time.Instant picked = null;
        if (source == DesignEclipseSource.PICKED) {
            picked = d.pickedEclipseStart() != null ? d.pickedEclipseStart() : e.getPickedEclipseStart();
            if (picked == null) {
                r.fail("pickedEclipseStart", "A picked design eclipse needs the start of the pass it was picked from");
            } else if (picked.isBefore(EARLIEST) || picked.isAfter(LATEST)) {
                r.fail("pickedEclipseStart", "Picked eclipse start must lie between 1972 and 2100 (was " + picked
                        + ")");
            }
        }
        org.gatewaypower.physics.load.EclipseShedding shedding = d.eclipseShedding() != null ? d.eclipseShedding()
                : e.getEclipseShedding() != null ? e.getEclipseShedding()
                : org.gatewaypower.physics.load.EclipseShedding.NONE;
        r.throwIfAny();
        e.apply(modeId, period, eclipse, age, timeline, perilune, spanStart, spanDays, failed, policy, transfer);
        e.setBolDate(bol);
        e.applyMission(missionEnd, source, picked, shedding);
    }
}
