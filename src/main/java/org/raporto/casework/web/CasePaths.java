package org.raporto.casework.web;

import java.util.Optional;
import java.util.UUID;

import org.raporto.intake.ReportId;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/** The addresses of the casework pages, and the small helpers their controllers share. */
final class CasePaths {

    static final String QUEUE = "/staff/cases";
    static final String NEXT = QUEUE + "/next";
    static final String LATE = QUEUE + "/late";
    static final String PREFERENCES = QUEUE + "/preferences";
    static final String CASE = QUEUE + "/{id}";

    private CasePaths() {
    }

    static String of(ReportId id) {
        return QUEUE + "/" + id.value();
    }

    /** A report id from the address; anything that is not one is a case that does not exist. */
    static Optional<ReportId> id(String text) {
        return uuid(text).map(ReportId::new);
    }

    /** An id as typed or in an address, only in its canonical 36-character form. */
    static Optional<UUID> uuid(String text) {
        if (text.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        }
        catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    static ResponseEntity<Void> redirect(String path) {
        return ResponseEntity.status(303).header(HttpHeaders.LOCATION, path).build();
    }
}
