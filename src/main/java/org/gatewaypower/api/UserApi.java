package org.gatewaypower.api;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import org.gatewaypower.security.Account;
import org.gatewaypower.security.AccountService;
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

    @PostMapping("/api/v1/users")
    ResponseEntity<Account> create(@RequestBody NewUser body, Principal principal) {
        Account created = accounts.create(body.username(), body.displayName(), body.password(), body.teamCode(),
                body.admin(), principal.getName());
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.username())).body(created);
    }
}
