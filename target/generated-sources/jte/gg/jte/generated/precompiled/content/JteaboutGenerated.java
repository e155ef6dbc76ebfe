package gg.jte.generated.precompiled.content;
import org.raporto.shared.web.Page;
import org.raporto.shared.web.SiteMap;
@SuppressWarnings("unchecked")
@javax.annotation.processing.Generated("gg.jte.TemplateEngine")
public final class JteaboutGenerated {
	public static final String JTE_NAME = "content/about.jte";
	public static final int[] JTE_LINE_INFO = {0,0,1,0,0,0,0,0,0,3,3,5,5,5,7,7,7,8,8,8,9,9,9,11,11,11,12,12,12,14,14,14,15,15,15,17,17,17,18,18,18,20,20,20,20,20,20,20,20,20,20,20,20,22,22,22,23,23,23,25,25,25,26,0,0,2,0,0,0};
	public static void render(gg.jte.html.HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor, Page page) {
		gg.jte.generated.precompiled.layout.JtepageGenerated.render(jteOutput, jteHtmlInterceptor, page, new gg.jte.html.HtmlContent() {
			public void writeTo(gg.jte.html.HtmlTemplateOutput jteOutput) {
				jteOutput.writeContent("\n<article class=\"prose\">\n    <h1>");
				jteOutput.setContext("h1", null);
				jteOutput.writeUserContent(page.t("about.heading"));
				jteOutput.writeContent("</h1>\n\n    <h2>");
				jteOutput.setContext("h2", null);
				jteOutput.writeUserContent(page.t("about.mission.title"));
				jteOutput.writeContent("</h2>\n    <p>");
				jteOutput.setContext("p", null);
				jteOutput.writeUserContent(page.t("about.mission.p1"));
				jteOutput.writeContent("</p>\n    <p>");
				jteOutput.setContext("p", null);
				jteOutput.writeUserContent(page.t("about.mission.p2"));
				jteOutput.writeContent("</p>\n\n    <h2>");
				jteOutput.setContext("h2", null);
				jteOutput.writeUserContent(page.t("about.purpose.title"));
				jteOutput.writeContent("</h2>\n    <p>");
				jteOutput.setContext("p", null);
				jteOutput.writeUserContent(page.t("about.purpose.p1"));
				jteOutput.writeContent("</p>\n\n    <h2>");
				jteOutput.setContext("h2", null);
				jteOutput.writeUserContent(page.t("about.report.title"));
				jteOutput.writeContent("</h2>\n    <p>");
				jteOutput.setContext("p", null);
				jteOutput.writeUserContent(page.t("about.report.p1"));
				jteOutput.writeContent("</p>\n    <ul>\n        <li>");
				jteOutput.setContext("li", null);
				jteOutput.writeUserContent(page.t("about.report.item1"));
				jteOutput.writeContent("</li>\n        <li>");
				jteOutput.setContext("li", null);
				jteOutput.writeUserContent(page.t("about.report.item2"));
				jteOutput.writeContent("</li>\n    </ul>\n    <p><a class=\"button button--report\"");
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
				jteOutput.writeContent("</a></p>\n\n    <h2>");
				jteOutput.setContext("h2", null);
				jteOutput.writeUserContent(page.t("about.us.title"));
				jteOutput.writeContent("</h2>\n    <p>");
				jteOutput.setContext("p", null);
				jteOutput.writeUserContent(page.t("about.us.p1"));
				jteOutput.writeContent("</p>\n</article>\n");
			}
		});
		jteOutput.writeContent("\n");
	}
	public static void renderMap(gg.jte.html.HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor, java.util.Map<String, Object> params) {
		Page page = (Page)params.get("page");
		render(jteOutput, jteHtmlInterceptor, page);
	}
}
