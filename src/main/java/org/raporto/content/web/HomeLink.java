package org.raporto.content.web;

/** A link the home page lists: an audience's hub, a topic. */
public record HomeLink(String name, String path) {
}
