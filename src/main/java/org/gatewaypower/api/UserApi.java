package org.gatewaypower.api;

import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;

import org.gatewaypower.security.Account;
import org.gatewaypower.security.AccountService;
import org.gatewaypower.workspace.InvalidInputException;
import org.gatewaypower.workspace.TextRules;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Accounts: who am I (anyone), list and create (administrators). */
@RestController
class UserApi {

    /** A new account; {@code teamCode} null for accounts outside the partner teams. */
    record NewUser(String username, String displayName, String password, String teamCode, boolean admin) {
    }

    private final AccountService accounts;

    UserApi(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/api/v1/me")
    Account me(Principal principal) {
        return accounts.find(principal.getName()).orElseThrow();
    }

    @GetMapping("/api/v1/users")
    List<Account> list(Principal principal) {
        return accounts.list(principal.getName());
    }

    /** Longest display name an account holds (the column's size). */
    static final int MAX_DISPLAY_NAME = 120;

    @PostMapping("/api/v1/users")
    ResponseEntity<Account> create(@RequestBody NewUser body, Principal principal) {
        List<InvalidInputException.FieldViolation> problems = new ArrayList<>();
        if (body.displayName() != null && body.displayName().strip().length() > MAX_DISPLAY_NAME) {
            problems.add(new InvalidInputException.FieldViolation("displayName", "Display name must be at most "
                    + MAX_DISPLAY_NAME + " characters (was " + body.displayName().strip().length() + ")"));
        } else if (body.displayName() != null && TextRules.unprintable(body.displayName().strip(), false) != null) {
            problems.add(new InvalidInputException.FieldViolation("displayName", "Display name must not contain "
                    + "control characters or broken Unicode (found "
                    + TextRules.unprintable(body.displayName().strip(), false) + ")"));
        }
        Account created;
        try {
            if (!problems.isEmpty()) {
                // Who may create accounts is checked first, as for every other refusal.
                accounts.list(principal.getName());
                throw new InvalidInputException(problems);
            }
            created = accounts.create(body.username(), body.displayName(), body.password(), body.teamCode(),
                    body.admin(), principal.getName());
        } catch (InvalidInputException ex) {
            // Name the fields as the client sent them: the account service calls the team code "team".
            List<InvalidInputException.FieldViolation> renamed = new ArrayList<>();
            for (InvalidInputException.FieldViolation v : ex.violations()) {
                renamed.add(v.field().equals("team") ? new InvalidInputException.FieldViolation("teamCode",
                        v.message()) : v);
            }
            throw new InvalidInputException(renamed);
        }
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.username())).body(created);
    }
}
