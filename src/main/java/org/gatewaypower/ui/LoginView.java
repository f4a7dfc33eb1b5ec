package org.gatewaypower.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.theme.lumo.LumoUtility;

import org.gatewaypower.security.LoginThrottledException;

@Route("login")
@PageTitle("Sign in · Gateway Power")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm login = new LoginForm();

    public LoginView() {
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        Paragraph hint = new Paragraph("Shared power budget of the Lunar Gateway partner teams. "
                + "Demo accounts: admin, nasa, jaxa, esa, csa, mbrsc — password 'gateway' (demo data only).");
        // gp-login-hint (styles/gateway.css): as wide as the sign-in form, a width no utility sets.
        hint.addClassNames("gp-login-hint", LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        add(new H1("Gateway Power"), login, hint);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            login.setError(true);
            // Spring Security leaves the failure in the session; a throttled sign-in says how long to wait.
            Object failure = com.vaadin.flow.server.VaadinSession.getCurrent() == null ? null
                    : com.vaadin.flow.server.VaadinSession.getCurrent().getSession()
                            .getAttribute(org.springframework.security.web.WebAttributes.AUTHENTICATION_EXCEPTION);
            if (failure instanceof LoginThrottledException ex) {
                com.vaadin.flow.component.login.LoginI18n i18n = com.vaadin.flow.component.login.LoginI18n
                        .createDefault();
                i18n.getErrorMessage().setTitle("Too many failed sign-ins");
                i18n.getErrorMessage().setMessage(ex.getMessage() + ". Ask an administrator if you are locked out.");
                login.setI18n(i18n);
            }
        }
    }
}
