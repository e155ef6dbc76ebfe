package org.raporto.shared.web;

import java.util.Locale;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.view.AbstractTemplateView;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Renders a jte template into UTF-8 bytes before anything is sent. The static parts of precompiled templates are
 * already bytes ({@code binaryStaticContent}), so only the dynamic values are encoded; encoding whole pages char by
 * char was the largest cost of serving one (bench/RESULTS.md). A template that fails half way sends nothing, so the
 * error page is shown instead of a broken page.
 */
class Utf8TemplateView extends AbstractTemplateView {

    private final TemplateEngine templates;

    Utf8TemplateView(TemplateEngine templates) {
        this.templates = templates;
        setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
    }

    @Override
    public boolean checkResource(Locale locale) {
        return templates.hasTemplate(getUrl());
    }

    @Override
    protected void renderMergedTemplateModel(Map<String, Object> model, HttpServletRequest request,
            HttpServletResponse response) throws Exception {
        Utf8ByteOutput page = new Utf8ByteOutput();
        templates.render(getUrl(), model, page);
        response.setContentType(getContentType());
        response.setContentLength(page.getContentLength());
        page.writeTo(response.getOutputStream());
    }
}
