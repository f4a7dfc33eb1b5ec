package org.gatewaypower.ui;

import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

import org.springframework.stereotype.Component;

/**
 * What the browser says when its UI is gone on the server. That happens after 30 minutes without activity,
 * and on several nodes whenever the node holding the browser's session stops or dies: the proxy sends the
 * browser to a live node, which does not know the session. Vaadin's default reloads the page at once, which
 * signs the user out and drops, without a word, whatever was typed and not yet saved (an editor without its
 * Enter). Here the browser stays on the page and says so first; clicking the message (or pressing Esc)
 * reloads, which leads to the sign-in page. The same holds for an answer the browser cannot match to its UI
 * (out of sync) and for an internal error.
 */
@Component
class SessionEndMessages implements VaadinServiceInitListener {

    static final String NOT_SAVED = "Anything you typed and had not saved yet was NOT saved: note it before you "
            + "continue. Everything shown as saved is kept.";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        CustomizedSystemMessages messages = new CustomizedSystemMessages();
        messages.setSessionExpiredNotificationEnabled(true);
        messages.setSessionExpiredCaption("You were signed out");
        messages.setSessionExpiredMessage("Your session ended (30 minutes without activity, or the server that "
                + "served you stopped). " + NOT_SAVED + " Click here to sign in again.");
        messages.setSyncErrorNotificationEnabled(true);
        messages.setSyncErrorCaption("This page lost track of the server");
        messages.setSyncErrorMessage(NOT_SAVED + " Click here to reload the page.");
        messages.setInternalErrorNotificationEnabled(true);
        messages.setInternalErrorCaption("The server could not answer");
        messages.setInternalErrorMessage(NOT_SAVED + " Click here to reload the page.");
        event.getSource().setSystemMessagesProvider(info -> messages);
    }
}
