package org.gatewaypower.ui.workspace;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.theme.lumo.LumoUtility;

import org.gatewaypower.exchange.ImportPreview;
import org.gatewaypower.exchange.ImportRequest;
import org.gatewaypower.exchange.ImportService;
import org.gatewaypower.ui.component.Feedback;
import org.gatewaypower.workspace.ForbiddenException;
import org.gatewaypower.workspace.InvalidInputException;
import org.gatewaypower.workspace.StaleEditException;
import org.gatewaypower.workspace.ReadModels;

/**
 * Imports a team's power equipment list into one element: choose the element, drop the .xlsx or CSV
 * file, check how each column is read (change it if a guess is wrong; the correction is remembered at
 * once, so the fixed file uploaded again is read the same way) and what each row will do, then import —
 * all rows or none. The CSV separator and the decimal mark are detected and said; either can be chosen.
 */
final class ImportDialog extends Dialog {

    private final ImportService imports;
    private final long workspaceId;
    private final String me;
    private final Select<ReadModels.Element> element = new Select<>();
    private final Select<ImportRequest.Separator> separator = new Select<>();
    private final Select<ImportRequest.DecimalMark> decimalMark = new Select<>();
    private final Div mappingArea = new Div();
    private final Span summary = new Span();
    private final Div messages = new Div();
    private final Grid<ImportPreview.RowOutcome> rows = new Grid<>();
    private final Button apply = new Button("Import");
    private final Map<String, String> fieldLabels;
    private String fileName;
    private byte[] content;
    private Map<Integer, String> mapping;

