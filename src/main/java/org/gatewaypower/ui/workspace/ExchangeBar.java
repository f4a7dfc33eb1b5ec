package org.gatewaypower.ui.workspace;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.theme.lumo.LumoUtility;

import org.gatewaypower.exchange.ExportService;
import org.gatewaypower.exchange.ImportService;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.WorkspaceService;

/** Spreadsheet in and out, above the power equipment list: import into an element, export the budget. */
final class ExchangeBar extends HorizontalLayout {

    private final Button importButton;

    ExchangeBar(WorkspaceService workspaces, ImportService imports, ExportService exports,
                org.gatewaypower.exchange.ArchiveService archives, long workspaceId, String workspaceName,
                String me) {
        setAlignItems(FlexComponent.Alignment.CENTER);
        setPadding(false);
        importButton = new Button("Import…", e -> {
            ReadModels.WorkspaceSnapshot ws = workspaces.snapshot(workspaceId);
            new ImportDialog(imports, ws, workspaces.permissions(workspaceId, me), me).open();
        });
        importButton.setId("import-open");
        importButton.setTooltipText("Import loads from a spreadsheet (.xlsx or .csv) into an element");
        importButton.addThemeVariants(ButtonVariant.LUMO_SMALL);
        String base = workspaceName.replaceAll("[^A-Za-z0-9._-]+", "-");
        Anchor xlsx = download(".xlsx", base + ".xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                () -> exports.xlsx(workspaceId, me));
        xlsx.setId("export-xlsx");
        Anchor csv = download("CSV", base + "-loads.csv", "text/csv",
                () -> exports.csv(workspaceId, me).getBytes(StandardCharsets.UTF_8));
        csv.setId("export-csv");
        Anchor archive = download("Archive", base + "-archive.json", "application/json",
                () -> archives.export(workspaceId, me));
        archive.setId("export-archive");
        archive.getElement().setAttribute("title", "The whole workspace with its timeline, members and baselines, "
                + "to back up or to import as a new workspace");
        xlsx.getElement().setAttribute("title", "The budget as a spreadsheet: loads, sources, checks");
        csv.getElement().setAttribute("title", "The power equipment list as CSV");
        Span export = new Span("Export:");
        export.addClassName(LumoUtility.TextColor.SECONDARY);
        add(importButton, export, xlsx, csv, archive);
        addClassName(LumoUtility.FontSize.SMALL);
    }

    private static Anchor download(String text, String fileName, String type, Supplier<byte[]> content) {
        Anchor a = new Anchor();
        a.setText(text);
        a.setHref(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = content.get();
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, type, bytes.length);
        }), AttachmentType.DOWNLOAD);
        return a;
    }

    /** Viewers, and editors of no element here, have nothing to import into. */
    void setPermissions(ReadModels.Permissions permissions) {
        importButton.setVisible(!permissions.editableElementIds().isEmpty());
    }
}
