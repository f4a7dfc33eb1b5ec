package org.gatewaypower.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The first administrator of a fresh installation. Its password comes from configuration
 * ({@code gateway.admin.password}, e.g. the {@code GATEWAY_ADMIN_PASSWORD} environment variable) and
 * never from a default: without one, no administrator is created and the log says how to create one.
 * Runs before the demo data, so a configured password wins over the demo's.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AccountService accounts;
    private final String username;
    private final String password;
    private final boolean demo;

    AdminBootstrap(AccountService accounts, @Value("${gateway.admin.username:admin}") String username,
                   @Value("${gateway.admin.password:}") String password,
                   @Value("${gateway.demo.enabled:false}") boolean demo) {
        this.demo = demo;
        this.accounts = accounts;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.exists(username)) {
            return;
        }
        if (password.isBlank() && demo) {
            log.info("No administrator password configured: the demo data creates the demo administrator '{}'",
                    username);
            return;
        }
        if (password.isBlank()) {
            log.warn("No administrator '{}' exists and gateway.admin.password is not set: set "
                    + "GATEWAY_ADMIN_PASSWORD (at least 12 characters, not a common password) and restart to create one", username);
            return;
        }
        try {
            accounts.create(username, "Administrator", password, null, true);
            log.info("Created the administrator account '{}' from configuration", username);
        } catch (org.gatewaypower.workspace.InvalidInputException refused) {
            log.error("GATEWAY_ADMIN_PASSWORD is refused by the password policy ({}): no administrator was created",
                    refused.getMessage());
        }
    }
}
