package org.raporto.shared.web;

import java.util.Optional;

import org.raporto.shared.Language;
import org.raporto.shared.i18n.Messages;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/** Makes the {@link StaffPage} for a staff controller, in the language of the person signed in. */
@Component
public class StaffPages {

    private static final String CHOSEN_LANGUAGE = StaffPages.class.getName() + ".language";

    private final SiteProperties site;
    private final Messages messages;
    private final Assets assets;

    StaffPages(SiteProperties site, Messages messages, Assets assets) {
        this.site = site;
        this.messages = messages;
        this.assets = assets;
    }

    /**
     * @param titleKey  the message key of the title
     * @param hasErrors whether the page shows a form again with errors ("Gabim: …" first in the title)
     */
    public StaffPage page(HttpServletRequest request, String titleKey, boolean hasErrors) {
        Optional<SignedIn> user = signedIn();
        Language language = user.map(SignedIn::language).orElseGet(() -> chosen(request));
        String title = messages.get(language, titleKey);
        return new StaffPage(language, hasErrors ? messages.get(language, "error.titlePrefix", title) : title,
                request.getRequestURI(), user.orElse(null), site, messages, assets);
    }

    /** The language of staff pages for this request: the account's, else one chosen with {@code ?lang=}, else the browser's. */
    public Language language(HttpServletRequest request) {
        return signedIn().map(SignedIn::language).orElseGet(() -> chosen(request));
    }

    private static Language chosen(HttpServletRequest request) {
        Optional<Language> asked = Language.fromCode(request.getParameter("lang"));
        HttpSession session = request.getSession(false);
        if (asked.isPresent()) {
            request.getSession().setAttribute(CHOSEN_LANGUAGE, asked.get());
            return asked.get();
        }
        if (session != null && session.getAttribute(CHOSEN_LANGUAGE) instanceof Language remembered) {
            return remembered;
        }
        return Language.negotiate(request.getHeader("Accept-Language"));
    }

    private static Optional<SignedIn> signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedIn user ? Optional.of(user) : Optional.empty();
    }
}
