package org.gatewaypower.ui.workspace;

import org.gatewaypower.workspace.Drafts;
import org.gatewaypower.workspace.ReadModels;

/**
 * The draft beans the battery and solar array forms' {@link com.vaadin.flow.data.binder.Binder}s read and
 * write: mutable, because Binder writes field by field; values in SI as in {@link Drafts}.
 */
final class SourceBeans {

    private SourceBeans() {
    }

    /** A battery as its form edits it (J, fractions, W, fraction per year). */
    static final class Battery {
        String name;
        Double capacityJ;
        Double minStateOfCharge;
        Double maxStateOfCharge;
        Double initialStateOfCharge;
        Double chargeEfficiency;
        Double dischargeEfficiency;
        Double maxChargePowerW;
        Double maxDischargePowerW;
        Double capacityFadePerYear;

        static Battery of(ReadModels.Battery b) {
            Battery out = new Battery();
            out.name = b.name();
            out.capacityJ = b.capacityJ();
            out.minStateOfCharge = b.minStateOfCharge();
            out.maxStateOfCharge = b.maxStateOfCharge();
            out.initialStateOfCharge = b.initialStateOfCharge();
            out.chargeEfficiency = b.chargeEfficiency();
            out.dischargeEfficiency = b.dischargeEfficiency();
            out.maxChargePowerW = b.maxChargePowerW();
            out.maxDischargePowerW = b.maxDischargePowerW();
            out.capacityFadePerYear = b.capacityFadePerYear();
            return out;
        }

        Drafts.BatteryDraft draft() {
            return new Drafts.BatteryDraft(name, capacityJ, minStateOfCharge, maxStateOfCharge, chargeEfficiency,
                    dischargeEfficiency, maxChargePowerW, maxDischargePowerW, initialStateOfCharge,
                    capacityFadePerYear);
        }
    }

    /** A solar array as its form edits it (W, fractions, degrees, 1/K, K). */
    static final class Array {
        String name;
        Double ratedPowerW;
        Double degradationPerYear;
        Double pathEfficiency;
        Double incidenceDeg;
        Double temperatureCoefficientPerK;
        Double temperatureOffsetK;

        static Array of(ReadModels.SolarArray a) {
            Array out = new Array();
            out.name = a.name();
            out.ratedPowerW = a.ratedPowerW();
            out.degradationPerYear = a.degradationPerYear();
            out.pathEfficiency = a.pathEfficiency();
            out.incidenceDeg = a.incidenceDeg();
            out.temperatureCoefficientPerK = a.temperatureCoefficientPerK();
            out.temperatureOffsetK = a.temperatureOffsetK();
            return out;
        }

        Drafts.SolarArrayDraft draft() {
            return new Drafts.SolarArrayDraft(name, ratedPowerW, degradationPerYear, pathEfficiency, incidenceDeg,
                    temperatureCoefficientPerK, temperatureOffsetK);
        }
    }
}
