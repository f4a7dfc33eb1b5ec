package org.gatewaypower.baseline;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.gatewaypower.report.ReportService;
import org.gatewaypower.workspace.WorkspaceService;
import org.springframework.stereotype.Service;

/**
 * PDF reports that say which edition of the budget they show: a workspace's current inputs (named as a
 * variant of its parent when it is one), or a frozen baseline, reported from its frozen inputs.
 */
@Service
public class EditionReports {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final ReportService reports;
    private final BaselineService baselines;
    private final VariantService variants;
    private final WorkspaceService workspaces;

    EditionReports(ReportService reports, BaselineService baselines, VariantService variants,
                   WorkspaceService workspaces) {
        this.reports = reports;
        this.baselines = baselines;
        this.variants = variants;
        this.workspaces = workspaces;
    }

    /** The report of the workspace as it is now. */
    public byte[] current(long workspaceId, String actor) {
        workspaces.requireReadable(workspaceId, actor);
        String edition = variants.parent(workspaceId).map(v -> "Current inputs of variant “" + v.name() + "” of "
                + workspaces.snapshot(v.parentWorkspaceId()).name()).orElse(ReportService.CURRENT);
        return reports.render(workspaceId, edition, actor);
    }

    /** The report of a baseline's frozen inputs; the baseline must belong to the workspace. */
    public byte[] baseline(long workspaceId, long baselineId, String actor) {
        Baselines.Baseline b = baselines.baseline(baselineId, actor);
        if (b.workspaceId() != workspaceId) {
            throw new org.gatewaypower.workspace.NotFoundException("baseline of workspace " + workspaceId, baselineId);
        }
        return reports.render(b.workspaceId(), b.inputs().workspace(), b.inputs().phases(), "Baseline “" + b.name()
                + "”, frozen " + WHEN.format(b.createdAt()) + " by " + b.createdBy(), actor);
    }

    /** A file name for a report of the workspace (or of one of its baselines). */
    public String fileName(long workspaceId, String baselineName, String actor) {
        String base = reports.fileName(workspaceId, actor);
        return baselineName == null ? base : base.replace(".pdf", "-" + baselineName.replaceAll("[^A-Za-z0-9._-]+",
                "-") + ".pdf");
    }
}
