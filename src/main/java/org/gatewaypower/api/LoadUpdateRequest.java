package org.gatewaypower.api;

import java.util.Map;

import org.gatewaypower.physics.load.LoadPriority;
import org.gatewaypower.physics.load.MaturityClass;
import org.gatewaypower.workspace.Bus;
import org.gatewaypower.workspace.Drafts;

/**
 * A load item as sent to the API: the version the client read (for optimistic locking), powers in W,
 * duty cycles in [0, 1] keyed by mode id, the duty cycle in eclipse in [0, 1] ({@code shadowDuty}; absent or null:
 * the same as in sunlight, in every mode where the item works).
 */
public record LoadUpdateRequest(Long version, Long elementId, String name, String subsystem, Bus bus,
                                Integer quantity, Double standbyPowerW, Double operatingPowerW, Double peakPowerW,
                                Map<Long, Double> dutyByMode, Double shadowDuty, MaturityClass maturity,
                                LoadPriority priority) {

    Drafts.LoadItemDraft toDraft() {
        return new Drafts.LoadItemDraft(elementId, name, subsystem, bus, quantity, standbyPowerW, operatingPowerW,
                peakPowerW, dutyByMode, shadowDuty, maturity, priority);
    }
}
