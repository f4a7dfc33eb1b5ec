package org.gatewaypower.ui.workspace;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.gatewaypower.ui.component.ConflictDialog;
import org.gatewaypower.ui.component.Feedback;
import org.gatewaypower.ui.component.FieldErrors;
import org.gatewaypower.workspace.InvalidInputException;
import org.gatewaypower.workspace.NotFoundException;
import org.gatewaypower.workspace.ReadModels;
import org.gatewaypower.workspace.StaleEditException;

/**
 * A row's save that lost the race with someone else's, or whose row was removed meanwhile: nothing is
 * overwritten silently. The row shows what is saved now, and a dialog offers the user's values field by field.
 * The messages it shows are cleared once the conflict is settled.
 */
final class LoadConflicts {

    private final LoadGrid.Actions actions;
    private final FieldErrors errors;
    private final LoadGridColumns columns;
    private final Consumer<LoadRow> refreshRow;
    private final Consumer<LoadRow> removeRow;

    LoadConflicts(LoadGrid.Actions actions, FieldErrors errors, LoadGridColumns columns, Consumer<LoadRow> refreshRow,
                  Consumer<LoadRow> removeRow) {
        this.actions = actions;
        this.errors = errors;
        this.columns = columns;
        this.refreshRow = refreshRow;
        this.removeRow = removeRow;
    }

    /**
     * A save that lost the race: the row shows the saved values and a dialog offers the user's values
     * field by field; applying saves against the version now current.
     *
     * @param opened what the row held when the user started (to tell which fields the user changed)
     * @param mine   what the user tried to save
     */
    void resolve(LoadRow row, LoadRow opened, LoadRow mine, StaleEditException ex) {
        Optional<ReadModels.LoadItem> current = actions.current(ex.id());
        if (current.isEmpty()) {
            removedMeanwhile(row);
            return;
        }
        ReadModels.LoadItem saved = current.get();
        row.refreshFrom(saved);
        refreshRow.accept(row);
        LoadRow theirs = LoadRow.of(saved);
        errors.showText("Not saved: " + saved.updatedBy() + " changed “" + saved.name()
                + "” after you opened it. Choose in the dialog which values to keep.");
        List<ConflictDialog.Field> fields = ConflictDialog.fields(columns.labels(), columns.display(mine),
                columns.display(theirs), columns.display(opened), key -> mine.copyField(key, theirs));
        new ConflictDialog("load " + saved.name(), saved.updatedBy(), saved.updatedAt(), fields,
                () -> {
                    errors.clear();
                    Feedback.info("Kept the values " + saved.updatedBy() + " saved for " + saved.name());
                },
                () -> {
                    mine.rebase(saved.version());
                    apply(row, theirs, mine);
                }).open();
    }

    /** Saves a resolved conflict; another lost race opens the dialog again, based on what the user saw. */
    private void apply(LoadRow row, LoadRow seen, LoadRow mine) {
        try {
            ReadModels.LoadItem saved = actions.save(mine);
            row.refreshFrom(saved);
            refreshRow.accept(row);
            errors.clear();
            Feedback.saved("Saved " + saved.name());
        } catch (InvalidInputException ex) {
            errors.show(ex);
        } catch (StaleEditException ex) {
            resolve(row, seen, mine, ex);
        } catch (NotFoundException ex) {
            removedMeanwhile(row);
        }
    }

    void removedMeanwhile(LoadRow row) {
        removeRow.accept(row);
        String message = "Not saved: load “" + row.getName() + "” was removed by someone else meanwhile.";
        errors.showText(message);
        Feedback.error(message);
    }
}
