package org.gatewaypower.api;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;

import org.gatewaypower.security.Account;
import org.gatewaypower.security.AccountService;
import org.gatewaypower.security.ApiTokenService;
import org.gatewaypower.security.LoginThrottle;
import org.gatewaypower.workspace.AuditLog;
import org.gatewaypower.workspace.InvalidInputException;
import org.gatewaypower.workspace.TextRules;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accounts: who am I and my own password (anyone); list, create, disable or enable, reset passwords, see and
 * revoke anyone's API tokens, sign-in locks and the account history (administrators).
 */
@RestController
class UserApi {

    /** A new account; {@code teamCode} null for accounts outside the partner teams. */
    record NewUser(String username, String displayName, String password, String teamCode, boolean admin) {
    }

    /** Enables or disables an account. */
    record Status(Boolean enabled) {
    }

    /** A password set by an administrator. */
    record NewPassword(String password) {
    }

    /** A user's own password change. */
    record PasswordChange(String currentPassword, String newPassword) {
    }

    private final AccountService accounts;
    private final ApiTokenService tokens;
    private final LoginThrottle throttle;

    UserApi(AccountService accounts, ApiTokenService tokens, LoginThrottle throttle) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.throttle = throttle;
    }

    @GetMapping("/api/v1/me")
    Account me(Principal principal) {
        return accounts.find(principal.getName()).orElseThrow();
    }

    @PutMapping("/api/v1/me/password")
    ResponseEntity<Void> changeOwnPassword(@RequestBody PasswordChange body, Principal principal) {
        accounts.changeOwnPassword(principal.getName(), body.currentPassword(), body.newPassword());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/users")
    List<Account> list(Principal principal) {
        return accounts.list(principal.getName());
    }

    @PostMapping("/api/v1/users")
    ResponseEntity<Account> create(@RequestBody NewUser body, Principal principal) {
        // Length and the team code are checked (and named) by the account service; control characters here.
        String unprintable = body.displayName() == null ? null : TextRules.unprintable(body.displayName().strip(), false);
        if (unprintable != null) {
            accounts.requireAdministrator(principal.getName(), "create accounts");
            throw new InvalidInputException(List.of(new InvalidInputException.FieldViolation("displayName",
                    "Display name must not contain control characters or broken Unicode (found " + unprintable + ")")));
        }
        Account created = accounts.create(body.username(), body.displayName(), body.password(), body.teamCode(),
                body.admin(), principal.getName());
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.username())).body(created);
    }

    @PutMapping("/api/v1/users/{username}/enabled")
    Account setEnabled(@PathVariable String username, @RequestBody Status body, Principal principal) {
        if (body == null || body.enabled() == null) {
            throw new org.gatewaypower.workspace.InvalidInputException(List.of(
                    new org.gatewaypower.workspace.InvalidInputException.FieldViolation("enabled",
                            "enabled is required: true or false")));
        }
        return accounts.setEnabled(username, body.enabled(), principal.getName());
    }

    @PutMapping("/api/v1/users/{username}/password")
    ResponseEntity<Void> resetPassword(@PathVariable String username, @RequestBody NewPassword body,
                                       Principal principal) {
        accounts.resetPassword(username, body == null ? null : body.password(), principal.getName());
        throttle.unlock(username);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/users/{username}/tokens")
    List<ApiTokenService.TokenInfo> tokensOf(@PathVariable String username, Principal principal) {
        return tokens.tokensOf(username, principal.getName());
    }

    @DeleteMapping("/api/v1/users/{username}/tokens")
    Map<String, Integer> revokeTokens(@PathVariable String username, Principal principal) {
        return Map.of("revoked", tokens.revokeAll(username, principal.getName()));
    }

    @GetMapping("/api/v1/users/sign-in-locks")
    List<LoginThrottle.Lock> locks(Principal principal) {
        accounts.requireAdministrator(principal.getName(), "see sign-in locks");
        return throttle.locks();
    }

    @DeleteMapping("/api/v1/users/{username}/sign-in-lock")
    ResponseEntity<Void> unlock(@PathVariable String username, Principal principal) {
        accounts.requireAdministrator(principal.getName(), "lift sign-in locks");
        throttle.unlock(username);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/users/history")
    List<AuditLog.Event> history(Principal principal) {
        return accounts.accountHistory(principal.getName(), 500);
    }
}
