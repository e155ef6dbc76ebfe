package org.raporto.identity.web;

/** The site settings form as typed. */
public record SettingsForm(String emergency, String police, String childHelpline, String childHelplineName, String quickExitUrl) {
}
