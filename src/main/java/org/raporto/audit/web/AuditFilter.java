package org.raporto.audit.web;

/**
 * The audit page's filters as typed.
 *
 * @param badDates whether a date was not of the form yyyy-MM-dd (and was left out of the filter)
 */
public record AuditFilter(String action, String object, String from, String to, boolean badDates) {
}
