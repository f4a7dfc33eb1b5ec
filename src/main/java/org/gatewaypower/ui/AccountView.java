package org.gatewaypower.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.annotation.security.PermitAll;

import org.gatewaypower.security.AccountService;
import org.gatewaypower.security.PasswordPolicy;
import org.gatewaypower.workspace.InvalidInputException;

/** The signed-in user's own account: change the password. */
@Route(value = "account", layout = MainLayout.class)
@PageTitle("My account · Gateway Power")
@PermitAll
public class AccountView extends VerticalLayout {

    public AccountView(AccountService accounts, AuthenticationContext auth) {
        String me = auth.getPrincipalName().orElse("");
        PasswordField current = new PasswordField("Current password");
        current.setId("current-password");
        PasswordField next = new PasswordField("New password");
        next.setId("new-password");
        next.setHelperText("At least " + PasswordPolicy.MIN_LENGTH + " characters, no other rules: a few words "
                + "you remember make a good one. Common passwords are refused.");
        PasswordField repeat = new PasswordField("New password again");
        repeat.setId("repeat-password");
        for (PasswordField f : new PasswordField[] {current, next, repeat}) {
            f.setWidth("24rem");
            f.setManualValidation(true);
        }
        Button save = new Button("Change password", e -> {
            current.setInvalid(false);
            next.setInvalid(false);
            repeat.setInvalid(false);
            if (!next.getValue().equals(repeat.getValue())) {
                repeat.setErrorMessage("The two new passwords differ");
                repeat.setInvalid(true);
                return;
            }
            try {
                accounts.changeOwnPassword(me, current.getValue(), next.getValue());
                current.clear();
                next.clear();
                repeat.clear();
                Notification.show("Password changed", 3000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (InvalidInputException ex) {
                for (InvalidInputException.FieldViolation v : ex.violations()) {
                    PasswordField f = v.field().equals("currentPassword") ? current : next;
                    f.setErrorMessage(v.message());
                    f.setInvalid(true);
                }
            }
        });
        save.setId("change-password");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2("My account"), new Paragraph("Signed in as " + me + "."), current, next, repeat, save);
    }
}
