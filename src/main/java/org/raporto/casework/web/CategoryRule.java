package org.raporto.casework.web;

/** One category's casework rules as the administrators' page shows them and as they were typed. */
public record CategoryRule(String firstLookDays, String firstLookHours, String assessmentDays, String assessmentHours, boolean fourEyes) {
}
