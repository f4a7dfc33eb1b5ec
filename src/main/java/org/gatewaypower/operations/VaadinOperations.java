package org.gatewaypower.operations;

import java.util.concurrent.atomic.AtomicInteger;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * The Vaadin side of operations: how many browser sessions and pages (UIs) are open, and the workspace a
 * UI request works on, for the log lines of that request ({@link RequestLogContext} sets the user).
 *
 * <p>Counting assumes Vaadin fires exactly one destroy per initialised session and one detach per
 * initialised UI (a closed tab's UI is detached when its heartbeats stop, a session's UIs when it ends).
 */
@Component
class VaadinOperations implements VaadinServiceInitListener {

    private final AtomicInteger sessions = new AtomicInteger();
    private final AtomicInteger uis = new AtomicInteger();

    VaadinOperations(MeterRegistry registry) {
        Gauge.builder("gateway.vaadin.sessions", sessions, AtomicInteger::get)
                .description("Open Vaadin (browser) sessions on this node").baseUnit("sessions").register(registry);
        Gauge.builder("gateway.vaadin.uis", uis, AtomicInteger::get)
                .description("Open Vaadin UIs (browser tabs showing a page) on this node").baseUnit("uis")
                .register(registry);
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> sessions.incrementAndGet());
        event.getSource().addSessionDestroyListener(e -> sessions.decrementAndGet());
        event.getSource().addUIInitListener(e -> {
            uis.incrementAndGet();
            e.getUI().addDetachListener(d -> uis.decrementAndGet());
        });
        // Handlers added here run before Vaadin's own, on the request's thread: the MDC value stays for the
        // rest of the request and RequestLogContext clears it at the end.
        event.addRequestHandler(VaadinOperations::workspaceOfRequest);
    }

    /** Puts the workspace of the UI a request is for into the log context; never handles the request. */
    private static boolean workspaceOfRequest(VaadinSession session, VaadinRequest request, VaadinResponse response) {
        String uiId = request.getParameter("v-uiId");
        if (uiId == null || uiId.isEmpty() || uiId.length() > 9 || !uiId.chars().allMatch(Character::isDigit)) {
            return false;
        }
        String path;
        session.lock();
        try {
            UI ui = session.getUIById(Integer.parseInt(uiId));
            var location = ui == null ? null : ui.getActiveViewLocation();
            path = location == null ? null : location.getPath();
        } finally {
            session.unlock();
        }
        RequestLogContext.workspaceFromPath(path);
        return false;
    }

    int sessions() {
        return sessions.get();
    }

    int uis() {
        return uis.get();
    }
}
