package org.gatewaypower.analysis;

import org.gatewaypower.workspace.Views;
import org.gatewaypower.workspace.WorkspaceService;
import org.springframework.stereotype.Service;

/**
 * The analysis module's API: the energy balance of a workspace's design case. Results are computed
 * from a consistent snapshot on every call; the design-case run is a handful of exact events, so
 * there is nothing worth caching yet.
 */
@Service
public class BalanceService {

    private final WorkspaceService workspaces;

    BalanceService(WorkspaceService workspaces) {
        this.workspaces = workspaces;
    }

    public BalanceReport balance(long workspaceId) {
        return balance(workspaces.snapshot(workspaceId));
    }

    public BalanceReport balance(Views.WorkspaceSnapshot snapshot) {
        return BalanceCalculator.calculate(snapshot);
    }
}
