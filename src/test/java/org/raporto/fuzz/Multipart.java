package org.raporto.fuzz;

import java.io.ByteArrayOutputStream;

/**
 * A {@code multipart/form-data} body written byte by byte, so that names, file names and values can be anything,
 * bytes that are no UTF-8 and line breaks included, and the body itself can be broken.
 */
public final class Multipart {

    private final String boundary;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    public Multipart(String boundary) {
        this.boundary = boundary;
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public Multipart field(String name, String value) {
        return field(Hostile.utf8(name), Hostile.utf8(value));
    }

    public Multipart field(byte[] name, byte[] value) {
        line("--" + boundary);
        body.writeBytes(Hostile.utf8("Content-Disposition: form-data; name=\""));
        body.writeBytes(name);
        line("\"");
        line("");
        body.writeBytes(value);
        line("");
        return this;
    }

    /** A file part; without a content type when it is empty. */
    public Multipart file(String name, byte[] fileName, String contentType, byte[] content) {
        line("--" + boundary);
        body.writeBytes(Hostile.utf8("Content-Disposition: form-data; name=\"" + name + "\"; filename=\""));
        body.writeBytes(fileName);
        line("\"");
        if (!contentType.isEmpty()) {
            line("Content-Type: " + contentType);
        }
        line("");
        body.writeBytes(content);
        line("");
        return this;
    }

    /** Bytes as they are, wherever they fall: a header of one's own, a part cut short, junk between parts. */
    public Multipart raw(byte[] bytes) {
        body.writeBytes(bytes);
        return this;
    }

    /** The body, closed with the final boundary or, when {@code closed} is false, not. */
    public byte[] build(boolean closed) {
        if (closed) {
            line("--" + boundary + "--");
        }
        return body.toByteArray();
    }

    private void line(String text) {
        body.writeBytes(Hostile.utf8(text + "\r\n"));
    }
}
