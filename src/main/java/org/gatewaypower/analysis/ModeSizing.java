package org.gatewaypower.analysis;

/**
 * Source-driven sizing of one operating mode at the design array age, one line of {@link BalanceReport#sizing()}.
 *
 * @param modeId        the mode
 * @param modeName      its name
 * @param mevAverageW   the mode's orbit-average MEV load (W)
 * @param maxExtraLoadW the largest extra constant load with every check passing (W), 0 when the mode already fails
 *                      a check
 */
public record ModeSizing(long modeId, String modeName, double mevAverageW, double maxExtraLoadW) {
}