    ImportDialog(ImportService imports, ReadModels.WorkspaceSnapshot ws, ReadModels.Permissions permissions, String me) {
        this.imports = imports;
        this.workspaceId = ws.id();
        this.me = me;
        this.fieldLabels = labels(ws.modes());
        setHeaderTitle("Import a power equipment list");
        setWidth("min(70rem, 95vw)");
        setId("import-dialog");

        element.setLabel("Into element");
        element.setId("import-element");
        List<ReadModels.Element> mine = ws.elements().stream().filter(e -> permissions.mayEditLoadsOf(e.id())).toList();
        element.setItems(mine);
        element.setItemLabelGenerator(e -> e.name() + " (" + e.ownerTeamCode() + ")");
        if (!mine.isEmpty()) {
            element.setValue(mine.get(0));
        }
        element.addValueChangeListener(e -> {
            mapping = null;
            refresh();
        });

        Upload upload = new Upload();
        upload.setUploadHandler(UploadHandler.inMemory((meta, bytes) -> {
            UI ui = UI.getCurrent();
            Runnable show = () -> {
                fileName = meta.fileName();
                content = bytes;
                mapping = null;
                // Ready for a corrected file at once, without removing this one first.
                upload.clearFileList();
                refresh();
            };
            if (ui != null) {
                ui.access(show::run);
            } else {
                show.run();
            }
        }));
        upload.setId("import-upload");
        upload.setAcceptedFileExtensions(".xlsx", ".csv", ".txt");
        upload.setAcceptedMimeTypes(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(6 * 1024 * 1024);
        upload.addFileRejectedListener(e -> {
            messages.removeAll();
            showMessage("Not read: " + e.getErrorMessage() + " — import an .xlsx workbook or a CSV file of at most 5 MB");
        });
        upload.setDropLabel(new Span("Drop an .xlsx or CSV file here (headings in one row, one load per row)"));

        // The user's choice stays across re-uploads: the fixed file is written the same way.
        format(separator, "Column separator (CSV)", "import-separator", ImportRequest.Separator.values(),
                ImportRequest.Separator::label);
        format(decimalMark, "Decimal mark", "import-decimal-mark", ImportRequest.DecimalMark.values(),
                ImportRequest.DecimalMark::label);

        HorizontalLayout top = new HorizontalLayout(element, upload, separator, decimalMark);
        top.setAlignItems(FlexComponent.Alignment.END);
        summary.setId("import-summary");
        messages.setId("import-messages");
        messages.addClassName(LumoUtility.FontSize.SMALL);
        mappingArea.setId("import-mapping");
        mappingArea.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.SMALL);

        rows.setId("import-rows");
        rows.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        rows.addColumn(ImportPreview.RowOutcome::rowNumber).setHeader("Row").setWidth("4rem").setFlexGrow(0);
        rows.addColumn(ImportPreview.RowOutcome::name).setHeader("Load").setFlexGrow(1);
        rows.addComponentColumn(r -> {
            Span s = new Span(r.status().name().toLowerCase());
            s.getElement().getThemeList().add(switch (r.status()) {
                case NEW -> "badge success";
                case CHANGED -> "badge";
                case UNCHANGED -> "badge contrast";
                case INVALID -> "badge error";
            });
            return s;
        }).setHeader("Outcome").setWidth("8rem").setFlexGrow(0);
        rows.addColumn(r -> r.status() == ImportPreview.Status.INVALID
                ? String.join(" · ", r.problems().stream().map(p -> (p.column().isEmpty() ? "" : p.column() + ": ")
                        + p.message()).toList())
                : String.join(" · ", r.changes())).setHeader("Changes or problems").setFlexGrow(3);
        rows.setHeight("22rem");

        VerticalLayout body = new VerticalLayout(top, summary, mappingArea, messages, rows);
        body.setPadding(false);
        add(body);

        apply.setId("import-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.setEnabled(false);
        apply.addClickListener(e -> apply());
        Button cancel = new Button("Close", e -> close());
        getFooter().add(cancel, apply);
        if (mine.isEmpty()) {
            showMessage("None of this workspace's elements is yours to change: nothing can be imported.");
        }
    }

    /** A choice of how the file is written; the first value (detect) is the default, and a change re-reads it. */
    private <E> void format(Select<E> select, String label, String id, E[] values,
                            com.vaadin.flow.component.ItemLabelGenerator<E> labels) {
        select.setLabel(label);
        select.setId(id);
        select.setItems(values);
        select.setItemLabelGenerator(labels);
        select.setValue(values[0]);
        select.addValueChangeListener(e -> refresh());
    }

    private ImportRequest request() {
        return new ImportRequest(workspaceId, element.getValue().id(), fileName, content, null, mapping,
                separator.getValue(), decimalMark.getValue());
    }

    private void refresh() {
        messages.removeAll();
        if (content == null || element.getValue() == null) {
            return;
        }
        try {
            ImportPreview p = imports.preview(request(), me);
            show(p);
        } catch (InvalidInputException ex) {
            rows.setItems(List.of());
            mappingArea.removeAll();
            summary.setText("");
            apply.setEnabled(false);
            ex.violations().forEach(v -> showMessage(v.message()));
        }
    }

    private void show(ImportPreview p) {
        summary.setText(p.source() + ": " + p.newCount() + " new · " + p.changedCount() + " changed · "
                + p.unchangedCount() + " unchanged · " + p.invalidCount() + " invalid · " + p.keptCount()
                + " loads of the element not in the file are kept");
        separator.setHelperText(p.format().separator() == null ? "a workbook has none"
                : p.format().separatorDetected() ? "detected: " + p.format().separator().label() : null);
        decimalMark.setHelperText(p.format().decimalDetected() ? "read as: " + p.format().decimalMark().label()
                : null);
        mappingArea.removeAll();
        for (ImportPreview.Column c : p.columns()) {
            Select<String> field = new Select<>();
            field.setLabel(c.letter() + " · " + (c.header().isBlank() ? "(no heading)" : c.header()));
            field.setId("import-map-" + c.index());
            field.setItems(fieldLabels.keySet());
            field.setItemLabelGenerator(k -> k.isEmpty() ? "(ignore)" : fieldLabels.get(k));
            field.setValue(c.field());
            field.setHelperText(c.unit().isEmpty() ? null : "in " + c.unit());
            field.setWidth("12rem");
            field.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    if (mapping == null) {
                        mapping = new HashMap<>();
                        p.columns().forEach(col -> mapping.put(col.index(), col.field()));
                    }
                    mapping.put(c.index(), e.getValue());
                    refresh();
                    rememberMapping();
                }
            });
            mappingArea.add(field);
        }
        p.notes().forEach(this::showMessage);
        if (!p.mayImport()) {
            showMessage(p.refusal());
        }
        rows.setItems(p.rows());
        apply.setText("Import " + (p.newCount() + p.changedCount()) + " load" + (p.newCount() + p.changedCount() == 1
                ? "" : "s"));
        apply.setEnabled(p.importable());
        if (!p.importable()) {
            showMessage(p.invalidCount() > 0 ? "Import is possible once no row is invalid: correct the file, or "
                    + "the column mapping above, and the preview updates."
                    : p.mayImport() ? "Nothing to import: every row matches the element's loads." : "");
        }
    }

    /** Saves the corrected mapping now, not only on import: the preview asks for a fixed file, and it may come. */
    private void rememberMapping() {
        try {
            imports.rememberMapping(request(), me);
        } catch (InvalidInputException ex) {
            ex.violations().forEach(v -> showMessage("The mapping was not remembered: " + v.message()));
        }
    }

    private void apply() {
        try {
            ImportService.ImportResult r = imports.apply(request(), me);
            Feedback.saved("Imported: " + r.created() + " added, " + r.changed() + " changed, " + r.unchanged()
                    + " unchanged");
            close();
        } catch (InvalidInputException ex) {
            refresh();
            ex.violations().stream().limit(10).forEach(v -> showMessage(v.message()));
        } catch (ForbiddenException | StaleEditException ex) {
            showMessage("Nothing was imported: " + ex.getMessage());
            refresh();
        }
    }

    private void showMessage(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassName(LumoUtility.Margin.NONE);
        messages.add(p);
    }

    private static Map<String, String> labels(List<ReadModels.Mode> modes) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("", "(ignore)");
        m.putAll(org.gatewaypower.workspace.BudgetField.loadLineLabels(modes));
        return m;
    }
}
