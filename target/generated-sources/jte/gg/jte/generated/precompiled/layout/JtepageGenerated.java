package gg.jte.generated.precompiled.layout;
import org.raporto.shared.web.Page;
import org.raporto.shared.web.SiteMap;
import gg.jte.Content;
@SuppressWarnings("unchecked")
@javax.annotation.processing.Generated("gg.jte.TemplateEngine")
public final class JtepageGenerated {
	public static final String JTE_NAME = "layout/page.jte";
	public static final int[] JTE_LINE_INFO = {0,0,1,2,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,6,6,6,6,6,6,6,6,6,10,10,10,10,10,10,11,11,11,11,11,11,11,11,11,13,13,13,13,13,13,13,13,13,14,14,14,14,14,14,14,14,14,15,15,16,16,16,16,16,16,16,16,16,16,16,16,16,16,16,16,16,17,17,18,18,18,18,18,18,18,18,18,21,21,21,22,22,22,22,22,22,22,22,22,25,25,25,26,26,26,26,26,26,26,26,26,26,26,26,27,27,27,27,27,27,27,27,27,27,27,27,28,28,28,28,28,28,28,28,28,28,28,28,31,31,31,31,31,31,31,31,31,31,31,31,32,32,32,38,38,38,38,38,38,38,38,38,39,39,39,40,40,40,42,42,42,42,42,42,42,42,42,43,43,44,44,44,44,44,44,44,44,44,44,44,44,44,44,44,44,44,44,44,44,44,44,44,44,44,44,44,44,45,45,48,48,48,48,48,48,48,48,48,50,50,50,50,50,50,50,50,50,50,50,50,50,50,50,50,50,50,50,50,51,51,51,51,51,51,51,51,51,51,51,51,51,51,51,51,51,51,51,51,52,52,52,52,52,52,52,52,52,52,52,52,57,57,57,61,61,61,61,61,61,62,62,62,62,62,62,62,62,62,64,64,64,64,64,64,64,64,64,64,64,64,65,65,65,65,65,65,65,65,65,65,65,65,68,68,68,69,69,69,74,0,0,3,4,0,0,0};
	private static final gg.jte.runtime.BinaryContent BINARY_CONTENT = gg.jte.runtime.BinaryContent.load(JtepageGenerated.class, "JtepageGenerated.bin", 21,7,1,120,4,37,10,1,71,7,1,49,7,1,2,25,11,1,7,1,2,11,6,1,66,40,13,1,115,22,7,1,1,19,7,1,1,19,7,1,1,106,7,1,18,65,132,7,1,44,53,57,13,1,2,14,7,1,11,1,7,1,1,5,51,13,1,33,7,1,15,1,1,28,7,1,15,1,1,83,7,1,1,76,112,4,17,13,1,41,7,1,1,32,7,1,1,80,46,42);
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
	private static final byte[] TEXT_PART_BINARY_28 = BINARY_CONTENT.get(28);
	private static final byte[] TEXT_PART_BINARY_29 = BINARY_CONTENT.get(29);
	private static final byte[] TEXT_PART_BINARY_30 = BINARY_CONTENT.get(30);
	private static final byte[] TEXT_PART_BINARY_31 = BINARY_CONTENT.get(31);
	private static final byte[] TEXT_PART_BINARY_32 = BINARY_CONTENT.get(32);
	private static final byte[] TEXT_PART_BINARY_33 = BINARY_CONTENT.get(33);
	private static final byte[] TEXT_PART_BINARY_34 = BINARY_CONTENT.get(34);
	private static final byte[] TEXT_PART_BINARY_35 = BINARY_CONTENT.get(35);
	private static final byte[] TEXT_PART_BINARY_36 = BINARY_CONTENT.get(36);
	private static final byte[] TEXT_PART_BINARY_37 = BINARY_CONTENT.get(37);
	private static final byte[] TEXT_PART_BINARY_38 = BINARY_CONTENT.get(38);
	private static final byte[] TEXT_PART_BINARY_39 = BINARY_CONTENT.get(39);
	private static final byte[] TEXT_PART_BINARY_40 = BINARY_CONTENT.get(40);
	private static final byte[] TEXT_PART_BINARY_41 = BINARY_CONTENT.get(41);
	private static final byte[] TEXT_PART_BINARY_42 = BINARY_CONTENT.get(42);
	private static final byte[] TEXT_PART_BINARY_43 = BINARY_CONTENT.get(43);
	private static final byte[] TEXT_PART_BINARY_44 = BINARY_CONTENT.get(44);
	private static final byte[] TEXT_PART_BINARY_45 = BINARY_CONTENT.get(45);
	private static final byte[] TEXT_PART_BINARY_46 = BINARY_CONTENT.get(46);
	private static final byte[] TEXT_PART_BINARY_47 = BINARY_CONTENT.get(47);
	private static final byte[] TEXT_PART_BINARY_48 = BINARY_CONTENT.get(48);
	private static final byte[] TEXT_PART_BINARY_49 = BINARY_CONTENT.get(49);
	private static final byte[] TEXT_PART_BINARY_50 = BINARY_CONTENT.get(50);
	private static final byte[] TEXT_PART_BINARY_51 = BINARY_CONTENT.get(51);
	private static final byte[] TEXT_PART_BINARY_52 = BINARY_CONTENT.get(52);
	private static final byte[] TEXT_PART_BINARY_53 = BINARY_CONTENT.get(53);
	private static final byte[] TEXT_PART_BINARY_54 = BINARY_CONTENT.get(54);
	private static final byte[] TEXT_PART_BINARY_55 = BINARY_CONTENT.get(55);
	private static final byte[] TEXT_PART_BINARY_56 = BINARY_CONTENT.get(56);
	private static final byte[] TEXT_PART_BINARY_57 = BINARY_CONTENT.get(57);
	private static final byte[] TEXT_PART_BINARY_58 = BINARY_CONTENT.get(58);
	private static final byte[] TEXT_PART_BINARY_59 = BINARY_CONTENT.get(59);
	private static final byte[] TEXT_PART_BINARY_60 = BINARY_CONTENT.get(60);
	private static final byte[] TEXT_PART_BINARY_61 = BINARY_CONTENT.get(61);
	private static final byte[] TEXT_PART_BINARY_62 = BINARY_CONTENT.get(62);
	private static final byte[] TEXT_PART_BINARY_63 = BINARY_CONTENT.get(63);
	private static final byte[] TEXT_PART_BINARY_64 = BINARY_CONTENT.get(64);
	private static final byte[] TEXT_PART_BINARY_65 = BINARY_CONTENT.get(65);
	private static final byte[] TEXT_PART_BINARY_66 = BINARY_CONTENT.get(66);
	private static final byte[] TEXT_PART_BINARY_67 = BINARY_CONTENT.get(67);
	private static final byte[] TEXT_PART_BINARY_68 = BINARY_CONTENT.get(68);
	private static final byte[] TEXT_PART_BINARY_69 = BINARY_CONTENT.get(69);
	private static final byte[] TEXT_PART_BINARY_70 = BINARY_CONTENT.get(70);
	private static final byte[] TEXT_PART_BINARY_71 = BINARY_CONTENT.get(71);
	private static final byte[] TEXT_PART_BINARY_72 = BINARY_CONTENT.get(72);
	private static final byte[] TEXT_PART_BINARY_73 = BINARY_CONTENT.get(73);
	private static final byte[] TEXT_PART_BINARY_74 = BINARY_CONTENT.get(74);
	private static final byte[] TEXT_PART_BINARY_75 = BINARY_CONTENT.get(75);
	private static final byte[] TEXT_PART_BINARY_76 = BINARY_CONTENT.get(76);
	private static final byte[] TEXT_PART_BINARY_77 = BINARY_CONTENT.get(77);
	private static final byte[] TEXT_PART_BINARY_78 = BINARY_CONTENT.get(78);
	private static final byte[] TEXT_PART_BINARY_79 = BINARY_CONTENT.get(79);
	private static final byte[] TEXT_PART_BINARY_80 = BINARY_CONTENT.get(80);
	private static final byte[] TEXT_PART_BINARY_81 = BINARY_CONTENT.get(81);
	private static final byte[] TEXT_PART_BINARY_82 = BINARY_CONTENT.get(82);
	private static final byte[] TEXT_PART_BINARY_83 = BINARY_CONTENT.get(83);
	private static final byte[] TEXT_PART_BINARY_84 = BINARY_CONTENT.get(84);
	private static final byte[] TEXT_PART_BINARY_85 = BINARY_CONTENT.get(85);
	private static final byte[] TEXT_PART_BINARY_86 = BINARY_CONTENT.get(86);
	private static final byte[] TEXT_PART_BINARY_87 = BINARY_CONTENT.get(87);
	private static final byte[] TEXT_PART_BINARY_88 = BINARY_CONTENT.get(88);
	private static final byte[] TEXT_PART_BINARY_89 = BINARY_CONTENT.get(89);
	private static final byte[] TEXT_PART_BINARY_90 = BINARY_CONTENT.get(90);
	private static final byte[] TEXT_PART_BINARY_91 = BINARY_CONTENT.get(91);
	private static final byte[] TEXT_PART_BINARY_92 = BINARY_CONTENT.get(92);
	private static final byte[] TEXT_PART_BINARY_93 = BINARY_CONTENT.get(93);
	private static final byte[] TEXT_PART_BINARY_94 = BINARY_CONTENT.get(94);
	private static final byte[] TEXT_PART_BINARY_95 = BINARY_CONTENT.get(95);
	private static final byte[] TEXT_PART_BINARY_96 = BINARY_CONTENT.get(96);
	private static final byte[] TEXT_PART_BINARY_97 = BINARY_CONTENT.get(97);
	private static final byte[] TEXT_PART_BINARY_98 = BINARY_CONTENT.get(98);
	private static final byte[] TEXT_PART_BINARY_99 = BINARY_CONTENT.get(99);
	public static void render(gg.jte.html.HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor, Page page, Content content) {
		jteOutput.writeBinaryContent(TEXT_PART_BINARY_0);
		var __jte_html_attribute_0 = page.language().code();
		if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_0)) {
			jteOutput.writeBinaryContent(TEXT_PART_BINARY_1);
			jteOutput.setContext("html", "lang");
			jteOutput.writeUserContent(__jte_html_attribute_0);
			jteOutput.setContext("html", null);
			jteOutput.writeBinaryContent(TEXT_PART_BINARY_2);
		}
		jteOutput.writeBinaryContent(TEXT_PART_BINARY_3);
		jteOutput.setContext("title", null);
		jteOutput.writeUserContent(page.title());
		jteOutput.writeBinaryContent(TEXT_PART_BINARY_4);
		jteOutput.setContext("title", null);
		jteOutput.writeUserContent(page.siteName());
		jteOutput.writeBinaryContent(TEXT_PART_BINARY_5);
		var __jte_html_attribute_1 = page.t("site.description");
		if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_1)) {
			jteOutput.writeBinaryContent(TEXT_PART_BINARY_6);
			jteOutput.setContext("meta", "content");
			jteOutput.writeUserContent(__jte_html_attribute_1);
			jteOutput.setContext("meta", null);
			jteOutput.writeBinaryContent(TEXT_PART_BINARY_7);
		}
		jteOutput.writeBinaryContent(TEXT_PART_BINARY_8);
		var __jte_html_attribute_2 = page.asset("/img/favicon.svg");
		if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_2)) {
			jteOutput.writeBinaryContent(TEXT_PART_BINARY_9);
			jteOutput.setContext("link", "href");
			jteOutput.writeUserContent(__jte_html_attribute_2);
			jteOutput.setContext("link", null);
			jteOutput.writeBinaryContent(TEXT_PART_BINARY_10);
		}
		jteOutput.writeBinaryContent(TEXT_PART_BINARY_11);
		var __jte_html_attribute_3 = page.asset("/css/site.css");
		if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_3)) {
			jteOutput.writeBinaryContent(TEXT_PART_BINARY_12);
			jteOutput.setContext("link", "href");
			jteOutput.writeUserContent(__jte_html_attribute_3);
			jteOutput.setContext("link", null);
			jteOutput.writeBinaryContent(TEXT_PART_BINARY_13);
		}
		jteOutput.writeBinaryContent(TEXT_PART_BINARY_14);
		for (var language : page.languages()) {
			jteOutput.writeBinaryContent(TEXT_PART_BINARY_15);
			var __jte_html_attribute_4 = language.code();
			if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_4)) {
				jteOutput.writeBinaryContent(TEXT_PART_BINARY_16);
				jteOutput.setContext("link", "hreflang");
				jteOutput.writeUserContent(__jte_html_attribute_4);
				jteOutput.setContext("link", null);
				jteOutput.writeBinaryContent(TEXT_PART_BINARY_17);
			}
			var __jte_html_attribute_5 = page.pathIn(language);
			if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_5)) {
				jteOutput.writeBinaryContent(TEXT_PART_BINARY_18);
				jteOutput.setContext("link", "href");
				jteOutput.writeUserContent(__jte_html_attribute_5);
				jteOutput.setContext("link", null);
				jteOutput.writeBinaryContent(TEXT_PART_BINARY_19);
			}
			jteOutput.writeBinaryContent(TEXT_PART_BINARY_20);
		}
		jteOutput.writeBinaryContent(TEXT_PART_BINARY_21);
		var __jte_html_attribute_6 = page.asset("/js/quick-exit.js");
		if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_6)) {
			jteOutput.writeBinaryContent(TEXT_PART_BINARY_22);
			jteOutput.setContext("script", "src");
			jteOutput.writeUserContent(__jte_html_attribute_6);
			jteOutput.setContext("script", null);
			jteOutput.writeBinaryContent(TEXT_PART_BINARY_23);
		}
		jteOutput.writeBinaryContent(TEXT_PART_BINARY_24);
		jteOutput.setContext("a", null);
		jteOutput.writeUserContent(page.t("layout.skipToContent"));
		jteOutput.writeBinaryContent(TEXT_PART_BINARY_25);
		var __jte_html_attribute_7 = page.t("help.label");
		if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_7)) {
			jteOutput.writeBinaryContent(TEXT_PART_BINARY_26);
			jteOutput.setContext("div", "aria-label");
			jteOutput.writeUserContent(__jte_html_attribute_7);
			jteOutput.setContext("div", null);
			jteOutput.writeBinaryContent(TEXT_PART_BINARY_27);
		}
		jteOutput.writeBinaryContent(TEXT_PART_BINARY_28);
		jteOutput.setContext("span", null);
		jteOutput.writeUserContent(page.t("help.lead"));
		jteOutput.writeBinaryContent(TEXT_PART_BINARY_29);
		var __jte_html_attribute_8 = page.tel(page.help().emergency());
		if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_8)) {
			jteOutput.writeBinaryContent(TEXT_PART_BINARY_30);
			jteOutput.setContext("a", "href");
			jteOutput.writeUserContent(__jte_html_attribute_8);
			jteOutput.setContext("a", null);
			jteOutput.writeBinaryContent(TEXT_PART_BINARY_31);
		}
		jteOutput.writeBinaryContent(TEXT_PART_BINARY_32);
		jteOutput.setContext("a", null);
		jteOutput.writeUserContent(page.t("help.emergency", page.help().emergency()));
		jteOutput.writeBinaryContent(TEXT_PART_BINARY_33);
		var __jte_html_attribute_9 = page.tel(page.help().police());
		if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_9)) {
			jteOutput.writeBinaryContent(TEXT_PART_BINARY_34);
			jteOutput.setContext("a", "href");
			jteOutput.writeUserContent(__jte_html_attribute_9);
			jteOutput.setContext("a", null);
			jteOutput.writeBinaryContent(TEXT_PART_BINARY_35);
		}
		jteOutput.writeBinaryContent(TEXT_PART_BINARY_36);
		jteOutput.setContext("a", null);
		jteOutput.writeUserContent(page.t("help.police", page.help().police()));
		jteOutput.writeBinaryContent(TEXT_PART_BINARY_37);
		var __jte_html_attribute_10 = page.tel(page.help().childHelpline());
		if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_10)) {
			jteOutput.writeBinaryContent(TEXT_PART_BINARY_38);
			jteOutput.setContext("a", "href");
			jteOutput.writeUserContent(__jte_html_attribute_10);
			jteOutput.setContext("a", null);
			jteOutput.writeBinaryContent(TEXT_PART_BINARY_39);
		}
		jteOutput.writeBinaryContent(TEXT_PART_BINARY_40);
		jteOutput.setContext("a", null);
		jteOutput.writeUserContent(page.t("help.childHelpline", page.help().childHelplineName(), page.help().childHelpline()));
		jteOutput.writeBinaryContent(TEXT_PART_BINARY_41);
		var __jte_html_attribute_11 = page.quickExitUrl();
		if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_11)) {
			jteOutput.writeBinaryContent(TEXT_PART_BINARY_42);
			jteOutput.setContext("a", "href");
			jteOutput.writeUserContent(__jte_html_attribute_11);
			jteOutput.setContext("a", null);
			jteOutput.writeBinaryContent(TEXT_PART_BINARY_43);
		}
		jteOutput.writeBinaryContent(TEXT_PART_BINARY_44);
		jteOutput.setContext("a", null);
		jteOutput.writeUserContent(page.t("quickExit.label"));
		jteOutput.writeBinaryContent(TEXT_PART_BINARY_45);
		jteOutput.setContext("p", null);
		jteOutput.writeUserContent(page.t("quickExit.hint"));
		jteOutput.writeBinaryContent(TEXT_PART_BINARY_46);
		var __jte_html_attribute_12 = page.linkTo(SiteMap.HOME);
		if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_12)) {
			jteOutput.writeBinaryContent(TEXT_PART_BINARY_47);
			jteOutput.setContext("a", "href");
			jteOutput.writeUserContent(__jte_html_attribute_12);
			jteOutput.setContext("a", null);
			jteOutput.writeBinaryContent(TEXT_PART_BINARY_48);
		}
		jteOutput.writeBinaryContent(TEXT_PART_BINARY_49);
		jteOutput.setContext("span", null);
		jteOutput.writeUserContent(page.siteName());
		jteOutput.writeBinaryContent(TEXT_PART_BINARY_50);
		jteOutput.setContext("span", null);
		jteOutput.writeUserContent(page.t("site.tagline"));
		jteOutput.writeBinaryContent(TEXT_PART_BINARY_51);
		var __jte_html_attribute_13 = page.t("layout.languageSwitch");
		if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_13)) {
			jteOutput.writeBinaryContent(TEXT_PART_BINARY_52);
			jteOutput.setContext("nav", "aria-label");
			jteOutput.writeUserContent(__jte_html_attribute_13);
			jteOutput.setContext("nav", null);
			jteOutput.writeBinaryContent(TEXT_PART_BINARY_53);
		}
		jteOutput.writeBinaryContent(TEXT_PART_BINARY_54);
		for (var language : page.otherLanguages()) {
			jteOutput.writeBinaryContent(TEXT_PART_BINARY_55);
			var __jte_html_attribute_14 = page.pathIn(language);
			if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_14)) {
				jteOutput.writeBinaryContent(TEXT_PART_BINARY_56);
				jteOutput.setContext("a", "href");
				jteOutput.writeUserContent(__jte_html_attribute_14);
				jteOutput.setContext("a", null);
				jteOutput.writeBinaryContent(TEXT_PART_BINARY_57);
			}
			var __jte_html_attribute_15 = language.code();
			if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_15)) {
				jteOutput.writeBinaryContent(TEXT_PART_BINARY_58);
				jteOutput.setContext("a", "hreflang");
				jteOutput.writeUserContent(__jte_html_attribute_15);
				jteOutput.setContext("a", null);
				jteOutput.writeBinaryContent(TEXT_PART_BINARY_59);
			}
			var __jte_html_attribute_16 = language.code();
			if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_16)) {
				jteOutput.writeBinaryContent(TEXT_PART_BINARY_60);
				jteOutput.setContext("a", "lang");
				jteOutput.writeUserContent(__jte_html_attribute_16);
				jteOutput.setContext("a", null);
				jteOutput.writeBinaryContent(TEXT_PART_BINARY_61);
			}
			jteOutput.writeBinaryContent(TEXT_PART_BINARY_62);
			jteOutput.setContext("a", null);
			jteOutput.writeUserContent(page.t("language.switchTo." + language.code()));
			jteOutput.writeBinaryContent(TEXT_PART_BINARY_63);
		}
		jteOutput.writeBinaryContent(TEXT_PART_BINARY_64);
		var __jte_html_attribute_17 = page.t("layout.mainNavigation");
		if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_17)) {
			jteOutput.writeBinaryContent(TEXT_PART_BINARY_65);
			jteOutput.setContext("nav", "aria-label");
			jteOutput.writeUserContent(__jte_html_attribute_17);
			jteOutput.setContext("nav", null);
			jteOutput.writeBinaryContent(TEXT_PART_BINARY_66);
		}
		jteOutput.writeBinaryContent(TEXT_PART_BINARY_67);
		var __jte_html_attribute_18 = page.linkTo(SiteMap.HOME);
		if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_18)) {
			jteOutput.writeBinaryContent(TEXT_PART_BINARY_68);
			jteOutput.setContext("a", "href");
			jteOutput.writeUserContent(__jte_html_attribute_18);
			jteOutput.setContext("a", null);
			jteOutput.writeBinaryContent(TEXT_PART_BINARY_69);
		}
		var __jte_html_attribute_19 = page.is(SiteMap.HOME) ? "page" : null;
		if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_19)) {
			jteOutput.writeBinaryContent(TEXT_PART_BINARY_70);
			jteOutput.setContext("a", "aria-current");
			jteOutput.writeUserContent(__jte_html_attribute_19);
			jteOutput.setContext("a", null);
			jteOutput.writeBinaryContent(TEXT_PART_BINARY_71);
		}
		jteOutput.writeBinaryContent(TEXT_PART_BINARY_72);
		jteOutput.setContext("a", null);
		jteOutput.writeUserContent(page.t("nav.home"));
		jteOutput.writeBinaryContent(TEXT_PART_BINARY_73);
		var __jte_html_attribute_20 = page.linkTo(SiteMap.ABOUT);
		if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_20)) {
			jteOutput.writeBinaryContent(TEXT_PART_BINARY_74);
			jteOutput.setContext("a", "href");
			jteOutput.writeUserContent(__jte_html_attribute_20);
			jteOutput.setContext("a", null);
			jteOutput.writeBinaryContent(TEXT_PART_BINARY_75);
		}
		var __jte_html_attribute_21 = page.is(SiteMap.ABOUT) ? "page" : null;
		if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_21)) {
			jteOutput.writeBinaryContent(TEXT_PART_BINARY_76);
			jteOutput.setContext("a", "aria-current");
			jteOutput.writeUserContent(__jte_html_attribute_21);
			jteOutput.setContext("a", null);
			jteOutput.writeBinaryContent(TEXT_PART_BINARY_77);
		}
		jteOutput.writeBinaryContent(TEXT_PART_BINARY_78);
		jteOutput.setContext("a", null);
		jteOutput.writeUserContent(page.t("nav.about"));
		jteOutput.writeBinaryContent(TEXT_PART_BINARY_79);
		var __jte_html_attribute_22 = page.linkTo(SiteMap.REPORT);
		if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_22)) {
			jteOutput.writeBinaryContent(TEXT_PART_BINARY_80);
			jteOutput.setContext("a", "href");
			jteOutput.writeUserContent(__jte_html_attribute_22);
			jteOutput.setContext("a", null);
			jteOutput.writeBinaryContent(TEXT_PART_BINARY_81);
		}
		jteOutput.writeBinaryContent(TEXT_PART_BINARY_82);
		jteOutput.setContext("a", null);
		jteOutput.writeUserContent(page.t("nav.report"));
		jteOutput.writeBinaryContent(TEXT_PART_BINARY_83);
		jteOutput.setContext("main", null);
		jteOutput.writeUserContent(content);
		jteOutput.writeBinaryContent(TEXT_PART_BINARY_84);
		jteOutput.setContext("p", null);
		jteOutput.writeUserContent(page.siteName());
		jteOutput.writeBinaryContent(TEXT_PART_BINARY_85);
		jteOutput.setContext("p", null);
		jteOutput.writeUserContent(page.t("site.tagline"));
		jteOutput.writeBinaryContent(TEXT_PART_BINARY_86);
		var __jte_html_attribute_23 = page.t("layout.footerNavigation");
		if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_23)) {
			jteOutput.writeBinaryContent(TEXT_PART_BINARY_87);
			jteOutput.setContext("nav", "aria-label");
			jteOutput.writeUserContent(__jte_html_attribute_23);
			jteOutput.setContext("nav", null);
			jteOutput.writeBinaryContent(TEXT_PART_BINARY_88);
		}
		jteOutput.writeBinaryContent(TEXT_PART_BINARY_89);
		var __jte_html_attribute_24 = page.linkTo(SiteMap.ABOUT);
		if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_24)) {
			jteOutput.writeBinaryContent(TEXT_PART_BINARY_90);
			jteOutput.setContext("a", "href");
			jteOutput.writeUserContent(__jte_html_attribute_24);
			jteOutput.setContext("a", null);
			jteOutput.writeBinaryContent(TEXT_PART_BINARY_91);
		}
		jteOutput.writeBinaryContent(TEXT_PART_BINARY_92);
		jteOutput.setContext("a", null);
		jteOutput.writeUserContent(page.t("nav.about"));
		jteOutput.writeBinaryContent(TEXT_PART_BINARY_93);
		var __jte_html_attribute_25 = page.linkTo(SiteMap.REPORT);
		if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_25)) {
			jteOutput.writeBinaryContent(TEXT_PART_BINARY_94);
			jteOutput.setContext("a", "href");
			jteOutput.writeUserContent(__jte_html_attribute_25);
			jteOutput.setContext("a", null);
			jteOutput.writeBinaryContent(TEXT_PART_BINARY_95);
		}
		jteOutput.writeBinaryContent(TEXT_PART_BINARY_96);
		jteOutput.setContext("a", null);
		jteOutput.writeUserContent(page.t("nav.report"));
		jteOutput.writeBinaryContent(TEXT_PART_BINARY_97);
		jteOutput.setContext("p", null);
		jteOutput.writeUserContent(page.t("footer.helpline", page.help().childHelplineName(), page.help().childHelpline()));
		jteOutput.writeBinaryContent(TEXT_PART_BINARY_98);
		jteOutput.setContext("p", null);
		jteOutput.writeUserContent(page.t("footer.software"));
		jteOutput.writeBinaryContent(TEXT_PART_BINARY_99);
	}
	public static void renderMap(gg.jte.html.HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor, java.util.Map<String, Object> params) {
		Page page = (Page)params.get("page");
		Content content = (Content)params.get("content");
		render(jteOutput, jteHtmlInterceptor, page, content);
	}
}
