package org.gatewaypower.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.PermitAll;

import org.gatewaypower.security.Account;
import org.gatewaypower.security.AccountService;

/**
 * The frame around every signed-in page: product name, who is signed in, sign-out. Any signed-in user may
 * see it (Vaadin checks a layout's access rules too, and denies a layout without any).
 */
@PermitAll
public class MainLayout extends AppLayout {

    public MainLayout(AuthenticationContext auth, AccountService accounts) {
        Anchor home = new Anchor("", "Gateway Power");
        home.addClassNames(LumoUtility.FontWeight.SEMIBOLD, LumoUtility.FontSize.LARGE, LumoUtility.TextColor.BODY,
                "no-underline");
        String username = auth.getPrincipalName().orElse("");
        Account me = accounts.find(username).orElse(new Account(username, username, null, false, true));
        Span who = new Span(me.displayName() + (me.teamCode() == null ? "" : " · " + me.teamCode()));
        who.setId("current-user");
        who.addClassName(LumoUtility.TextColor.SECONDARY);
        Button signOut = new Button("Sign out", e -> auth.logout());
        signOut.setId("sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        com.vaadin.flow.router.RouterLink admin = new com.vaadin.flow.router.RouterLink("Administration",
                AdminView.class);
        admin.setId("admin-link");
        admin.setVisible(me.admin());
        com.vaadin.flow.router.RouterLink tokens = new com.vaadin.flow.router.RouterLink("API tokens",
                TokensView.class);
        tokens.setId("tokens-link");
        com.vaadin.flow.router.RouterLink account = new com.vaadin.flow.router.RouterLink("My account",
                AccountView.class);
        account.setId("account-link");
        HorizontalLayout bar = new HorizontalLayout(home, who, account, tokens, admin, signOut);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.expand(who);
        who.addClassName(LumoUtility.TextAlignment.RIGHT);
        bar.addClassName(LumoUtility.Padding.Horizontal.MEDIUM);
        addToNavbar(bar);
        // No navigation drawer: the pages link to each other. Vaadin 25 opens an (empty) drawer by default.
        setDrawerOpened(false);
    }
}
