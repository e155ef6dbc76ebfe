package gg.jte.generated.precompiled.content;
import org.raporto.shared.web.Page;
import org.raporto.shared.web.SiteMap;
@SuppressWarnings("unchecked")
@javax.annotation.processing.Generated("gg.jte.TemplateEngine")
public final class JtehomeGenerated {
	public static final String JTE_NAME = "content/home.jte";
	public static final int[] JTE_LINE_INFO = {0,0,1,0,0,0,0,0,0,3,3,5,5,5,6,6,6,8,8,8,8,8,8,8,8,8,8,8,8,9,9,9,14,14,14,15,15,15,19,19,19,21,21,23,23,23,24,24,24,26,26,31,31,31,32,32,32,33,33,33,33,33,33,33,33,33,33,33,33,37,37,37,38,38,38,39,39,39,39,39,39,39,39,39,39,39,39,41,41,41,42,0,0,2,0,0,0};
	public static void render(gg.jte.html.HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor, Page page) {
		gg.jte.generated.precompiled.layout.JtepageGenerated.render(jteOutput, jteHtmlInterceptor, page, new gg.jte.html.HtmlContent() {
			public void writeTo(gg.jte.html.HtmlTemplateOutput jteOutput) {
				jteOutput.writeContent("\n<section class=\"hero\" aria-labelledby=\"hero-title\">\n    <h1 id=\"hero-title\">");
				jteOutput.setContext("h1", null);
				jteOutput.writeUserContent(page.t("home.heading"));
				jteOutput.writeContent("</h1>\n    <p class=\"lead\">");
				jteOutput.setContext("p", null);
				jteOutput.writeUserContent(page.t("home.mission"));
				jteOutput.writeContent("</p>\n    <div class=\"report-call\">\n        <a class=\"button button--report button--large\"");
				var __jte_html_attribute_0 = page.linkTo(SiteMap.REPORT);
				if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_0)) {
					jteOutput.writeContent(" href=\"");
					jteOutput.setContext("a", "href");
					jteOutput.writeUserContent(__jte_html_attribute_0);
					jteOutput.setContext("a", null);
					jteOutput.writeContent("\"");
				}
				jteOutput.writeContent(">");
				jteOutput.setContext("a", null);
				jteOutput.writeUserContent(page.t("nav.report"));
				jteOutput.writeContent("</a>\n        <p>");
				jteOutput.setContext("p", null);
				jteOutput.writeUserContent(page.t("home.report.explanation"));
				jteOutput.writeContent("</p>\n    </div>\n</section>\n\n<section class=\"danger\" aria-labelledby=\"danger-title\">\n    <h2 id=\"danger-title\">");
				jteOutput.setContext("h2", null);
				jteOutput.writeUserContent(page.t("home.danger.title"));
				jteOutput.writeContent("</h2>\n    <p>");
				jteOutput.setContext("p", null);
				jteOutput.writeUserContent(page.t("home.danger.text", page.help().emergency(), page.help().police()));
				jteOutput.writeContent("</p>\n</section>\n\n<section aria-labelledby=\"audiences-title\">\n    <h2 id=\"audiences-title\">");
				jteOutput.setContext("h2", null);
				jteOutput.writeUserContent(page.t("home.audiences.title"));
				jteOutput.writeContent("</h2>\n    <ul class=\"cards\">\n");
				for (var audience : java.util.List.of("children", "parents", "teachers", "professionals")) {
					jteOutput.writeContent("        <li class=\"card\">\n            <h3>");
					jteOutput.setContext("h3", null);
					jteOutput.writeUserContent(page.t("home.audiences." + audience + ".title"));
					jteOutput.writeContent("</h3>\n            <p>");
					jteOutput.setContext("p", null);
					jteOutput.writeUserContent(page.t("home.audiences." + audience + ".text"));
					jteOutput.writeContent("</p>\n        </li>\n");
				}
				jteOutput.writeContent("    </ul>\n</section>\n\n<section class=\"helpline\" aria-labelledby=\"helpline-title\">\n    <h2 id=\"helpline-title\">");
				jteOutput.setContext("h2", null);
				jteOutput.writeUserContent(page.t("home.helpline.title"));
				jteOutput.writeContent("</h2>\n    <p>");
				jteOutput.setContext("p", null);
				jteOutput.writeUserContent(page.t("home.helpline.text"));
				jteOutput.writeContent("</p>\n    <p><a class=\"button\"");
				var __jte_html_attribute_1 = page.tel(page.help().childHelpline());
				if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_1)) {
					jteOutput.writeContent(" href=\"");
					jteOutput.setContext("a", "href");
					jteOutput.writeUserContent(__jte_html_attribute_1);
					jteOutput.setContext("a", null);
					jteOutput.writeContent("\"");
				}
				jteOutput.writeContent(">");
				jteOutput.setContext("a", null);
				jteOutput.writeUserContent(page.t("help.childHelpline", page.help().childHelplineName(), page.help().childHelpline()));
				jteOutput.writeContent("</a></p>\n</section>\n\n<section aria-labelledby=\"about-title\">\n    <h2 id=\"about-title\">");
				jteOutput.setContext("h2", null);
				jteOutput.writeUserContent(page.t("home.about.title"));
				jteOutput.writeContent("</h2>\n    <p>");
				jteOutput.setContext("p", null);
				jteOutput.writeUserContent(page.t("home.about.text"));
				jteOutput.writeContent("</p>\n    <p><a");
				var __jte_html_attribute_2 = page.linkTo(SiteMap.ABOUT);
				if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_2)) {
					jteOutput.writeContent(" href=\"");
					jteOutput.setContext("a", "href");
					jteOutput.writeUserContent(__jte_html_attribute_2);
					jteOutput.setContext("a", null);
					jteOutput.writeContent("\"");
				}
				jteOutput.writeContent(">");
				jteOutput.setContext("a", null);
				jteOutput.writeUserContent(page.t("home.about.link"));
				jteOutput.writeContent("</a></p>\n</section>\n");
			}
		});
		jteOutput.writeContent("\n");
	}
	public static void renderMap(gg.jte.html.HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor, java.util.Map<String, Object> params) {
		Page page = (Page)params.get("page");
		render(jteOutput, jteHtmlInterceptor, page);
	}
}
