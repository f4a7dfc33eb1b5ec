package org.gatewaypower.ui;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.PermitAll;

import org.gatewaypower.security.ApiTokenService;
import org.gatewaypower.workspace.InvalidInputException;

/** The user's personal API tokens: make one for a script (shown once), see when each was used, revoke. */
@Route(value = "tokens", layout = MainLayout.class)
@PageTitle("API tokens · Gateway Power")
@PermitAll
public class TokensView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final ApiTokenService tokens;
    private final String me;
    private final Grid<ApiTokenService.TokenInfo> grid = new Grid<>();
    private final TextField name = new TextField("Token name");

    public TokensView(ApiTokenService tokens, AuthenticationContext auth) {
        this.tokens = tokens;
        this.me = auth.getPrincipalName().orElse("");
        Paragraph how = new Paragraph("Scripts call the REST API with a token instead of your password: "
                + "curl -H 'Authorization: Bearer gp_…' http://host/api/v1/workspaces. A token acts as you, under "
                + "your roles; it is shown once when made and stored only as a hash. Revoke it when the script "
                + "no longer needs it.");
        how.addClassName(LumoUtility.TextColor.SECONDARY);
        name.setId("token-name");
        name.setPlaceholder("e.g. nightly budget export");
        name.setWidth("20rem");
        Button create = new Button("Create token", e -> create());
        create.setId("token-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout bar = new HorizontalLayout(name, create);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.setId("tokens");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(ApiTokenService.TokenInfo::name).setHeader("Name").setFlexGrow(2);
        grid.addColumn(t -> t.prefix() + "…").setHeader("Token").setFlexGrow(1);
        grid.addColumn(t -> TIME.format(t.createdAt())).setHeader("Created").setFlexGrow(1);
        grid.addColumn(t -> t.lastUsedAt() == null ? "never" : TIME.format(t.lastUsedAt())).setHeader("Last used")
                .setFlexGrow(1);
        grid.addComponentColumn(t -> {
            Button revoke = new Button("Revoke", e -> {
                tokens.revoke(t.id(), me);
                refresh();
            });
            revoke.setId("token-revoke-" + t.id());
            revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            return revoke;
        }).setFlexGrow(0).setWidth("7rem");
        grid.setAllRowsVisible(true);
        add(new H2("API tokens"), how, bar, grid);
        refresh();
    }

    private void create() {
        try {
            ApiTokenService.NewToken made = tokens.create(name.getValue(), me);
            name.clear();
            name.setInvalid(false);
            refresh();
            Dialog shown = new Dialog();
            shown.setHeaderTitle("Token " + made.info().name());
            Span secret = new Span(made.secret());
            secret.setId("token-secret");
            // gp-secret (styles/gateway.css): monospace, so that similar characters are told apart; no utility sets it.
            secret.addClassNames("gp-secret", LumoUtility.FontSize.LARGE);
            shown.add(new Paragraph("Copy it now: it is not shown again."), secret);
            Button close = new Button("Done", e -> shown.close());
            close.setId("token-done");
            shown.getFooter().add(close);
            shown.open();
        } catch (InvalidInputException ex) {
            name.setErrorMessage(ex.violations().get(0).message());
            name.setInvalid(true);
        }
    }

    private void refresh() {
        grid.setItems(tokens.tokens(me));
    }
}
