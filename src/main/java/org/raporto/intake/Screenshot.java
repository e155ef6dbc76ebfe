package org.raporto.intake;

import java.io.Serializable;
import java.util.UUID;

/**
 * A screenshot uploaded for a report that is not sent yet: what the reporter is shown of it, and the id under which
 * its sealed pixels wait.
 *
 * @param upload    the id to send the report with
 * @param mediaType {@code image/png} or {@code image/jpeg}, as re-encoded
 * @param size      bytes, as re-encoded
 */
public record Screenshot(UUID upload, String mediaType, int width, int height, int size) implements Serializable {
}
