package org.gatewaypower.ui;

import org.gatewaypower.security.SignInPage;
import org.springframework.stereotype.Component;

/** Tells the security configuration which view signs users in. */
@Component
class LoginRoute implements SignInPage {

    @Override
    public Class<? extends com.vaadin.flow.component.Component> view() {
        return LoginView.class;
    }
}
