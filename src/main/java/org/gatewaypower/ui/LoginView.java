package org.gatewaypower.ui;

import com.vaadin.flow.component.html.Anchor;
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
import org.gatewaypower.security.SignInOptions;
import org.gatewaypower.security.SsoSignInRefused;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

@Route("login")
@PageTitle("Sign in · Gateway Power")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm login = new LoginForm();
    private final Paragraph refused = new Paragraph();

    /**
     * The password form when local passwords are on, and a "Sign in with …" link per configured OpenID
     * Connect provider (a plain link: the sign-in leaves the application for the provider's page).
     */
    public LoginView(SignInOptions options) {
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        add(new H1("Gateway Power"));
        refused.setId("sign-in-refused");
        refused.addClassNames("gp-login-hint", LumoUtility.TextColor.ERROR);
        refused.setVisible(false);
        add(refused);
        if (options.localPasswords()) {
            login.setAction("login");
            login.setForgotPasswordButtonVisible(false);
            add(login);
        }
        for (SignInOptions.Provider p : options.providers()) {
            Anchor link = new Anchor(p.path(), "Sign in with " + p.name());
            link.setRouterIgnore(true);
            link.setId("sso-" + p.registrationId());
            link.addClassNames("gp-login-hint", LumoUtility.Padding.SMALL, LumoUtility.Border.ALL,
                    LumoUtility.BorderRadius.MEDIUM, LumoUtility.TextAlignment.CENTER, LumoUtility.FontWeight.SEMIBOLD);
            add(link);
        }
        if (options.localPasswords()) {
            Paragraph hint = new Paragraph("Shared power budget of the Lunar Gateway partner teams. "
                    + "Demo accounts: admin, nasa, jaxa, esa, csa, mbrsc — password 'gateway' (demo data only).");
            // gp-login-hint (styles/gateway.css): as wide as the sign-in form, a width no utility sets.
            hint.addClassNames("gp-login-hint", LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
            add(hint);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            // Spring Security leaves the failure in the session; a throttled sign-in says how long to wait.
            Object failure = com.vaadin.flow.server.VaadinSession.getCurrent() == null ? null
                    : com.vaadin.flow.server.VaadinSession.getCurrent().getSession()
                            .getAttribute(org.springframework.security.web.WebAttributes.AUTHENTICATION_EXCEPTION);
            if (failure instanceof OAuth2AuthenticationException ex) {
                // Refused by Gateway Power (the message says why) or by the provider (its error code).
                refused.setText(ex instanceof SsoSignInRefused ? ex.getMessage()
                        : "Sign-in with the identity provider failed: " + (ex.getError().getDescription() == null
                                ? ex.getError().getErrorCode() : ex.getError().getDescription()));
                refused.setVisible(true);
                return;
            }
            login.setError(true);
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
