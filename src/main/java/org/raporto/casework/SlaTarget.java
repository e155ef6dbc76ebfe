package org.raporto.casework;

import java.util.regex.Pattern;

/**
 * How long a report of one category may wait, in working time, for a first look (an analyst has opened and triaged
 * it) and for its assessment.
 *
 * @param categoryCode the report category's code, as intake names it ({@code csam}, {@code grooming}…)
 * @param firstLook    working time until the first look
 * @param assessment   working time until the assessment, counted from receipt like the first look
 */
public record SlaTarget(String categoryCode, WorkingTime firstLook, WorkingTime assessment) {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    /** What a category without a target of its own gets: a first look within 1 working day, the assessment within 2. */
    public static final WorkingTime STANDARD_FIRST_LOOK = WorkingTime.ofDays(1);
    public static final WorkingTime STANDARD_ASSESSMENT = WorkingTime.ofDays(2);

    /** @throws IllegalArgumentException when the code is not a category code */
    public SlaTarget {
        if (!CODE.matcher(categoryCode).matches()) {
            throw new IllegalArgumentException("Not a category code");
        }
    }

    /** The standard target, for a category that has none of its own. */
    public static SlaTarget standard(String categoryCode) {
        return new SlaTarget(categoryCode, STANDARD_FIRST_LOOK, STANDARD_ASSESSMENT);
    }
}
