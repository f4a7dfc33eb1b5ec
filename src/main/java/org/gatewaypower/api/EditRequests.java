package org.gatewaypower.api;

import java.time.Instant;
import java.util.List;

import org.gatewaypower.physics.load.MarginPolicy;
import org.gatewaypower.workspace.AnalysisTimeline;
import org.gatewaypower.workspace.Drafts;
import org.gatewaypower.workspace.InvalidInputException;
import org.gatewaypower.workspace.WorkspaceRole;

/**
 * Request bodies of the edit endpoints: SI values (W, J, s, fractions) named with their units, and the
 * version the client read, so that a save based on old values is refused (409) instead of overwriting.
 */
final class EditRequests {

    private EditRequests() {
    }

    /** The version a client must send with every change of an existing thing. */
    static long requireVersion(Long version) {
        if (version == null) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldViolation("version",
                    "Version is required: send the version you read, so that nobody's edit is overwritten")));
        }
        return version;
    }

    record BatteryUpdate(Long version, String name, Double capacityJ, Double minStateOfCharge,
                         Double maxStateOfCharge, Double chargeEfficiency, Double dischargeEfficiency,
                         Double maxChargePowerW, Double maxDischargePowerW, Double initialStateOfCharge,
                         Double capacityFadePerYear) {

        Drafts.BatteryDraft toDraft() {
            return new Drafts.BatteryDraft(name, capacityJ, minStateOfCharge, maxStateOfCharge, chargeEfficiency,
                    dischargeEfficiency, maxChargePowerW, maxDischargePowerW, initialStateOfCharge,
                    capacityFadePerYear);
        }
    }

    record ArrayUpdate(Long version, String name, Double ratedPowerW, Double degradationPerYear,
                       Double pathEfficiency, Double incidenceDeg, Double temperatureCoefficientPerK,
                       Double temperatureOffsetK) {

        Drafts.SolarArrayDraft toDraft() {
            return new Drafts.SolarArrayDraft(name, ratedPowerW, degradationPerYear, pathEfficiency, incidenceDeg,
                    temperatureCoefficientPerK, temperatureOffsetK);
        }
    }

    record DesignCaseUpdate(Long version, Long activeModeId, Double orbitPeriodS, Double eclipseDurationS,
                            Double arrayAgeYears, AnalysisTimeline timeline, Instant periluneEpoch,
                            Instant spanStart, Double spanDays, Double failedCapacityShare,
                            MarginPolicy marginPolicy, Double transferLimitW, Instant bolDate, Instant missionEnd,
                            org.gatewaypower.workspace.DesignEclipseSource eclipseSource, Instant pickedEclipseStart,
                            org.gatewaypower.physics.load.EclipseShedding eclipseShedding) {

        Drafts.DesignCaseDraft toDraft() {
            return new Drafts.DesignCaseDraft(activeModeId, orbitPeriodS, eclipseDurationS, arrayAgeYears, timeline,
                    periluneEpoch, spanStart, spanDays, failedCapacityShare, marginPolicy, transferLimitW, bolDate,
                    missionEnd, eclipseSource, pickedEclipseStart, eclipseShedding);
        }
    }

    record MemberRole(WorkspaceRole role) {
    }
}
