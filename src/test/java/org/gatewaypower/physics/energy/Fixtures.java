package org.gatewaypower.physics.energy;

import java.util.List;

/** Small builders for hand-computed physics cases. */
final class Fixtures {

    static final double WH = 3600.0;
    static final double KWH = 3.6e6;

    private Fixtures() {
    }

    static BatteryBank bank(double capacityKwh, double floor, double ceiling, double initial, double etaC, double etaD,
                            double maxChargeW, double maxDischargeW) {
        return BatteryBank.of(List.of(new BatterySpec("b", capacityKwh * KWH, floor, ceiling, etaC, etaD, maxChargeW,
                maxDischargeW, initial)));
    }

    static SunlightTimeline dark(double seconds) {
        return new SunlightTimeline(List.of(new SunlightSegment(seconds, 0.0, 1.0)));
    }

    static SunlightTimeline sun(double seconds) {
        return new SunlightTimeline(List.of(new SunlightSegment(seconds, 1.0, 1.0)));
    }

    static List<SolarArraySpec> array(double busPowerW, double pathEfficiency) {
        return List.of(new SolarArraySpec("a", busPowerW / pathEfficiency, 0.0, pathEfficiency));
    }
}
