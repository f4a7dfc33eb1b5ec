package org.gatewaypower.security;

import com.vaadin.flow.component.Component;

/**
 * The page that signs a browser in, named by the module that draws it (the UI's {@code LoginRoute}): the UI
 * filter chain sends unauthenticated navigation there, and this module needs no dependency on the views.
 */
@FunctionalInterface
public interface SignInPage {

    /** The route class of the sign-in page. */
    Class<? extends Component> view();
}
