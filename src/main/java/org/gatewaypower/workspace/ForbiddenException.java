package org.gatewaypower.workspace;

/**
 * Thrown when the actor may not do what they asked: not a member, a viewer, or an editor of another
 * team than the owner. Nothing has been saved. The message names who, what and the rule.
 */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
