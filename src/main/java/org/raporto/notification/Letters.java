package org.raporto.notification;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.raporto.shared.Language;
import org.raporto.shared.i18n.Messages;
import org.raporto.shared.web.SiteMap;
import org.raporto.shared.web.SiteProperties;
import org.raporto.shared.web.SiteSettings;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Writes the e-mail for a notice: plain text in UTF-8, in the recipient's language, from the message bundles. Plain
 * text because it shows the same in every mail program, and leaves nothing to load from elsewhere that could tell
 * anyone when the message was read.
 */
@Component
class Letters {

    private final Messages messages;
    private final SiteProperties site;
    private final SiteSettings settings;
    private final Clock clock;
    private final InternetAddress from;

    Letters(Messages messages, SiteProperties site, SiteSettings settings, NotificationProperties properties, Clock clock) {
        this.settings = settings;
        this.messages = messages;
        this.site = site;
        this.clock = clock;
        this.from = sender(properties.from(), site);
    }

    /**
     * Fills the message. Its {@code Message-ID} is made from the outbox id, so that the rare second copy (a node died
     * between sending and recording it) is the same message to the mail programs that notice such things.
     *
     * @param text for a composed kind, the words its sender wrote; for the others null, and the words come from the
     *             bundles
     */
    void write(MimeMessage message, UUID id, NoticeKind kind, Language language, String recipient, @Nullable String link,
            @Nullable ComposedText text) throws MessagingException {
        var mail = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
        mail.setFrom(from);
        mail.setTo(recipient);
        if (text == null) {
            mail.setSubject(messages.get(language, "notice." + kind.name() + ".subject", site.name()));
            mail.setText(body(kind, language, link));
            // An automatic message (RFC 3834): vacation responders should not answer it.
            message.setHeader("Auto-Submitted", "auto-generated");
        }
        else {
            // Sent because an analyst referred something, and answered by agencies: their ticket systems' acknowledgements
            // (which RFC 3834 tells them not to send to auto-generated mail) are welcome, at the reply address if any.
            mail.setSubject(text.subject());
            mail.setText(text.body());
            if (text.replyTo() != null) {
                mail.setReplyTo(text.replyTo());
            }
        }
        mail.setSentDate(Date.from(clock.instant()));
        message.setContentLanguage(new String[] {language.code()});
        message.setHeader("Message-ID", "<" + id + "@" + site.publicUrl().getHost() + ">");
    }

    private String body(NoticeKind kind, Language language, @Nullable String link) {
        String text = messages.get(language, "notice." + kind.name() + ".body", site.name(), link(kind, language, link));
        if (kind.withLink()) {
            return String.join("\n\n", messages.get(language, "notice.greeting"), text, messages.get(language, "notice.signature", site.name()));
        }
        String help = messages.get(language, "notice.helpline", settings.help().childHelplineName(), settings.help().childHelpline());
        return String.join("\n\n",
                messages.get(language, "notice.greeting"),
                text,
                // The helpline's name may be empty; unlike a page, plain text shows the double space.
                help.replace("  ", " "),
                messages.get(language, "notice.signature", site.name()));
    }

    /**
     * The page a notice sends its reader to: for reporters never with anything in the address that identifies a report;
     * for staff the one-time link the notice carries.
     */
    private String link(NoticeKind kind, Language language, @Nullable String link) {
        return switch (kind) {
            case REPORT_NEWS -> site.linkTo(SiteMap.FOLLOW_UP.in(language));
            case STAFF_INVITATION, PASSWORD_RESET -> site.linkTo(Objects.requireNonNull(link, "link"));
            case AGENCY_NOTICE -> throw new IllegalArgumentException("A composed notice has no words in the bundles");
        };
    }

    /** The configured sender, or {@code no-reply@} the site's host; the site's name shown beside it. */
    private static InternetAddress sender(String configured, SiteProperties site) {
        String address = configured.isBlank() ? "no-reply@" + site.publicUrl().getHost() : configured.strip();
        try {
            InternetAddress from = new InternetAddress(address, true);
            if (from.getPersonal() == null) {
                from.setPersonal(site.name(), StandardCharsets.UTF_8.name());
            }
            return from;
        }
        catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("raporto.notification.from (RAPORTO_MAIL_FROM) must be an e-mail address, not '" + address + "'", e);
        }
    }
}
