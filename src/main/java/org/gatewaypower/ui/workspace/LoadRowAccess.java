package org.gatewaypower.ui.workspace;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.WorkspaceRole;

/**
 * What the power equipment list knows of the workspace's elements and of the user's rights: who owns a row,
 * whether this user may edit it, and why not. The services enforce the same rules on every save; this only
 * keeps the grid from offering what would be refused.
 */
final class LoadRowAccess {

    private final Map<Long, ReadModels.Element> elements = new HashMap<>();
    /** Null until the permissions are known: then nothing is locked yet (the service still checks). */
    private ReadModels.Permissions permissions;

    LoadRowAccess(List<ReadModels.Element> elements) {
        setElements(elements);
    }

    void setElements(List<ReadModels.Element> all) {
        elements.clear();
        all.forEach(e -> elements.put(e.id(), e));
    }

    void setPermissions(ReadModels.Permissions permissions) {
        this.permissions = permissions;
    }

    boolean known() {
        return permissions != null;
    }

    /** Whether this user may add loads to at least one element. */
    boolean editsAny() {
        return permissions == null || !permissions.editableElementIds().isEmpty();
    }

    boolean hasElements() {
        return !elements.isEmpty();
    }

    /** The elements this user may add loads to, in id order. */
    List<Long> editableElements() {
        return elementIds().stream().filter(id -> permissions == null || permissions.mayEditLoadsOf(id)).toList();
    }

    Optional<Long> firstEditableElement() {
        return editableElements().stream().findFirst();
    }

    boolean mayEdit(LoadRow row) {
        return permissions == null || row.getElementId() == null || permissions.mayEditLoadsOf(row.getElementId());
    }

    /** The code of the team owning the element, or "". */
    String ownerOf(Long elementId) {
        ReadModels.Element e = elementId == null ? null : elements.get(elementId);
        return e == null ? "" : e.ownerTeamCode();
    }

    String readOnlyReason(Long elementId) {
        String owner = ownerOf(elementId);
        if (permissions != null && permissions.role() == WorkspaceRole.VIEWER) {
            return "Read only: you are a viewer of this workspace";
        }
        return "Read only: owned by " + owner + "; only " + owner + " editors and workspace owners change it";
    }

    /** "PPE (NASA)": the element's name and its owner, or "" when unknown. */
    String elementLabel(Long id) {
        ReadModels.Element e = id == null ? null : elements.get(id);
        return e == null ? "" : e.name() + " (" + e.ownerTeamCode() + ")";
    }

    /**
     * The list's filter: rows whose name, subsystem, element or bus contains {@code text} (any case) and, with
     * {@code onlyMine}, that this user may edit. A new row always passes (the user is typing it); a heading never
     * does itself, the tree shows it while any of its rows passes.
     */
    Predicate<LoadRow> filter(String text, boolean onlyMine) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        boolean mineOnly = onlyMine && known();
        return r -> !r.isHeading() && (r.isNew() || (!mineOnly || mayEdit(r)) && (wanted.isEmpty() || Stream
                .of(r.getName(), r.getSubsystem(), elementLabel(r.getElementId()),
                        r.getBus() == null ? null : r.getBus().label())
                .anyMatch(s -> s != null && s.toLowerCase(Locale.ROOT).contains(wanted))));
    }

    /** The elements in the order the list groups them: the workspace's, by id. */
    List<Long> elementIds() {
        return elements.keySet().stream().sorted().toList();
    }

    /** The grouping key of a row for the breakdown's choice. */
    Function<LoadRow, String> groupKey(LoadBreakdown.By by) {
        return switch (by) {
            case ELEMENT -> r -> elementLabel(r.getElementId());
            case SUBSYSTEM -> LoadRow::getSubsystem;
            case BUS -> r -> r.getBus() == null ? null : r.getBus().label();
            case TEAM -> r -> ownerOf(r.getElementId());
        };
    }
}
