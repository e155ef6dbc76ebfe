package org.raporto.intake.web;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.raporto.intake.Acknowledgement;
import org.raporto.intake.Screenshot;

/**
 * The report being written, kept in the session between the steps of the form, exactly as typed: nothing the
 * reporter wrote is lost when a step has an error or when they go back. A form-backing object: its fields are what
 * the pages show and post.
 */
public final class ReportDraft implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Identifies this report's submission, so that sending it twice stores it once. */
    public final UUID submissionToken = UUID.randomUUID();
    public Step step = Step.CATEGORY;
    /** Set when a step was opened from the check page: continuing returns there. */
    public boolean returnToCheck;

    public String category = "";
    public String urls = "";
    public String platform = "";
    public String account = "";
    public String description = "";
    public String happened = "";
    public String childAge = "";
    public String reporterRole = "";
    public String contactChoice = "ANONYMOUS";
    public String email = "";
    public String phone = "";
    public boolean consent;
    /** Whether the chosen category takes screenshots; when it does not, their step is skipped. */
    public boolean screenshotsAllowed;
    /** Uploaded and cleaned, waiting for the report; in the order added. */
    public final List<Screenshot> screenshots = new ArrayList<>();

    /** Set once the report is stored; the receipt is dropped as soon as the reporter says they have kept it. */
    public @Nullable String reference;
    public @Nullable String receipt;

    /** The addresses typed, one per non-empty line. */
    public List<String> addresses() {
        return urls.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** The step after this one, skipping the screenshots where the category takes none. */
    Step after(Step step) {
        Step next = step == Step.DONE ? Step.DONE : Step.values()[step.ordinal() + 1];
        return next == Step.SCREENSHOTS && !screenshotsAllowed ? after(next) : next;
    }

    Step before(Step step) {
        Step previous = step == Step.CATEGORY ? Step.CATEGORY : Step.values()[step.ordinal() - 1];
        return previous == Step.SCREENSHOTS && !screenshotsAllowed ? before(previous) : previous;
    }

    /** The step's number as the reporter counts them, from 1. */
    public int number(Step step) {
        return step.ordinal() + 1 - (!screenshotsAllowed && step.ordinal() > Step.SCREENSHOTS.ordinal() ? 1 : 0);
    }

    /** How many steps the reporter goes through up to and including the check. */
    public int stepCount() {
        return number(Step.CHECK);
    }

    void acknowledged(Acknowledgement acknowledgement) {
        if (step == Step.DONE && acknowledgement.reference().equals(reference)) {
            // The second of two clicks: the first one's receipt is the one to show.
            return;
        }
        step = Step.DONE;
        reference = acknowledgement.reference();
        receipt = acknowledgement.receiptIfNew().map(org.raporto.intake.Receipt::formatted).orElse(null);
    }

    /** The steps of the form, in order. */
    public enum Step {
        CATEGORY, WHERE, WHAT, SCREENSHOTS, ABOUT_YOU, CHECK, DONE
    }
}
