package gg.jte.generated.precompiled.layout;
import org.raporto.shared.web.Page;
import org.raporto.shared.web.SiteMap;
import gg.jte.Content;
@SuppressWarnings("unchecked")
@javax.annotation.processing.Generated("gg.jte.TemplateEngine")
public final class JtepageGenerated {
	public static final String JTE_NAME = "layout/page.jte";
	public static final int[] JTE_LINE_INFO = {0,0,1,2,0,0,0,0,0,0,6,6,6,6,6,6,6,6,6,10,10,10,10,10,10,11,11,11,11,11,11,11,11,11,13,13,13,13,13,13,13,13,13,14,14,14,14,14,14,14,14,14,15,15,16,16,16,16,16,16,16,16,16,16,16,16,16,16,16,16,16,17,17,18,18,18,18,18,18,18,18,18,21,21,21,22,22,22,22,22,22,22,22,22,25,25,25,26,26,26,26,26,26,26,26,26,26,26,26,27,27,27,27,27,27,27,27,27,27,27,27,28,28,28,28,28,28,28,28,28,28,28,28,31,31,31,31,31,31,31,31,31,31,31,31,32,32,32,38,38,38,38,38,38,38,38,38,39,39,39,40,40,40,42,42,42,42,42,42,42,42,42,43,43,44,44,44,44,44,44,44,44,44,44,44,44,44,44,44,44,44,44,44,44,44,44,44,44,44,44,44,44,45,45,48,48,48,48,48,48,48,48,48,50,50,50,50,50,50,50,50,50,50,50,50,50,50,50,50,50,50,50,50,51,51,51,51,51,51,51,51,51,51,51,51,51,51,51,51,51,51,51,51,52,52,52,52,52,52,52,52,52,52,52,52,57,57,57,61,61,61,61,61,61,62,62,62,62,62,62,62,62,62,64,64,64,64,64,64,64,64,64,64,64,64,65,65,65,65,65,65,65,65,65,65,65,65,68,68,68,69,69,69,74,0,0,3,4,0,0,0};
	public static void render(gg.jte.html.HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor, Page page, Content content) {
		jteOutput.writeContent("<!DOCTYPE html>\n<html");
		var __jte_html_attribute_0 = page.language().code();
		if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_0)) {
			jteOutput.writeContent(" lang=\"");
			jteOutput.setContext("html", "lang");
			jteOutput.writeUserContent(__jte_html_attribute_0);
			jteOutput.setContext("html", null);
			jteOutput.writeContent("\"");
		}
		jteOutput.writeContent(">\n<head>\n    <meta charset=\"utf-8\">\n    <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n    <title>");
		jteOutput.setContext("title", null);
		jteOutput.writeUserContent(page.title());
		jteOutput.writeContent(" · ");
		jteOutput.setContext("title", null);
		jteOutput.writeUserContent(page.siteName());
		jteOutput.writeContent("</title>\n    <meta name=\"description\"");
		var __jte_html_attribute_1 = page.t("site.description");
		if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_1)) {
			jteOutput.writeContent(" content=\"");
			jteOutput.setContext("meta", "content");
			jteOutput.writeUserContent(__jte_html_attribute_1);
			jteOutput.setContext("meta", null);
			jteOutput.writeContent("\"");
		}
		jteOutput.writeContent(">\n    <meta name=\"referrer\" content=\"no-referrer\">\n    <link rel=\"icon\"");
		var __jte_html_attribute_2 = page.asset("/img/favicon.svg");
		if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_2)) {
			jteOutput.writeContent(" href=\"");
			jteOutput.setContext("link", "href");
			jteOutput.writeUserContent(__jte_html_attribute_2);
			jteOutput.setContext("link", null);
			jteOutput.writeContent("\"");
		}
		jteOutput.writeContent(" type=\"image/svg+xml\">\n    <link rel=\"stylesheet\"");
		var __jte_html_attribute_3 = page.asset("/css/site.css");
		if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_3)) {
			jteOutput.writeContent(" href=\"");
			jteOutput.setContext("link", "href");
			jteOutput.writeUserContent(__jte_html_attribute_3);
			jteOutput.setContext("link", null);
			jteOutput.writeContent("\"");
		}
		jteOutput.writeContent(">\n");
		for (var language : page.languages()) {
			jteOutput.writeContent("    <link rel=\"alternate\"");
			var __jte_html_attribute_4 = language.code();
			if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_4)) {
				jteOutput.writeContent(" hreflang=\"");
				jteOutput.setContext("link", "hreflang");
				jteOutput.writeUserContent(__jte_html_attribute_4);
				jteOutput.setContext("link", null);
				jteOutput.writeContent("\"");
			}
			var __jte_html_attribute_5 = page.pathIn(language);
			if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_5)) {
				jteOutput.writeContent(" href=\"");
				jteOutput.setContext("link", "href");
				jteOutput.writeUserContent(__jte_html_attribute_5);
				jteOutput.setContext("link", null);
				jteOutput.writeContent("\"");
			}
			jteOutput.writeContent(">\n");
		}
		jteOutput.writeContent("    <script");
		var __jte_html_attribute_6 = page.asset("/js/quick-exit.js");
		if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_6)) {
			jteOutput.writeContent(" src=\"");
			jteOutput.setContext("script", "src");
			jteOutput.writeUserContent(__jte_html_attribute_6);
			jteOutput.setContext("script", null);
			jteOutput.writeContent("\"");
		}
		jteOutput.writeContent(" defer></script>\n</head>\n<body>\n<a class=\"skip-link\" href=\"#main\">");
		jteOutput.setContext("a", null);
		jteOutput.writeUserContent(page.t("layout.skipToContent"));
		jteOutput.writeContent("</a>\n<div class=\"help-bar\" role=\"region\"");
		var __jte_html_attribute_7 = page.t("help.label");
		if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_7)) {
			jteOutput.writeContent(" aria-label=\"");
			jteOutput.setContext("div", "aria-label");
			jteOutput.writeUserContent(__jte_html_attribute_7);
			jteOutput.setContext("div", null);
			jteOutput.writeContent("\"");
		}
		jteOutput.writeContent(">\n    <div class=\"help-bar__inner\">\n        <p class=\"help-bar__numbers\">\n            <span class=\"help-bar__lead\">");
		jteOutput.setContext("span", null);
		jteOutput.writeUserContent(page.t("help.lead"));
		jteOutput.writeContent("</span>\n            <a");
		var __jte_html_attribute_8 = page.tel(page.help().emergency());
		if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_8)) {
			jteOutput.writeContent(" href=\"");
			jteOutput.setContext("a", "href");
			jteOutput.writeUserContent(__jte_html_attribute_8);
			jteOutput.setContext("a", null);
			jteOutput.writeContent("\"");
		}
		jteOutput.writeContent(">");
		jteOutput.setContext("a", null);
		jteOutput.writeUserContent(page.t("help.emergency", page.help().emergency()));
		jteOutput.writeContent("</a>\n            <a");
		var __jte_html_attribute_9 = page.tel(page.help().police());
		if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_9)) {
			jteOutput.writeContent(" href=\"");
			jteOutput.setContext("a", "href");
			jteOutput.writeUserContent(__jte_html_attribute_9);
			jteOutput.setContext("a", null);
			jteOutput.writeContent("\"");
		}
		jteOutput.writeContent(">");
		jteOutput.setContext("a", null);
		jteOutput.writeUserContent(page.t("help.police", page.help().police()));
		jteOutput.writeContent("</a>\n            <a");
		var __jte_html_attribute_10 = page.tel(page.help().childHelpline());
		if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_10)) {
			jteOutput.writeContent(" href=\"");
			jteOutput.setContext("a", "href");
			jteOutput.writeUserContent(__jte_html_attribute_10);
			jteOutput.setContext("a", null);
			jteOutput.writeContent("\"");
		}
		jteOutput.writeContent(">");
		jteOutput.setContext("a", null);
		jteOutput.writeUserContent(page.t("help.childHelpline", page.help().childHelplineName(), page.help().childHelpline()));
		jteOutput.writeContent("</a>\n        </p>\n        <div class=\"quick-exit\">\n            <a id=\"quick-exit\" class=\"quick-exit__link\"");
		var __jte_html_attribute_11 = page.quickExitUrl();
		if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_11)) {
			jteOutput.writeContent(" href=\"");
			jteOutput.setContext("a", "href");
			jteOutput.writeUserContent(__jte_html_attribute_11);
			jteOutput.setContext("a", null);
			jteOutput.writeContent("\"");
		}
		jteOutput.writeContent(" rel=\"noreferrer\">");
		jteOutput.setContext("a", null);
		jteOutput.writeUserContent(page.t("quickExit.label"));
		jteOutput.writeContent("</a>\n            <p class=\"quick-exit__hint\" data-js-only hidden>");
		jteOutput.setContext("p", null);
		jteOutput.writeUserContent(page.t("quickExit.hint"));
		jteOutput.writeContent("</p>\n        </div>\n    </div>\n</div>\n<header class=\"site-header\">\n    <div class=\"site-header__inner\">\n        <a class=\"site-name\"");
		var __jte_html_attribute_12 = page.linkTo(SiteMap.HOME);
		if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_12)) {
			jteOutput.writeContent(" href=\"");
			jteOutput.setContext("a", "href");
			jteOutput.writeUserContent(__jte_html_attribute_12);
			jteOutput.setContext("a", null);
			jteOutput.writeContent("\"");
		}
		jteOutput.writeContent(">\n            <span class=\"site-name__name\">");
		jteOutput.setContext("span", null);
		jteOutput.writeUserContent(page.siteName());
		jteOutput.writeContent("</span>\n            <span class=\"site-name__tagline\">");
		jteOutput.setContext("span", null);
		jteOutput.writeUserContent(page.t("site.tagline"));
		jteOutput.writeContent("</span>\n        </a>\n        <nav class=\"language-switch\"");
		var __jte_html_attribute_13 = page.t("layout.languageSwitch");
		if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_13)) {
			jteOutput.writeContent(" aria-label=\"");
			jteOutput.setContext("nav", "aria-label");
			jteOutput.writeUserContent(__jte_html_attribute_13);
			jteOutput.setContext("nav", null);
			jteOutput.writeContent("\"");
		}
		jteOutput.writeContent(">\n");
		for (var language : page.otherLanguages()) {
			jteOutput.writeContent("            <a");
			var __jte_html_attribute_14 = page.pathIn(language);
			if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_14)) {
				jteOutput.writeContent(" href=\"");
				jteOutput.setContext("a", "href");
				jteOutput.writeUserContent(__jte_html_attribute_14);
				jteOutput.setContext("a", null);
				jteOutput.writeContent("\"");
			}
			var __jte_html_attribute_15 = language.code();
			if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_15)) {
				jteOutput.writeContent(" hreflang=\"");
				jteOutput.setContext("a", "hreflang");
				jteOutput.writeUserContent(__jte_html_attribute_15);
				jteOutput.setContext("a", null);
				jteOutput.writeContent("\"");
			}
			var __jte_html_attribute_16 = language.code();
			if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_16)) {
				jteOutput.writeContent(" lang=\"");
				jteOutput.setContext("a", "lang");
				jteOutput.writeUserContent(__jte_html_attribute_16);
				jteOutput.setContext("a", null);
				jteOutput.writeContent("\"");
			}
			jteOutput.writeContent(">");
			jteOutput.setContext("a", null);
			jteOutput.writeUserContent(page.t("language.switchTo." + language.code()));
			jteOutput.writeContent("</a>\n");
		}
		jteOutput.writeContent("        </nav>\n    </div>\n    <nav class=\"main-nav\"");
		var __jte_html_attribute_17 = page.t("layout.mainNavigation");
		if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_17)) {
			jteOutput.writeContent(" aria-label=\"");
			jteOutput.setContext("nav", "aria-label");
			jteOutput.writeUserContent(__jte_html_attribute_17);
			jteOutput.setContext("nav", null);
			jteOutput.writeContent("\"");
		}
		jteOutput.writeContent(">\n        <ul>\n            <li><a");
		var __jte_html_attribute_18 = page.linkTo(SiteMap.HOME);
		if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_18)) {
			jteOutput.writeContent(" href=\"");
			jteOutput.setContext("a", "href");
			jteOutput.writeUserContent(__jte_html_attribute_18);
			jteOutput.setContext("a", null);
			jteOutput.writeContent("\"");
		}
		var __jte_html_attribute_19 = page.is(SiteMap.HOME) ? "page" : null;
		if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_19)) {
			jteOutput.writeContent(" aria-current=\"");
			jteOutput.setContext("a", "aria-current");
			jteOutput.writeUserContent(__jte_html_attribute_19);
			jteOutput.setContext("a", null);
			jteOutput.writeContent("\"");
		}
		jteOutput.writeContent(">");
		jteOutput.setContext("a", null);
		jteOutput.writeUserContent(page.t("nav.home"));
		jteOutput.writeContent("</a></li>\n            <li><a");
		var __jte_html_attribute_20 = page.linkTo(SiteMap.ABOUT);
		if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_20)) {
			jteOutput.writeContent(" href=\"");
			jteOutput.setContext("a", "href");
			jteOutput.writeUserContent(__jte_html_attribute_20);
			jteOutput.setContext("a", null);
			jteOutput.writeContent("\"");
		}
		var __jte_html_attribute_21 = page.is(SiteMap.ABOUT) ? "page" : null;
		if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_21)) {
			jteOutput.writeContent(" aria-current=\"");
			jteOutput.setContext("a", "aria-current");
			jteOutput.writeUserContent(__jte_html_attribute_21);
			jteOutput.setContext("a", null);
			jteOutput.writeContent("\"");
		}
		jteOutput.writeContent(">");
		jteOutput.setContext("a", null);
		jteOutput.writeUserContent(page.t("nav.about"));
		jteOutput.writeContent("</a></li>\n            <li class=\"main-nav__report\"><a class=\"button button--report\"");
		var __jte_html_attribute_22 = page.linkTo(SiteMap.REPORT);
		if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_22)) {
			jteOutput.writeContent(" href=\"");
			jteOutput.setContext("a", "href");
			jteOutput.writeUserContent(__jte_html_attribute_22);
			jteOutput.setContext("a", null);
			jteOutput.writeContent("\"");
		}
		jteOutput.writeContent(">");
		jteOutput.setContext("a", null);
		jteOutput.writeUserContent(page.t("nav.report"));
		jteOutput.writeContent("</a></li>\n        </ul>\n    </nav>\n</header>\n<main id=\"main\" tabindex=\"-1\">\n");
		jteOutput.setContext("main", null);
		jteOutput.writeUserContent(content);
		jteOutput.writeContent("\n</main>\n<footer class=\"site-footer\">\n    <div class=\"site-footer__inner\">\n        <p class=\"site-footer__name\">");
		jteOutput.setContext("p", null);
		jteOutput.writeUserContent(page.siteName());
		jteOutput.writeContent(" · ");
		jteOutput.setContext("p", null);
		jteOutput.writeUserContent(page.t("site.tagline"));
		jteOutput.writeContent("</p>\n        <nav");
		var __jte_html_attribute_23 = page.t("layout.footerNavigation");
		if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_23)) {
			jteOutput.writeContent(" aria-label=\"");
			jteOutput.setContext("nav", "aria-label");
			jteOutput.writeUserContent(__jte_html_attribute_23);
			jteOutput.setContext("nav", null);
			jteOutput.writeContent("\"");
		}
		jteOutput.writeContent(">\n            <ul>\n                <li><a");
		var __jte_html_attribute_24 = page.linkTo(SiteMap.ABOUT);
		if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_24)) {
			jteOutput.writeContent(" href=\"");
			jteOutput.setContext("a", "href");
			jteOutput.writeUserContent(__jte_html_attribute_24);
			jteOutput.setContext("a", null);
			jteOutput.writeContent("\"");
		}
		jteOutput.writeContent(">");
		jteOutput.setContext("a", null);
		jteOutput.writeUserContent(page.t("nav.about"));
		jteOutput.writeContent("</a></li>\n                <li><a");
		var __jte_html_attribute_25 = page.linkTo(SiteMap.REPORT);
		if (gg.jte.runtime.TemplateUtils.isAttributeRendered(__jte_html_attribute_25)) {
			jteOutput.writeContent(" href=\"");
			jteOutput.setContext("a", "href");
			jteOutput.writeUserContent(__jte_html_attribute_25);
			jteOutput.setContext("a", null);
			jteOutput.writeContent("\"");
		}
		jteOutput.writeContent(">");
		jteOutput.setContext("a", null);
		jteOutput.writeUserContent(page.t("nav.report"));
		jteOutput.writeContent("</a></li>\n            </ul>\n        </nav>\n        <p class=\"site-footer__help\">");
		jteOutput.setContext("p", null);
		jteOutput.writeUserContent(page.t("footer.helpline", page.help().childHelplineName(), page.help().childHelpline()));
		jteOutput.writeContent("</p>\n        <p class=\"site-footer__software\">");
		jteOutput.setContext("p", null);
		jteOutput.writeUserContent(page.t("footer.software"));
		jteOutput.writeContent("</p>\n    </div>\n</footer>\n</body>\n</html>\n");
	}
	public static void renderMap(gg.jte.html.HtmlTemplateOutput jteOutput, gg.jte.html.HtmlInterceptor jteHtmlInterceptor, java.util.Map<String, Object> params) {
		Page page = (Page)params.get("page");
		Content content = (Content)params.get("content");
		render(jteOutput, jteHtmlInterceptor, page, content);
	}
}
