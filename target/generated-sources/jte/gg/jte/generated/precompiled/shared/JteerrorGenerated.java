package gg.jte.generated.precompiled.shared;
import org.raporto.shared.web.Page;
import org.raporto.shared.web.ErrorView;
import org.raporto.shared.web.SiteMap;
@SuppressWarnings("unchecked")
@javax.annotation.processing.Generated("gg.jte.TemplateEngine")
public final class JteerrorGenerated {
	public static final String JTE_NAME = "shared/error.jte";
	public static final int[] JTE_LINE_INFO = {0,0,1,2,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,5,5,7,7,7,8,8,8,9,9,10,10,10,11,11,12,12,12,12,12,12,12,12,12,12,12,12,13,13,13,15,15,15,16,0,0,3,4,0,0,0};
	private static final gg.jte.runtime.BinaryContent BINARY_CONTENT = gg.jte.runtime.BinaryContent.load(JteerrorGenerated.class, "JteerrorGenerated.bin", 85,13,5,30,5,9,7,1,1,16,16,1);
	private static final byte[] TEXT_PART_BINARY_0 = BINARY_CONTENT.get(0);
	private static final byte[] TEXT_PART_BINARY_1 = BINARY_CONTENT.get(1);
	private static final byte[] TEXT_PART_BINARY_2 = BINARY_CONTENT.get(2);
	private static final byte[] TEXT_PART_BINARY_3 = BINARY_CONTENT.get(3);
	private static final byte[] TEXT_PART_BINARY_4 = BINARY_CONTENT.get(4);
	private static final byte[] TEXT_PART_BINARY_5 = BINARY_CONTENT.get(5);
	private static final byte[] TEXT_PART_BINARY_6 = BINARY_CONTENT.get(6);
	private static final byte[] TEXT_PART_BINARY_7 = BINARY_CONTENT.get(7);
	private static final byte[] TEXT_PART_BINARY_8 = BINARY_CONTENT.get(8);
	private static final byte[] TEXT_PART_BINARY_9 = BINARY_CONTENT.get(9);
	private static final byte[] TEXT_PART_BINARY_10 = BINARY_CONTENT.get(10);
	private static final byte[] TEXT_PART_BINARY_11 = BINARY_CONTENT.get(11);
	public static void render(gg.jte.html.HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor, Page page, ErrorView error) {
		gg.jte.generated.precompiled.layout.JtepageGenerated.render(jteOutput, jteHtmlInterceptor, page, new gg.jte.html.HtmlContent() {
			public void writeTo(gg.jte.html.HtmlTemplateOutput jteOutput) {
				jteOutput.writeBinaryContent(TEXT_PART_BINARY_0);
				jteOutput.setContext("h1", null);
				jteOutput.writeUserContent(page.t(error.titleKey()));
				jteOutput.writeBinaryContent(TEXT_PART_BINARY_1);
				jteOutput.setContext("p", null);
				jteOutput.writeUserContent(page.t(error.explanationKey()));
				jteOutput.writeBinaryContent(TEXT_PART_BINARY_2);
				if (error.id() != null) {
					jteOutput.writeBinaryContent(TEXT_PART_BINARY_3);
					jteOutput.setContext("p", null);
					jteOutput.writeUserContent(page.t("error.id", error.id().value()));
					jteOutput.writeBinaryContent(TEXT_PART_BINARY_4);
				}
				jteOutput.writeBinaryContent(TEXT_PART_BINARY_5);
				var __jte_html_attribute_0 = page.linkTo(SiteMap.HOME);
				if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_0)) {
					jteOutput.writeBinaryContent(TEXT_PART_BINARY_6);
					jteOutput.setContext("a", "href");
					jteOutput.writeUserContent(__jte_html_attribute_0);
					jteOutput.setContext("a", null);
					jteOutput.writeBinaryContent(TEXT_PART_BINARY_7);
				}
				jteOutput.writeBinaryContent(TEXT_PART_BINARY_8);
				jteOutput.setContext("a", null);
				jteOutput.writeUserContent(page.t("error.home"));
				jteOutput.writeBinaryContent(TEXT_PART_BINARY_9);
				jteOutput.setContext("p", null);
				jteOutput.writeUserContent(page.t("error.danger", page.help().emergency(), page.help().police()));
				jteOutput.writeBinaryContent(TEXT_PART_BINARY_10);
			}
		});
		jteOutput.writeBinaryContent(TEXT_PART_BINARY_11);
	}
	public static void renderMap(gg.jte.html.HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor, java.util.Map<String, Object> params) {
		Page page = (Page)params.get("page");
		ErrorView error = (ErrorView)params.get("error");
		render(jteOutput, jteHtmlInterceptor, page, error);
	}
}
