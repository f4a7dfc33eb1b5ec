package org.gatewaypower.security;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;

/**
 * A single sign-on the provider accepted and Gateway Power refused (claims naming no team, a disabled
 * account, ...): the sign-in page shows its message.
 */
public class SsoSignInRefused extends OAuth2AuthenticationException {

    public SsoSignInRefused(String message) {
        super(new OAuth2Error(OAuth2ErrorCodes.ACCESS_DENIED, message, null), message);
    }
}
