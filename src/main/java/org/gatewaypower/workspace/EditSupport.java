package org.gatewaypower.workspace;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.gatewaypower.workspace.internal.AuditActor;
import org.gatewaypower.workspace.internal.AuditedEntity;
import org.gatewaypower.workspace.internal.BatteryEntity;
import org.gatewaypower.workspace.internal.DesignCaseEntity;
import org.gatewaypower.workspace.internal.ElementEntity;
import org.gatewaypower.workspace.internal.ElementRepository;
import org.gatewaypower.workspace.internal.LoadItemEntity;
import org.gatewaypower.workspace.internal.PartnerTeamEntity;
import org.gatewaypower.workspace.internal.PartnerTeamRepository;
import org.gatewaypower.workspace.internal.SolarArrayEntity;
import org.gatewaypower.workspace.internal.WorkspaceRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.stereotype.Component;

/**
 * What every edit of the workspace services does the same way: it names its actor for the audit
 * trail, refuses stale versions (also when the race is lost at flush time), announces the change and
 * maps entities to read models. Kept in one place so that the services cannot drift apart on these rules.
 */
@Component
class EditSupport {

    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final StaleEdits staleEdits;
    private final WorkspaceRepository workspaces;
    private final ElementRepository elements;
    private final PartnerTeamRepository teams;

    EditSupport(Clock clock, ApplicationEventPublisher events, StaleEdits staleEdits, WorkspaceRepository workspaces,
                ElementRepository elements, PartnerTeamRepository teams) {
        this.clock = clock;
        this.events = events;
        this.staleEdits = staleEdits;
        this.workspaces = workspaces;
        this.elements = elements;
        this.teams = teams;
    }

    // ---------------------------------------------------------------- editing

    /** Names who makes this transaction's changes: the services take the actor as a parameter, Envers reads it. */
    static void auditAs(String actor) {
        AuditActor.set(actor);
    }

    java.time.Instant now() {
        return clock.instant();
    }

    /** Marks the entity as last changed by {@code actor}, now. */
    void touch(AuditedEntity e, String actor) {
        e.touch(actor, clock.instant());
    }

    /** Refuses an edit based on another version than the current one, naming who saved it. */
    static void requireVersion(WorkspaceChanged.Kind kind, AuditedEntity e, long expectedVersion) {
        if (e.getVersion() != expectedVersion) {
            throw new StaleEditException(kind, e.getId(), expectedVersion, e.getVersion(), e.getUpdatedBy(),
                    e.getUpdatedAt());
        }
    }

    /**
     * Flushes an edit; a concurrent commit between our read and this write surfaces as an optimistic
     * locking failure, which we report exactly like a stale version.
     */
    <T> T flush(Supplier<T> write, WorkspaceChanged.Kind kind, AuditedEntity e, long expectedVersion) {
        try {
            return write.get();
        } catch (OptimisticLockingFailureException ex) {
            throw staleEdits.refused(kind, e.getClass(), e.getId(), expectedVersion);
        }
    }

    /** Removes an entity and flushes at once, so that a concurrent edit is refused like a stale version. */
    <E extends AuditedEntity> void remove(JpaRepository<E, Long> repository, WorkspaceChanged.Kind kind, E e,
                                          long expectedVersion) {
        repository.delete(e);
        flush(() -> {
            repository.flush();
            return e;
        }, kind, e, expectedVersion);
    }

    /** Announces a saved change; listeners in other modules act on it after the commit. */
    void publish(long workspaceId, WorkspaceChanged.Kind kind, long id, WorkspaceChanged.Change change, String actor,
                 String description) {
        events.publishEvent(new WorkspaceChanged(workspaceId, kind, id, change, actor, description));
    }

    // ---------------------------------------------------------------- lookups

    void requireWorkspace(long workspaceId) {
        if (!workspaces.existsById(workspaceId)) {
            throw new NotFoundException("workspace", workspaceId);
        }
    }

    long workspaceOfElement(long elementId) {
        return elements.findById(elementId).map(ElementEntity::getWorkspaceId)
                .orElseThrow(() -> new NotFoundException("element", elementId));
    }

    /** "element HALO" for messages; "an element" when none is named. */
    String elementName(Long elementId) {
        return elementId == null ? "an element" : elements.findById(elementId).map(x -> "element " + x.getName())
                .orElse("element " + elementId);
    }

    /** The team owning a battery or array: its own owner when set, else its element's owner. */
    long owner(Long ownTeamId, long elementId) {
        return ownTeamId != null ? ownTeamId : elements.findById(elementId).map(ElementEntity::getOwnerTeamId)
                .orElseThrow(() -> new NotFoundException("element", elementId));
    }

