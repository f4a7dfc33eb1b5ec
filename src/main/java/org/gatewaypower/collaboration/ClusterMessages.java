package org.gatewaypower.collaboration;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.gatewaypower.workspace.WorkspaceChanged;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What app nodes tell each other over PostgreSQL's NOTIFY channel, as small JSON texts. PostgreSQL refuses
 * payloads of 8000 bytes or more, so every message stays well below: one saved change per message (a
 * transaction's changes carry the transaction's key, their index and count, so the receiver regroups them),
 * descriptions cut to {@value #MAX_DESCRIPTION} characters, and presence lists shortened when a workspace has
 * very many users on one node.
 */
final class ClusterMessages {

    /** Longest description sent, in characters (UTF-8: at most 3 bytes each, so 1.5 kB). */
    static final int MAX_DESCRIPTION = 500;
    /** Largest payload sent, in bytes; PostgreSQL's limit is 8000. */
    static final int MAX_PAYLOAD = 7000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ClusterMessages() {
    }

    /**
     * One saved change of one committed transaction.
     *
     * @param node      the node that saved it
     * @param tx        the transaction's key on that node
     * @param index     its index in the transaction (0-based)
     * @param count     how many changes the transaction made
     * @param committed when the transaction committed, epoch milliseconds of the saving node's clock
     */
    record Change(String type, String node, String tx, int index, int count, long workspace, String kind,
                  long entity, String change, String actor, String description, long committed) {

        static Change of(String node, String tx, int index, int count, WorkspaceChanged e, long committedMillis) {
            String d = e.description();
            return new Change("change", node, tx, index, count, e.workspaceId(), e.kind().name(), e.entityId(),
                    e.change().name(), e.actor(), d != null && d.length() > MAX_DESCRIPTION
                    ? d.substring(0, MAX_DESCRIPTION - 1) + "…" : d, committedMillis);
        }

        /** The change as local listeners take it; throws IllegalArgumentException for a kind this node lacks. */
        WorkspaceChanged event() {
            return new WorkspaceChanged(workspace, WorkspaceChanged.Kind.valueOf(kind), entity,
                    WorkspaceChanged.Change.valueOf(change), actor, description);
        }
    }

    /**
     * The users one node has present in one workspace, complete: it replaces what the node said before.
     *
     * @param sent epoch milliseconds of the sending node's clock
     */
    record Presence(String type, String node, long workspace, List<PresenceService.Present> users, long sent) {

        static Presence of(String node, long workspace, List<PresenceService.Present> users, long sent) {
            return new Presence("presence", node, workspace, List.copyOf(users), sent);
        }
    }

    /**
     * A presence announcement that fits the payload limit: complete if it can; else without what the users
     * edit; else with the first users only (the others are then listed on their own node only).
     */
    static String presence(String node, long workspace, List<PresenceService.Present> users, long sent) {
        List<PresenceService.Present> fitted = users;
        for (int attempt = 0; ; attempt++) {
            String text = JSON.writeValueAsString(Presence.of(node, workspace, fitted, sent));
            if (text.getBytes(StandardCharsets.UTF_8).length <= MAX_PAYLOAD) {
                return text;
            }
            fitted = attempt == 0 ? fitted.stream().map(p -> new PresenceService.Present(p.username(),
                    p.displayName(), p.teamCode(), List.of())).toList() : fitted.subList(0, fitted.size() / 2);
        }
    }

    static String encode(Object message) {
        String text = JSON.writeValueAsString(message);
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("cluster message of " + text.length() + " characters is too long");
        }
        return text;
    }

    /** A Change, a Presence, or null for a type this node does not know (a newer node's message). */
    static Object decode(String payload) {
        JsonNode tree = JSON.readTree(payload);
        String type = tree.path("type").asString("");
        return switch (type) {
            case "change" -> JSON.treeToValue(tree, Change.class);
            case "presence" -> JSON.treeToValue(tree, Presence.class);
            default -> null;
        };
    }
}
