package org.raporto.referral.iccam.web;

import java.util.List;

import org.raporto.referral.iccam.IccamImports;

/**
 * What the import page shows of a checked file.
 *
 * @param problems what is wrong, each said where and what in the page's language
 * @param carried  the file to carry to the import; empty when it may not be imported, or is too large to carry
 * @param tooLarge whether it could be imported but is too large to carry in a form
 */
public record ImportView(IccamImports.Preview preview, List<Problem> problems, String carried, boolean tooLarge) {

    public ImportView {
        problems = List.copyOf(problems);
    }

    /** Whether the page offers to import it. */
    public boolean importable() {
        return preview.acceptable() && !carried.isEmpty();
    }

    /** One problem: where, and what. */
    public record Problem(String where, String message) {
    }
}
