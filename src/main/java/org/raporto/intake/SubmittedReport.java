package org.raporto.intake;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A report opened for the hotline: everything the reporter gave, unsealed for one view. Never logged, never cached,
 * never put in a session; whoever asks for it records the view in the audit log.
 *
 * @param erased   whether retention has erased what the reporter wrote; the text fields are empty then
 * @param contact  how the reporter may be contacted, if they said
 * @param messages between the reporter and the hotline, oldest first
 */
public record SubmittedReport(ReportId id, String reference, Channel channel, String category, String language, ReporterRole reporterRole,
        AgeBand childAge, Happened happened, String description, Optional<Contact> contact, List<Item> items,
        List<Attachment> attachments, List<FollowUp.Message> messages, Instant submittedAt, boolean erased) {

    /**
     * One thing the report points at.
     *
     * @param canonicalUrl the address as the hotline matches and traces it, for an address
     * @param typed        the address as the reporter typed it, or the account name; empty once erased
     */
    public record Item(int position, Kind kind, @Nullable String canonicalUrl, String typed, @Nullable Platform platform) {

        /** An address or an account on a platform. */
        public enum Kind {
            URL, ACCOUNT
        }
    }

    /**
     * A screenshot's facts; its pixels come one at a time from {@link Reports#screenshot}.
     *
     * @param message the reporter's message it came with, or null when it came with the report
     */
    public record Attachment(UUID id, @Nullable UUID message, int position, String mediaType, int width, int height) {
    }
}
