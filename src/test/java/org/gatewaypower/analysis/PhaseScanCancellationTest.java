package org.gatewaypower.analysis;

import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A phase scan reports each phase done and stops, after the phase it is in, when its thread is interrupted. */
class PhaseScanCancellationTest {

    @Test
    void an_interrupted_scan_stops_after_the_phase_it_is_in_and_says_so() throws Exception {
        EclipseService eclipses = new EclipseService();
        Instant p = Instant.parse("2027-01-01T00:00:00Z");
        AtomicInteger done = new AtomicInteger();
        AtomicReference<Throwable> ended = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                eclipses.phaseScan(p, p, Instant.parse("2027-03-01T00:00:00Z"), 12, n -> {
                    done.set(n);
                    if (n == 2) {
                        Thread.currentThread().interrupt();
                    }
                });
            } catch (Throwable e) {
                ended.set(e);
            }
        });
        t.start();
        t.join(60_000);
        assertThat(ended.get()).isInstanceOf(CancellationException.class)
                .hasMessageContaining("after 3 of 12 phases");
        assertThat(done.get()).isEqualTo(2);
    }
}
