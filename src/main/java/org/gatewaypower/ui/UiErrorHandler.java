package org.gatewaypower.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Unexpected errors in the UI are logged and told to the user, instead of vanishing into the server
 * log while the screen looks as if nothing happened.
 */
@Component
class UiErrorHandler implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(UiErrorHandler.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        ErrorHandler handler = (ErrorEvent error) -> {
            Throwable refused = forbidden(error.getThrowable());
            if (refused != null) {
                // An action the access rules refuse is not an error of the application: say why, plainly.
                UI ui = UI.getCurrent();
                if (ui != null) {
                    ui.access(() -> {
                        Notification n = Notification.show("Not saved: " + refused.getMessage(), 8000,
                                Notification.Position.MIDDLE);
                        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
                    });
                }
                return;
            }
            log.error("Unexpected error in the UI", error.getThrowable());
            UI ui = UI.getCurrent();
            if (ui != null) {
                ui.access(() -> {
                    Notification n = Notification.show("Something went wrong and this action did not complete: "
                            + error.getThrowable().getClass().getSimpleName()
                            + ". Reload the page to see what is saved.", 8000, Notification.Position.MIDDLE);
                    n.addThemeVariants(NotificationVariant.LUMO_ERROR);
                });
            }
        };
        event.getSource().addSessionInitListener(e -> e.getSession().setErrorHandler(handler));
    }

    private static Throwable forbidden(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof org.gatewaypower.workspace.ForbiddenException) {
                return c;
            }
        }
        return null;
    }
}