    static Long effectiveOwner(Long ownTeamId, Long elementOwnerTeamId) {
        return ownTeamId != null ? ownTeamId : elementOwnerTeamId;
    }

    Map<Long, String> teamCodes() {
        return teams.findAll().stream().collect(Collectors.toMap(PartnerTeamEntity::getId, PartnerTeamEntity::getCode));
    }

    Optional<Long> teamIdOf(String code) {
        return teams.findByCode(code).map(PartnerTeamEntity::getId);
    }

    /** The id of the team with this code, or null with a violation naming {@code field} as the client sent it. */
    Long teamId(Rules r, String field, String code) {
        Optional<Long> id = code == null || code.length() > 16 ? Optional.empty() : teamIdOf(code);
        if (id.isEmpty()) {
            String shown = code == null ? "null" : code.length() > 40 ? code.substring(0, 40) + "…" : code;
            r.fail(field, "Team must be an existing team's code (" + teamCodes().values().stream().sorted()
                    .collect(Collectors.joining(", ")) + "); " + shown + " is not");
        }
        return id.orElse(null);
    }

    // ---------------------------------------------------------------- read models

    static ReadModels.Team toView(PartnerTeamEntity t) {
        return new ReadModels.Team(t.getId(), t.getCode(), t.getName());
    }

    static ReadModels.Element toView(ElementEntity e, Map<Long, String> teamCodes) {
        return new ReadModels.Element(e.getId(), e.getName(), e.getKind(), e.getOwnerTeamId(),
                teamCodes.get(e.getOwnerTeamId()), e.getVersion());
    }

    static ReadModels.LoadItem toView(LoadItemEntity e) {
        return new ReadModels.LoadItem(e.getId(), e.getElementId(), e.getName(), e.getSubsystem(), e.getBus(),
                e.getQuantity(), e.getStandbyPowerW(), e.getOperatingPowerW(), e.getPeakPowerW(), e.getDutyByMode(),
                e.getShadowDuty(), e.getMaturity(), e.getPriority(), e.getVersion(), e.getUpdatedAt(),
                e.getUpdatedBy());
    }

    /** A battery with the code of the team that owns it (its own or its element's). */
    ReadModels.Battery toView(BatteryEntity e) {
        return toView(e, teamCodes().get(owner(e.getOwnerTeamId(), e.getElementId())));
    }

    /** An array with the code of the team that owns it (its own or its element's). */
    ReadModels.SolarArray toView(SolarArrayEntity e) {
        return toView(e, teamCodes().get(owner(e.getOwnerTeamId(), e.getElementId())));
    }

    static ReadModels.Battery toView(BatteryEntity e, String ownerTeamCode) {
        return new ReadModels.Battery(e.getId(), e.getElementId(), e.getName(), e.getCapacityJ(),
                e.getMinStateOfCharge(), e.getMaxStateOfCharge(), e.getChargeEfficiency(), e.getDischargeEfficiency(),
                e.getMaxChargePowerW(), e.getMaxDischargePowerW(), e.getInitialStateOfCharge(),
                e.getCapacityFadePerYear(), e.getVersion(), e.getUpdatedAt(), e.getUpdatedBy(), ownerTeamCode);
    }

    static ReadModels.SolarArray toView(SolarArrayEntity e, String ownerTeamCode) {
        return new ReadModels.SolarArray(e.getId(), e.getElementId(), e.getName(), e.getRatedPowerW(),
                e.getDegradationPerYear(), e.getPathEfficiency(), e.getIncidenceDeg(),
                e.getTemperatureCoefficientPerK(), e.getTemperatureOffsetK(), e.getVersion(), e.getUpdatedAt(),
                e.getUpdatedBy(), ownerTeamCode);
    }

    static ReadModels.DesignCase toView(DesignCaseEntity e) {
        return new ReadModels.DesignCase(e.getId(), e.getActiveModeId(), e.getOrbitPeriodS(), e.getEclipseDurationS(),
                e.getArrayAgeYears(), e.getTimeline(), e.getPeriluneEpoch(), e.getSpanStart(), e.getSpanDays(),
                e.getFailedCapacityShare(), e.getMarginPolicy(), e.getTransferLimitW(), e.getBolDate(),
                e.getMissionEnd(), e.getEclipseSource(), e.getPickedEclipseStart(), e.getEclipseShedding(),
                e.getVersion(), e.getUpdatedAt(), e.getUpdatedBy());
    }
}
