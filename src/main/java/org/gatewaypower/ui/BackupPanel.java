package org.gatewaypower.ui;

import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;

import org.gatewaypower.operations.BackupService;
import org.gatewaypower.workspace.ForbiddenException;

/**
 * The administration page's online backup of the embedded database: one button, and what came of it (the
 * file written, or why not: on PostgreSQL the answer points to pg_dump).
 */
class BackupPanel extends VerticalLayout {

    BackupPanel(BackupService backups, String me) {
        setPadding(false);
        setSpacing(false);
        Span result = new Span();
        result.setId("admin-backup-result");
        result.addClassNames(LumoUtility.FontSize.SMALL);
        Button backUp = new Button("Back up now");
        backUp.setId("admin-backup");
        backUp.addClickListener(e -> {
            try {
                BackupService.Backup b = backups.backUp(me);
                result.setText(String.format(Locale.ROOT, "Written: %s (%.1f MB) in %s", b.fileName(),
                        b.sizeBytes() / 1e6, backups.directory()));
                result.removeClassName(LumoUtility.TextColor.ERROR);
            } catch (IllegalStateException | ForbiddenException ex) {
                result.setText("No backup: " + ex.getMessage());
                result.addClassName(LumoUtility.TextColor.ERROR);
            }
        });
        add(new H3("Database backup"), new Paragraph("A consistent copy of the embedded database, taken while "
                + "everyone keeps working, as a zip in " + backups.directory() + ". To restore, stop the "
                + "application and unzip it into an empty data directory (README, Operations)."), backUp, result);
    }
}
