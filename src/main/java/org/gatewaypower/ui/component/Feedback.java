package org.gatewaypower.ui.component;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.gatewaypower.workspace.StaleEditException;

/** Short messages shown to the user after an action. */
public final class Feedback {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private Feedback() {
    }

    public static void error(String text) {
        Notification n = Notification.show(text, 8000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    public static void info(String text) {
        Notification n = Notification.show(text, 4000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_CONTRAST);
    }

    public static void saved(String text) {
        Notification n = Notification.show(text, 2500, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    /** The message for an edit that lost the race: who saved first, when, and that nothing was saved. */
    public static String stale(StaleEditException ex, String what) {
        String when = ex.lastEditedAt() == null ? "" : " at " + TIME.format(ex.lastEditedAt());
        return "Not saved: " + ex.lastEditedBy() + " changed " + what + when
                + " after you opened it. Their values are shown now; re-apply your change if it still holds.";
    }
}
