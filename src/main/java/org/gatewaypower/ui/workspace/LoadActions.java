package org.gatewaypower.ui.workspace;

import java.util.Optional;

import org.gatewaypower.collaboration.PresenceService;
import org.gatewaypower.workspace.NotFoundException;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.EquipmentService;

/** The power equipment list's persistence, through the workspace service, and its presence notes. */
final class LoadActions implements LoadGrid.Actions {

    private final EquipmentService workspaces;
    private final long workspaceId;
    private final String me;
    private final PresenceBar presence;
    private final Runnable showResults;

    /** {@code showResults} shows the workspace's balance after a save or delete of a load. */
    LoadActions(EquipmentService workspaces, long workspaceId, String me, PresenceBar presence, Runnable showResults) {
        this.workspaces = workspaces;
        this.workspaceId = workspaceId;
        this.me = me;
        this.presence = presence;
        this.showResults = showResults;
    }

    @Override
    public ReadModels.LoadItem save(LoadRow row) {
        ReadModels.LoadItem saved = row.isNew()
                ? workspaces.createLoad(workspaceId, row.toDraft(), me)
                : workspaces.updateLoad(row.getId(), row.getVersion(), row.toDraft(), me);
        showResults.run();
        return saved;
    }

    @Override
    public void delete(LoadRow row) {
        workspaces.deleteLoad(row.getId(), row.getVersion(), me);
        showResults.run();
    }

    @Override
    public void editing(LoadRow row) {
        if (row != null && row.isNew()) {
            presence.focus(new PresenceService.Focus("new-load", "a new load"));
        } else {
            presence.editingLoad(row == null ? null : row.getId(), row == null ? null : row.getName());
        }
    }

    @Override
    public Optional<ReadModels.LoadItem> current(long loadId) {
        try {
            return Optional.of(workspaces.load(loadId));
        } catch (NotFoundException ex) {
            return Optional.empty();
        }
    }
}
