package org.raporto.identity.web;

/** The setup form as typed, shown again after an error; passwords never are. */
public record ActivationForm(String name, String email, String language) {
}
