package org.gatewaypower.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.RolesAllowed;

import org.gatewaypower.security.Account;
import org.gatewaypower.security.AccountService;
import org.gatewaypower.workspace.ForbiddenException;
import org.gatewaypower.workspace.InvalidInputException;
import org.gatewaypower.workspace.MembershipService;
import org.gatewaypower.workspace.TeamDirectory;
import org.gatewaypower.workspace.ReadModels;

/**
 * Administration: accounts and partner teams. No e-mail is involved: the administrator sets a first
 * password and hands it over; it is stored only as a bcrypt hash.
 */
@Route(value = "admin", layout = MainLayout.class)
@PageTitle("Administration · Gateway Power")
@RolesAllowed("ADMIN")
public class AdminView extends VerticalLayout {

    private final AccountService accounts;
    private final MembershipService membership;
    private final TeamDirectory teams;
    private final String me;
    private final Grid<Account> users = new Grid<>();
    private final Grid<ReadModels.Team> teamGrid = new Grid<>();
    private final Select<String> team = new Select<>();
    private final Span userErrors = new Span();
    private final Span teamErrors = new Span();

    private final org.gatewaypower.security.ApiTokenService tokens;
    private final org.gatewaypower.security.LoginThrottle throttle;
    private final Grid<org.gatewaypower.security.LoginThrottle.Lock> locks = new Grid<>();
    private final Grid<org.gatewaypower.workspace.AuditLog.Event> history = new Grid<>();

