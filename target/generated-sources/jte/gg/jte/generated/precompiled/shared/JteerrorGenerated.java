package gg.jte.generated.precompiled.shared;
import org.raporto.shared.web.Page;
import org.raporto.shared.web.ErrorView;
import org.raporto.shared.web.SiteMap;
@SuppressWarnings("unchecked")
@javax.annotation.processing.Generated("gg.jte.TemplateEngine")
public final class JteerrorGenerated {
	public static final String JTE_NAME = "shared/error.jte";
	public static final int[] JTE_LINE_INFO = {0,0,1,2,0,0,0,0,0,0,5,5,7,7,7,8,8,8,9,9,10,10,10,11,11,12,12,12,12,12,12,12,12,12,12,12,12,13,13,13,15,15,15,16,0,0,3,4,0,0,0};
	public static void render(gg.jte.html.HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor, Page page, ErrorView error) {
		gg.jte.generated.precompiled.layout.JtepageGenerated.render(jteOutput, jteHtmlInterceptor, page, new gg.jte.html.HtmlContent() {
			public void writeTo(gg.jte.html.HtmlTemplateOutput jteOutput) {
				jteOutput.writeContent("\n<section class=\"error-page\" aria-labelledby=\"error-title\">\n    <h1 id=\"error-title\">");
				jteOutput.setContext("h1", null);
				jteOutput.writeUserContent(page.t(error.titleKey()));
				jteOutput.writeContent("</h1>\n    <p>");
				jteOutput.setContext("p", null);
				jteOutput.writeUserContent(page.t(error.explanationKey()));
				jteOutput.writeContent("</p>\n");
				if (error.id() != null) {
					jteOutput.writeContent("    <p class=\"error-page__id\">");
					jteOutput.setContext("p", null);
					jteOutput.writeUserContent(page.t("error.id", error.id().value()));
					jteOutput.writeContent("</p>\n");
				}
				jteOutput.writeContent("    <p><a");
				var __jte_html_attribute_0 = page.linkTo(SiteMap.HOME);
				if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_0)) {
					jteOutput.writeContent(" href=\"");
					jteOutput.setContext("a", "href");
					jteOutput.writeUserContent(__jte_html_attribute_0);
					jteOutput.setContext("a", null);
					jteOutput.writeContent("\"");
				}
				jteOutput.writeContent(">");
				jteOutput.setContext("a", null);
				jteOutput.writeUserContent(page.t("error.home"));
				jteOutput.writeContent("</a></p>\n    <p>");
				jteOutput.setContext("p", null);
				jteOutput.writeUserContent(page.t("error.danger", page.help().emergency(), page.help().police()));
				jteOutput.writeContent("</p>\n</section>\n");
			}
		});
		jteOutput.writeContent("\n");
	}
	public static void renderMap(gg.jte.html.HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor, java.util.Map<String, Object> params) {
		Page page = (Page)params.get("page");
		ErrorView error = (ErrorView)params.get("error");
		render(jteOutput, jteHtmlInterceptor, page, error);
	}
}
