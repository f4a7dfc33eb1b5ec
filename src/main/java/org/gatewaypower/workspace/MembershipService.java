package org.gatewaypower.workspace;

import java.util.List;
import java.util.Optional;

import org.gatewaypower.workspace.WorkspaceChanged.Change;
import org.gatewaypower.workspace.internal.PartnerTeamEntity;
import org.gatewaypower.workspace.internal.PartnerTeamRepository;
import org.gatewaypower.workspace.internal.WorkspaceMemberEntity;
import org.gatewaypower.workspace.internal.WorkspaceMemberRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who takes part: the partner teams, and the members of a workspace with their roles (owner, editor,
 * viewer). Membership changes are audited in {@link AuditLog} and announced as {@link WorkspaceChanged}.
 */
@Service
public class MembershipService {

    private final EditSupport support;
    private final WorkspaceAccess access;
    private final PartnerTeamRepository teams;
    private final WorkspaceMemberRepository members;
    private final AuditLog audit;

    MembershipService(EditSupport support, WorkspaceAccess access, PartnerTeamRepository teams,
                      WorkspaceMemberRepository members, AuditLog audit) {
        this.support = support;
        this.access = access;
        this.teams = teams;
        this.members = members;
        this.audit = audit;
    }

    // ---------------------------------------------------------------- teams

    @Transactional(readOnly = true)
    public List<ReadModels.Team> teams() {
        return teams.findAll().stream().map(EditSupport::toView)
                .sorted((a, b) -> a.code().compareTo(b.code())).toList();
    }

    /** Adds a partner team (administrators). */
    @Transactional
    public ReadModels.Team createTeam(String code, String name, String actor) {
        if (!access.actor(actor).admin()) {
            throw new ForbiddenException(actor + " may not create teams: only administrators may");
        }
        Rules r = new Rules();
        String c = r.text("code", "Team code", code, 16, true);
        String n = r.text("name", "Team name", name, 120, true);
        if (r.ok("code") && !c.matches("[A-Z][A-Z0-9-]{0,15}")) {
            r.fail("code", "Team code must be upper-case letters, digits or '-', starting with a letter (was " + c
                    + ")");
        }
        if (r.ok("code") && teams.findByCode(c).isPresent()) {
            r.fail("code", "Team code must be unique; " + c + " exists");
        }
        r.throwIfAny();
        return EditSupport.toView(teams.saveAndFlush(new PartnerTeamEntity(c, n)));
    }

    // ---------------------------------------------------------------- members

    @Transactional(readOnly = true)
    public List<ReadModels.Member> members(long workspaceId) {
        support.requireWorkspace(workspaceId);
        return members.findByWorkspaceIdOrderByUsernameAsc(workspaceId).stream().map(this::toView).toList();
    }

    /**
     * Adds a member or changes their role (owners and administrators). A workspace always keeps at
     * least one owner.
     */
    @Transactional
    public ReadModels.Member setMember(long workspaceId, String username, WorkspaceRole role, String actor) {
        support.requireWorkspace(workspaceId);
        access.requireOwner(workspaceId, actor, "change the members");
        Rules r = new Rules();
        String user = r.text("username", "User", username, 64, true);
        r.required("role", "Role", role);
        if (r.ok("username") && access.find(user).isEmpty()) {
            r.fail("username", "User must be an existing account; no user " + user + " exists");
        }
        r.throwIfAny();
        WorkspaceMemberEntity m = members.findByWorkspaceIdAndUsername(workspaceId, user)
                .orElseGet(() -> new WorkspaceMemberEntity(workspaceId, user, role));
        if (m.getId() != null && m.getRole() == WorkspaceRole.OWNER && role != WorkspaceRole.OWNER) {
            requireAnotherOwner(workspaceId, user);
        }
        if (m.getId() == null) {
            audit.record(workspaceId, actor, "member", user, History.ChangeType.ADDED,
                    actor + " added " + user + " as " + role.label());
        } else if (m.getRole() != role) {
            audit.record(workspaceId, actor, "member", user, History.ChangeType.CHANGED,
                    actor + " changed " + user + "'s role from " + m.getRole().label() + " to " + role.label());
        }
        m.setRole(role);
        support.touch(m, actor);
        WorkspaceMemberEntity saved = members.saveAndFlush(m);
        // Announced as a change also for a new member: listeners re-read the permissions either way.
        support.publish(workspaceId, WorkspaceChanged.Kind.MEMBER, saved.getId(), Change.CHANGED, actor,
                "changed member " + user + " to " + role.label());
        return toView(saved);
    }