    public AdminView(AccountService accounts, MembershipService membership, TeamDirectory teams,
                     AuthenticationContext auth, org.gatewaypower.security.ApiTokenService tokens,
                     org.gatewaypower.security.LoginThrottle throttle,
                     org.gatewaypower.operations.BackupService backups) {
        this.tokens = tokens;
        this.throttle = throttle;
        this.accounts = accounts;
        this.membership = membership;
        this.teams = teams;
        this.me = auth.getPrincipalName().orElse("");
        add(new H2("Administration"), new H3("Accounts"), userForm(), userErrors, users,
                new H3("Sign-in locks"), locks, new H3("Partner teams"), teamForm(), teamErrors, teamGrid,
                new H3("Account history"), history, new BackupPanel(backups, me));
        users.setId("admin-users");
        users.addThemeVariants(GridVariant.LUMO_COMPACT);
        users.addColumn(Account::username).setHeader("User");
        users.addColumn(Account::displayName).setHeader("Name");
        users.addColumn(a -> a.teamCode() == null ? "—" : a.teamCode()).setHeader("Team");
        users.addColumn(a -> a.admin() ? "Administrator" : "").setHeader("Role");
        users.addComponentColumn(this::status).setHeader("Status").setAutoWidth(true);
        users.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFlexGrow(0);
        users.setAllRowsVisible(true);
        locks.setId("admin-locks");
        locks.addThemeVariants(GridVariant.LUMO_COMPACT);
        locks.addColumn(l -> l.kind() == org.gatewaypower.security.LoginThrottle.Kind.ACCOUNT ? "Account" : "Address")
                .setHeader("Locked").setFlexGrow(0).setWidth("8rem");
        locks.addColumn(org.gatewaypower.security.LoginThrottle.Lock::key).setHeader("Who");
        locks.addColumn(org.gatewaypower.security.LoginThrottle.Lock::failures).setHeader("Failed attempts");
        locks.addColumn(l -> l.until().toString()).setHeader("Until (UTC)");
        locks.addComponentColumn(l -> l.kind() != org.gatewaypower.security.LoginThrottle.Kind.ACCOUNT ? new Span()
                : new Button("Lift", e -> {
                    throttle.unlock(l.key());
                    ok("Sign-in lock of " + l.key() + " lifted");
                    refresh();
                })).setFlexGrow(0).setAutoWidth(true);
        locks.setAllRowsVisible(true);
        history.setId("admin-history");
        history.addThemeVariants(GridVariant.LUMO_COMPACT);
        history.addColumn(e -> e.at().toString()).setHeader("When (UTC)").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(org.gatewaypower.workspace.AuditLog.Event::actor).setHeader("Who").setAutoWidth(true)
                .setFlexGrow(0);
        history.addColumn(org.gatewaypower.workspace.AuditLog.Event::detail).setHeader("What");
        history.setHeight("18rem");
        teamGrid.setId("admin-teams");
        teamGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
        teamGrid.addColumn(ReadModels.Team::code).setHeader("Code").setFlexGrow(0).setWidth("8rem");
        teamGrid.addColumn(ReadModels.Team::name).setHeader("Name");
        teamGrid.setAllRowsVisible(true);
        for (Span s : new Span[] {userErrors, teamErrors}) {
            s.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.FontSize.SMALL);
        }
        refresh();
    }

    private HorizontalLayout userForm() {
        TextField username = new TextField("Username");
        username.setId("new-user-username");
        TextField name = new TextField("Display name");
        name.setId("new-user-name");
        PasswordField password = new PasswordField("First password");
        password.setId("new-user-password");
        password.setHelperText("At least " + org.gatewaypower.security.PasswordPolicy.MIN_LENGTH
                + " characters; not a common password");
        team.setLabel("Team");
        team.setId("new-user-team");
        team.setEmptySelectionAllowed(true);
        team.setEmptySelectionCaption("No team");
        Checkbox admin = new Checkbox("Administrator");
        admin.setId("new-user-admin");
        Button create = new Button("Create account", e -> {
            userErrors.setText("");
            try {
                Account a = accounts.create(username.getValue(), name.getValue(), password.getValue(),
                        team.getValue(), admin.getValue(), me);
                ok("Account " + a.username() + " created");
                username.clear();
                name.clear();
                password.clear();
                admin.clear();
                refresh();
            } catch (InvalidInputException | ForbiddenException ex) {
                userErrors.setText("Not created: " + ex.getMessage());
            }
        });
        create.setId("new-user-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(username, name, password, team, admin, create);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        return form;
    }

    private HorizontalLayout teamForm() {
        TextField code = new TextField("Code");
        code.setId("new-team-code");
        code.setHelperText("Upper-case, e.g. KARI");
        TextField name = new TextField("Name");
        name.setId("new-team-name");
        name.setWidth("24rem");
        Button create = new Button("Add team", e -> {
            teamErrors.setText("");
            try {
                ReadModels.Team t = membership.createTeam(code.getValue(), name.getValue(), me);
                ok("Team " + t.code() + " added");
                code.clear();
                name.clear();
                refresh();
            } catch (InvalidInputException | ForbiddenException ex) {
                teamErrors.setText("Not added: " + ex.getMessage());
            }
        });
        create.setId("new-team-create");
        HorizontalLayout form = new HorizontalLayout(code, name, create);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        return form;
    }

    private Span status(Account a) {
        Span s = new Span(a.enabled() ? "Active" : "Disabled");
        s.getElement().getThemeList().add(a.enabled() ? "badge success" : "badge error");
        return s;
    }

    /** Disable or enable, reset the password, revoke the API tokens. */
    private HorizontalLayout actions(Account a) {
        Button toggle = new Button(a.enabled() ? "Disable" : "Enable", e -> run(() -> {
            accounts.setEnabled(a.username(), !a.enabled(), me);
            ok("Account " + a.username() + (a.enabled() ? " disabled" : " enabled"));
        }));
        toggle.setId("toggle-" + a.username());
        toggle.setEnabled(!a.username().equals(me));
        Button reset = new Button("Reset password", e -> resetPassword(a));
        reset.setId("reset-" + a.username());
        Button revoke = new Button("Revoke tokens", e -> run(() -> {
            int n = tokens.revokeAll(a.username(), me);
            ok(n + " API token" + (n == 1 ? "" : "s") + " of " + a.username() + " revoked");
        }));
        revoke.setId("revoke-" + a.username());
        for (Button b : new Button[] {toggle, reset, revoke}) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        return new HorizontalLayout(toggle, reset, revoke);
    }

    private void resetPassword(Account a) {
        com.vaadin.flow.component.dialog.Dialog d = new com.vaadin.flow.component.dialog.Dialog();
        d.setHeaderTitle("New password for " + a.username());
        PasswordField password = new PasswordField("New password");
        password.setId("reset-password");
        password.setHelperText("At least " + org.gatewaypower.security.PasswordPolicy.MIN_LENGTH
                + " characters; not a common password. Hand it over; they can change it on their Account page.");
        password.setWidth("24rem");
        Button save = new Button("Set password", e -> {
            try {
                accounts.resetPassword(a.username(), password.getValue(), me);
                throttle.unlock(a.username());
                ok("Password of " + a.username() + " reset");
                d.close();
                refresh();
            } catch (InvalidInputException | ForbiddenException ex) {
                password.setInvalid(true);
                password.setErrorMessage(ex.getMessage());
            }
        });
        save.setId("reset-password-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.add(password);
        d.getFooter().add(new Button("Cancel", e -> d.close()), save);
        d.open();
    }

    private void run(Runnable action) {
        userErrors.setText("");
        try {
            action.run();
        } catch (InvalidInputException | ForbiddenException ex) {
            userErrors.setText(ex.getMessage());
        }
        refresh();
    }

    private void refresh() {
        users.setItems(accounts.list(me));
        locks.setItems(throttle.locks());
        history.setItems(accounts.accountHistory(me, 200));
        var all = teams.teams();
        teamGrid.setItems(all);
        team.setItems(all.stream().map(ReadModels.Team::code).toList());
    }

    private static void ok(String text) {
        Notification.show(text, 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
