package org.gatewaypower.workspace;

import java.util.Optional;

/**
 * Looks up the account behind a username. Implemented by the security module, so the workspace
 * module can enforce its rules without depending on how accounts are stored.
 */
public interface ActorDirectory {

    Optional<Actor> actor(String username);
}
