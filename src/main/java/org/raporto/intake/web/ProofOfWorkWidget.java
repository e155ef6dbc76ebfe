package org.raporto.intake.web;

/**
 * What a page needs to show the proof-of-work widget.
 *
 * @param challenge the challenge as JSON, for the widget's {@code challengejson}
 * @param strings   the widget's words in the page's language, as JSON
 */
public record ProofOfWorkWidget(String challenge, String strings) {
}