    /**
     * Gives a newly created account of a partner team the workspaces its team takes part in: every
     * workspace that has a member of the same team gains this account with {@code role}. This is how an
     * account made at its first single sign-on reaches its team's work without waiting for an owner; the
     * account itself is the actor of the audit entries. Returns the ids of the workspaces joined.
     */
    @Transactional
    public List<Long> joinTeamWorkspaces(String username, WorkspaceRole role) {
        Actor newcomer = access.actor(username);
        if (newcomer.teamCode() == null) {
            return List.of();
        }
        java.util.Map<String, Optional<Actor>> actors = new java.util.HashMap<>();
        List<Long> joined = members.findAll().stream()
                .filter(m -> actors.computeIfAbsent(m.getUsername(), access::find).map(Actor::teamCode)
                        .filter(newcomer.teamCode()::equals).isPresent())
                .map(WorkspaceMemberEntity::getWorkspaceId).distinct().sorted()
                .filter(ws -> members.findByWorkspaceIdAndUsername(ws, username).isEmpty()).toList();
        for (long workspaceId : joined) {
            WorkspaceMemberEntity m = new WorkspaceMemberEntity(workspaceId, username, role);
            support.touch(m, username);
            WorkspaceMemberEntity saved = members.saveAndFlush(m);
            audit.record(workspaceId, username, "member", username, History.ChangeType.ADDED,
                    username + " joined as " + role.label() + " with their team " + newcomer.teamCode()
                            + " at their first single sign-on");
            support.publish(workspaceId, WorkspaceChanged.Kind.MEMBER, saved.getId(), Change.CHANGED, username,
                    "added member " + username + " as " + role.label());
        }
        return joined;
    }

    @Transactional
    public void removeMember(long workspaceId, String username, String actor) {
        support.requireWorkspace(workspaceId);
        access.requireOwner(workspaceId, actor, "change the members");
        WorkspaceMemberEntity m = members.findByWorkspaceIdAndUsername(workspaceId, username)
                .orElseThrow(() -> new InvalidInputException(List.of(new InvalidInputException.FieldViolation(
                        "username", username + " is not a member of this workspace"))));
        if (m.getRole() == WorkspaceRole.OWNER) {
            requireAnotherOwner(workspaceId, username);
        }
        members.delete(m);
        members.flush();
        audit.record(workspaceId, actor, "member", username, History.ChangeType.REMOVED,
                actor + " removed " + username + " (" + m.getRole().label() + ")");
        support.publish(workspaceId, WorkspaceChanged.Kind.MEMBER, m.getId(), Change.REMOVED, actor,
                "removed member " + username);
    }

    private void requireAnotherOwner(long workspaceId, String leaving) {
        boolean another = members.findByWorkspaceIdOrderByUsernameAsc(workspaceId).stream()
                .anyMatch(o -> o.getRole() == WorkspaceRole.OWNER && !o.getUsername().equals(leaving));
        if (!another) {
            throw new InvalidInputException(List.of(new InvalidInputException.FieldViolation("role",
                    "A workspace must keep at least one owner; make someone else owner first")));
        }
    }

    private ReadModels.Member toView(WorkspaceMemberEntity m) {
        Optional<Actor> a = access.find(m.getUsername());
        return new ReadModels.Member(m.getId(), m.getUsername(), a.map(Actor::displayName).orElse(m.getUsername()),
                a.map(Actor::teamCode).orElse(null), m.getRole(), m.getVersion());
    }
}
