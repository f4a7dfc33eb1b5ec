package org.gatewaypower.workspace;

import java.util.Optional;

import org.gatewaypower.workspace.internal.WorkspaceMemberEntity;
import org.gatewaypower.workspace.internal.WorkspaceMemberRepository;
import org.springframework.stereotype.Component;

/**
 * The access rules, in one place, for every service of the module: administrators do anything;
 * members read their workspaces; owners change anything in theirs; editors change the loads,
 * batteries and arrays their own team owns; viewers change nothing. Each refusal names who, what and
 * the rule, and is thrown before anything is written.
 */
@Component
class WorkspaceAccess {

    private final ActorDirectory actors;
    private final WorkspaceMemberRepository members;
    private final TeamDirectory teams;

    WorkspaceAccess(ActorDirectory actors, WorkspaceMemberRepository members, TeamDirectory teams) {
        this.actors = actors;
        this.members = members;
        this.teams = teams;
    }

    Actor actor(String username) {
        return actors.actor(username).orElseThrow(() -> new ForbiddenException(
                "No account '" + username + "' exists; only signed-in Gateway Power users can do this"));
    }

    Optional<Actor> find(String username) {
        return actors.actor(username);
    }

    Optional<WorkspaceRole> role(long workspaceId, String username) {
        return members.findByWorkspaceIdAndUsername(workspaceId, username).map(WorkspaceMemberEntity::getRole);
    }

    /** Reading a workspace: administrators and members. */
    Actor requireRead(long workspaceId, String username) {
        Actor a = actor(username);
        if (!a.admin() && role(workspaceId, username).isEmpty()) {
            throw new ForbiddenException(username + " is not a member of this workspace; a workspace owner can "
                    + "add members on its Members tab");
        }
        return a;
    }

    /** Workspace-wide changes (analysis case, modes, elements, timeline, members): owners. */
    Actor requireOwner(long workspaceId, String username, String what) {
        Actor a = actor(username);
        if (a.admin()) {
            return a;
        }
        WorkspaceRole role = role(workspaceId, username).orElseThrow(() -> notMember(username, what));
        if (role != WorkspaceRole.OWNER) {
            throw new ForbiddenException(username + " (" + role.label().toLowerCase() + ") may not " + what
                    + ": only workspace owners may");
        }
        return a;
    }

    /** Contributions that change no one's items (freezing a baseline): owners and editors. */
    Actor requireContributor(long workspaceId, String username, String what) {
        Actor a = actor(username);
        if (a.admin()) {
            return a;
        }
        WorkspaceRole role = role(workspaceId, username).orElseThrow(() -> notMember(username, what));
        if (role == WorkspaceRole.VIEWER) {
            throw new ForbiddenException(username + " (viewer) may not " + what + ": only owners and editors may");
        }
        return a;
    }

    /** Changes to something a team owns: owners, and editors of that team. */
    Actor requireTeamEdit(long workspaceId, long ownerTeamId, String username, String what) {
        Actor a = actor(username);
        if (a.admin()) {
            return a;
        }
        WorkspaceRole role = role(workspaceId, username).orElseThrow(() -> notMember(username, what));
        String owner = teams.byId(ownerTeamId).map(ReadModels.Team::code).orElse("another team");
        switch (role) {
            case OWNER -> {
                return a;
            }
            case EDITOR -> {
                if (owner.equals(a.teamCode())) {
                    return a;
                }
                throw new ForbiddenException(username + " (" + (a.teamCode() == null ? "no team" : a.teamCode())
                        + " editor) may not " + what + ": it is owned by " + owner + "; only " + owner
                        + " editors and workspace owners may change it");
            }
            default -> throw new ForbiddenException(username + " (viewer) may not " + what
                    + ": viewers read the workspace but change nothing");
        }
    }

    /** Whether {@link #requireTeamEdit} would let the actor through, for read-only displays. */
    boolean mayEdit(Actor a, Optional<WorkspaceRole> role, String ownerTeamCode) {
        if (a.admin()) {
            return true;
        }
        return role.map(r -> r == WorkspaceRole.OWNER
                || r == WorkspaceRole.EDITOR && ownerTeamCode != null && ownerTeamCode.equals(a.teamCode()))
                .orElse(false);
    }

    private static ForbiddenException notMember(String username, String what) {
        return new ForbiddenException(username + " may not " + what + ": not a member of this workspace");
    }
}
