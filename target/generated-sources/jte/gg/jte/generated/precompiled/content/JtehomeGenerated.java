package gg.jte.generated.precompiled.content;
import org.raporto.shared.web.Page;
import org.raporto.shared.web.SiteMap;
@SuppressWarnings("unchecked")
@javax.annotation.processing.Generated("gg.jte.TemplateEngine")
public final class JtehomeGenerated {
	public static final String JTE_NAME = "content/home.jte";
	public static final int[] JTE_LINE_INFO = {0,0,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,3,3,5,5,5,6,6,6,8,8,8,8,8,8,8,8,8,8,8,8,9,9,9,14,14,14,15,15,15,19,19,19,21,21,23,23,23,24,24,24,26,26,31,31,31,32,32,32,33,33,33,33,33,33,33,33,33,33,33,33,37,37,37,38,38,38,39,39,39,39,39,39,39,39,39,39,39,39,41,41,41,42,0,0,2,0,0,0};
	private static final gg.jte.runtime.BinaryContent BINARY_CONTENT = gg.jte.runtime.BinaryContent.load(JtehomeGenerated.class, "JtehomeGenerated.bin", 77,26,89,7,1,1,16,110,13,90,29,42,21,19,110,13,29,7,1,1,86,13,14,7,1,1,20,1);
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
	private static final byte[] TEXT_PART_BINARY_18 = BINARY_CONTENT.get(18);
	private static final byte[] TEXT_PART_BINARY_19 = BINARY_CONTENT.get(19);
	private static final byte[] TEXT_PART_BINARY_20 = BINARY_CONTENT.get(20);
	private static final byte[] TEXT_PART_BINARY_21 = BINARY_CONTENT.get(21);
	private static final byte[] TEXT_PART_BINARY_22 = BINARY_CONTENT.get(22);
	private static final byte[] TEXT_PART_BINARY_23 = BINARY_CONTENT.get(23);
	private static final byte[] TEXT_PART_BINARY_24 = BINARY_CONTENT.get(24);
	private static final byte[] TEXT_PART_BINARY_25 = BINARY_CONTENT.get(25);
	private static final byte[] TEXT_PART_BINARY_26 = BINARY_CONTENT.get(26);
	private static final byte[] TEXT_PART_BINARY_27 = BINARY_CONTENT.get(27);
	public static void render(gg.jte.html.HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor, Page page) {
		gg.jte.generated.precompiled.layout.JtepageGenerated.render(jteOutput, jteHtmlInterceptor, page, new gg.jte.html.HtmlContent() {
			public void writeTo(gg.jte.html.HtmlTemplateOutput jteOutput) {
				jteOutput.writeBinaryContent(TEXT_PART_BINARY_0);
				jteOutput.setContext("h1", null);
				jteOutput.writeUserContent(page.t("home.heading"));
				jteOutput.writeBinaryContent(TEXT_PART_BINARY_1);
				jteOutput.setContext("p", null);
				jteOutput.writeUserContent(page.t("home.mission"));
				jteOutput.writeBinaryContent(TEXT_PART_BINARY_2);
				var __jte_html_attribute_0 = page.linkTo(SiteMap.REPORT);
				if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_0)) {
					jteOutput.writeBinaryContent(TEXT_PART_BINARY_3);
					jteOutput.setContext("a", "href");
					jteOutput.writeUserContent(__jte_html_attribute_0);
					jteOutput.setContext("a", null);
					jteOutput.writeBinaryContent(TEXT_PART_BINARY_4);
				}
				jteOutput.writeBinaryContent(TEXT_PART_BINARY_5);
				jteOutput.setContext("a", null);
				jteOutput.writeUserContent(page.t("nav.report"));
				jteOutput.writeBinaryContent(TEXT_PART_BINARY_6);
				jteOutput.setContext("p", null);
				jteOutput.writeUserContent(page.t("home.report.explanation"));
				jteOutput.writeBinaryContent(TEXT_PART_BINARY_7);
				jteOutput.setContext("h2", null);
				jteOutput.writeUserContent(page.t("home.danger.title"));
				jteOutput.writeBinaryContent(TEXT_PART_BINARY_8);
				jteOutput.setContext("p", null);
				jteOutput.writeUserContent(page.t("home.danger.text", page.help().emergency(), page.help().police()));
				jteOutput.writeBinaryContent(TEXT_PART_BINARY_9);
				jteOutput.setContext("h2", null);
				jteOutput.writeUserContent(page.t("home.audiences.title"));
				jteOutput.writeBinaryContent(TEXT_PART_BINARY_10);
				for (var audience : java.util.List.of("children", "parents", "teachers", "professionals")) {
					jteOutput.writeBinaryContent(TEXT_PART_BINARY_11);
					jteOutput.setContext("h3", null);
					jteOutput.writeUserContent(page.t("home.audiences." + audience + ".title"));
					jteOutput.writeBinaryContent(TEXT_PART_BINARY_12);
					jteOutput.setContext("p", null);
					jteOutput.writeUserContent(page.t("home.audiences." + audience + ".text"));
					jteOutput.writeBinaryContent(TEXT_PART_BINARY_13);
				}
				jteOutput.writeBinaryContent(TEXT_PART_BINARY_14);
				jteOutput.setContext("h2", null);
				jteOutput.writeUserContent(page.t("home.helpline.title"));
				jteOutput.writeBinaryContent(TEXT_PART_BINARY_15);
				jteOutput.setContext("p", null);
				jteOutput.writeUserContent(page.t("home.helpline.text"));
				jteOutput.writeBinaryContent(TEXT_PART_BINARY_16);
				var __jte_html_attribute_1 = page.tel(page.help().childHelpline());
				if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_1)) {
					jteOutput.writeBinaryContent(TEXT_PART_BINARY_17);
					jteOutput.setContext("a", "href");
					jteOutput.writeUserContent(__jte_html_attribute_1);
					jteOutput.setContext("a", null);
					jteOutput.writeBinaryContent(TEXT_PART_BINARY_18);
				}
				jteOutput.writeBinaryContent(TEXT_PART_BINARY_19);
				jteOutput.setContext("a", null);
				jteOutput.writeUserContent(page.t("help.childHelpline", page.help().childHelplineName(), page.help().childHelpline()));
				jteOutput.writeBinaryContent(TEXT_PART_BINARY_20);
				jteOutput.setContext("h2", null);
				jteOutput.writeUserContent(page.t("home.about.title"));
				jteOutput.writeBinaryContent(TEXT_PART_BINARY_21);
				jteOutput.setContext("p", null);
				jteOutput.writeUserContent(page.t("home.about.text"));
				jteOutput.writeBinaryContent(TEXT_PART_BINARY_22);
				var __jte_html_attribute_2 = page.linkTo(SiteMap.ABOUT);
				if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_2)) {
					jteOutput.writeBinaryContent(TEXT_PART_BINARY_23);
					jteOutput.setContext("a", "href");
					jteOutput.writeUserContent(__jte_html_attribute_2);
					jteOutput.setContext("a", null);
					jteOutput.writeBinaryContent(TEXT_PART_BINARY_24);
				}
				jteOutput.writeBinaryContent(TEXT_PART_BINARY_25);
				jteOutput.setContext("a", null);
				jteOutput.writeUserContent(page.t("home.about.link"));
				jteOutput.writeBinaryContent(TEXT_PART_BINARY_26);
			}
		});
		jteOutput.writeBinaryContent(TEXT_PART_BINARY_27);
	}
	public static void renderMap(gg.jte.html.HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor, java.util.Map<String, Object> params) {
		Page page = (Page)params.get("page");
		render(jteOutput, jteHtmlInterceptor, page);
	}
}
