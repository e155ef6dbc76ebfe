package gg.jte.generated.precompiled.content;
import org.raporto.shared.web.Page;
import org.raporto.shared.web.SiteMap;
@SuppressWarnings("unchecked")
@javax.annotation.processing.Generated("gg.jte.TemplateEngine")
public final class JteaboutGenerated {
	public static final String JTE_NAME = "content/about.jte";
	public static final int[] JTE_LINE_INFO = {0,0,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,3,3,5,5,5,7,7,7,8,8,8,9,9,9,11,11,11,12,12,12,14,14,14,15,15,15,17,17,17,18,18,18,20,20,20,20,20,20,20,20,20,20,20,20,22,22,22,23,23,23,25,25,25,26,0,0,2,0,0,0};
	private static final gg.jte.runtime.BinaryContent BINARY_CONTENT = gg.jte.runtime.BinaryContent.load(JteaboutGenerated.class, "JteaboutGenerated.bin", 33,15,13,12,14,13,14,13,26,18,55,7,1,1,18,13,16,1);
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
	private static final byte[] TEXT_PART_BINARY_12 = BINARY_CONTENT.get(12);
	private static final byte[] TEXT_PART_BINARY_13 = BINARY_CONTENT.get(13);
	private static final byte[] TEXT_PART_BINARY_14 = BINARY_CONTENT.get(14);
	private static final byte[] TEXT_PART_BINARY_15 = BINARY_CONTENT.get(15);
	private static final byte[] TEXT_PART_BINARY_16 = BINARY_CONTENT.get(16);
	private static final byte[] TEXT_PART_BINARY_17 = BINARY_CONTENT.get(17);
	public static void render(gg.jte.html.HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor, Page page) {
		gg.jte.generated.precompiled.layout.JtepageGenerated.render(jteOutput, jteHtmlInterceptor, page, new gg.jte.html.HtmlContent() {
			public void writeTo(gg.jte.html.HtmlTemplateOutput jteOutput) {
				jteOutput.writeBinaryContent(TEXT_PART_BINARY_0);
				jteOutput.setContext("h1", null);
				jteOutput.writeUserContent(page.t("about.heading"));
				jteOutput.writeBinaryContent(TEXT_PART_BINARY_1);
				jteOutput.setContext("h2", null);
				jteOutput.writeUserContent(page.t("about.mission.title"));
				jteOutput.writeBinaryContent(TEXT_PART_BINARY_2);
				jteOutput.setContext("p", null);
				jteOutput.writeUserContent(page.t("about.mission.p1"));
				jteOutput.writeBinaryContent(TEXT_PART_BINARY_3);
				jteOutput.setContext("p", null);
				jteOutput.writeUserContent(page.t("about.mission.p2"));
				jteOutput.writeBinaryContent(TEXT_PART_BINARY_4);
				jteOutput.setContext("h2", null);
				jteOutput.writeUserContent(page.t("about.purpose.title"));
				jteOutput.writeBinaryContent(TEXT_PART_BINARY_5);
				jteOutput.setContext("p", null);
				jteOutput.writeUserContent(page.t("about.purpose.p1"));
				jteOutput.writeBinaryContent(TEXT_PART_BINARY_6);
				jteOutput.setContext("h2", null);
				jteOutput.writeUserContent(page.t("about.report.title"));
				jteOutput.writeBinaryContent(TEXT_PART_BINARY_7);
				jteOutput.setContext("p", null);
				jteOutput.writeUserContent(page.t("about.report.p1"));
				jteOutput.writeBinaryContent(TEXT_PART_BINARY_8);
				jteOutput.setContext("li", null);
				jteOutput.writeUserContent(page.t("about.report.item1"));
				jteOutput.writeBinaryContent(TEXT_PART_BINARY_9);
				jteOutput.setContext("li", null);
				jteOutput.writeUserContent(page.t("about.report.item2"));
				jteOutput.writeBinaryContent(TEXT_PART_BINARY_10);
				var __jte_html_attribute_0 = page.linkTo(SiteMap.REPORT);
				if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_0)) {
					jteOutput.writeBinaryContent(TEXT_PART_BINARY_11);
					jteOutput.setContext("a", "href");
					jteOutput.writeUserContent(__jte_html_attribute_0);
					jteOutput.setContext("a", null);
					jteOutput.writeBinaryContent(TEXT_PART_BINARY_12);
				}
				jteOutput.writeBinaryContent(TEXT_PART_BINARY_13);
				jteOutput.setContext("a", null);
				jteOutput.writeUserContent(page.t("nav.report"));
				jteOutput.writeBinaryContent(TEXT_PART_BINARY_14);
				jteOutput.setContext("h2", null);
				jteOutput.writeUserContent(page.t("about.us.title"));
				jteOutput.writeBinaryContent(TEXT_PART_BINARY_15);
				jteOutput.setContext("p", null);
				jteOutput.writeUserContent(page.t("about.us.p1"));
				jteOutput.writeBinaryContent(TEXT_PART_BINARY_16);
			}
		});
		jteOutput.writeBinaryContent(TEXT_PART_BINARY_17);
	}
	public static void renderMap(gg.jte.html.HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor, java.util.Map<String, Object> params) {
		Page page = (Page)params.get("page");
		render(jteOutput, jteHtmlInterceptor, page);
	}
}
