package org.gatewaypower.ui.workspace;

import java.time.Instant;
import java.util.List;

import org.gatewaypower.ui.component.ConflictDialog;
import org.gatewaypower.ui.component.DraftForm;
import org.gatewaypower.ui.component.Feedback;

/** What the workspace page's forms do when a save loses the race against someone else's. */
final class FormConflicts {

    private final Runnable reload;

    /** {@code reload} re-reads the workspace and shows it (the saved values, when the user keeps theirs). */
    FormConflicts(Runnable reload) {
        this.reload = reload;
    }

    /**
     * A save that lost the race: the dialog shows the fields that differ. Keeping theirs shows the saved
     * values; applying saves the user's (merged) values against the version now current, and a further
     * lost race opens the dialog again.
     */
    void conflict(DraftForm<?> form, String what, String who, Instant when, long currentVersion,
                  List<ConflictDialog.Field> fields, Runnable save) {
        form.showMessage("Not saved: " + who + " changed " + what
                + " after you opened it. Choose in the dialog which values to keep.");
        new ConflictDialog(what, who, when, fields, () -> {
            form.markClean();
            reload.run();
        }, () -> {
            form.rebase(currentVersion);
            save.run();
        }).open();
    }

    /** The thing the form edits is gone: nothing to merge with. */
    static void removedMeanwhile(DraftForm<?> form, String what) {
        String message = "Not saved: this " + what + " was removed by someone else meanwhile.";
        form.showMessage(message);
        Feedback.error(message);
    }

    /** After a save, the saved form takes the stored values; other forms keep unsaved typing. */
    void saved(DraftForm<?> form) {
        form.markClean();
        reload.run();
    }
}
