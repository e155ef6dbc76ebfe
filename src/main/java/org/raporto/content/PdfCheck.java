package org.raporto.content;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Takes a file as a PDF only by its content: it starts as a PDF does, parses, has pages, is not encrypted and holds no
 * active content — no JavaScript anywhere (document, page, annotation and form actions, the names tree), no action that
 * launches a program, submits or imports form data or opens an embedded document, no embedded or attached file, no
 * XFA form, no rich media. Every object reachable from the trailer is looked at, whatever refers to it, so an action
 * hidden in an outline item or a form field's additional actions is found like one in {@code /OpenAction}.
 * <p>
 * A PDF taken is written again from its parsed objects: whatever was appended after its end or is not reachable from
 * its trailer (where polyglot files hide a second format) is not kept.
 */
final class PdfCheck {

    /** Why a file is not taken as a PDF. */
    enum Reason {
        /** It does not begin with {@code %PDF-}. */
        NOT_A_PDF,
        /** It begins like a PDF but does not parse, or has no page. */
        UNREADABLE,
        /** It is encrypted, with or without a password to open it. */
        ENCRYPTED,
        /** It has JavaScript somewhere. */
        JAVASCRIPT,
        /** It has an action that launches a program. */
        LAUNCH,
        /** It carries files of its own (embedded files, attachments). */
        EMBEDDED_FILE,
        /** It has an XFA form. */
        XFA,
        /** Another kind of active content: form submission or import, rich media, an action into an embedded file. */
        ACTIVE_CONTENT
    }

    /** Thrown with the first reason found. */
    static final class Refused extends RuntimeException {

        private final Reason reason;

        Refused(Reason reason) {
            super(reason.name(), null, false, false);
            this.reason = reason;
        }

        Reason reason() {
            return reason;
        }
    }

    /** A file this many objects deep or wide is not a manual; it is refused as unreadable rather than walked for ever. */
    static final int MAX_OBJECTS = 500_000;

    private static final byte[] MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final COSName JAVA_SCRIPT = COSName.getPDFName("JavaScript");
    private static final COSName JS = COSName.getPDFName("JS");
    private static final COSName ACTION_TYPE = COSName.getPDFName("S");
    private static final COSName LAUNCH = COSName.getPDFName("Launch");
    private static final COSName EMBEDDED_FILE_STREAMS = COSName.getPDFName("EF");
    private static final COSName FILE_ATTACHMENT = COSName.getPDFName("FileAttachment");
    private static final COSName XFA = COSName.getPDFName("XFA");
    private static final Set<COSName> ACTIVE_ACTIONS = Set.of(COSName.getPDFName("SubmitForm"), COSName.getPDFName("ImportData"),
            COSName.getPDFName("GoToE"), COSName.getPDFName("RichMediaExecute"));
    private static final Set<COSName> ACTIVE_ANNOTATIONS = Set.of(COSName.getPDFName("RichMedia"), COSName.getPDFName("Movie"),
            COSName.getPDFName("Sound"), COSName.getPDFName("Screen"));

    private PdfCheck() {
    }

    static boolean looksLikePdf(byte[] file) {
        if (file.length < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (file[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * @return the PDF written again from its parsed objects
     * @throws Refused when the file is not taken, with the first reason found
     */
    static byte[] clean(byte[] file) {
        if (!looksLikePdf(file)) {
            throw new Refused(Reason.NOT_A_PDF);
        }
        try (PDDocument document = Loader.loadPDF(file)) {
            if (document.isEncrypted()) {
                throw new Refused(Reason.ENCRYPTED);
            }
            if (document.getNumberOfPages() < 1) {
                throw new Refused(Reason.UNREADABLE);
            }
            inspect(document.getDocument().getTrailer());
            ByteArrayOutputStream out = new ByteArrayOutputStream(file.length);
            document.save(out);
            return out.toByteArray();
        }
        catch (InvalidPasswordException e) {
            throw new Refused(Reason.ENCRYPTED);
        }
        catch (IOException | RuntimeException broken) {
            // A parser meeting damaged input throws whatever it meets; all of it means the same to the editor.
            if (broken instanceof Refused refused) {
                throw refused;
            }
            throw new Refused(Reason.UNREADABLE);
        }
    }

    /** Looks at every dictionary reachable from here, each once, without recursion (nesting may be deep). */
    private static void inspect(COSDictionary trailer) {
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<COSBase> next = new ArrayDeque<>();
        next.push(trailer);
        while (!next.isEmpty()) {
            COSBase base = next.pop();
            if (base instanceof COSObject reference) {
                base = reference.getObject();
            }
            if (base == null || !seen.add(base)) {
                continue;
            }
            if (seen.size() > MAX_OBJECTS) {
                throw new Refused(Reason.UNREADABLE);
            }
            if (base instanceof COSDictionary dictionary) {
                check(dictionary);
                dictionary.getValues().forEach(next::push);
            }
            else if (base instanceof COSArray array) {
                array.forEach(next::push);
            }
        }
    }

    private static void check(COSDictionary dictionary) {
        COSName action = dictionary.getCOSName(ACTION_TYPE);
        if (JAVA_SCRIPT.equals(action) || dictionary.containsKey(JS) || dictionary.containsKey(JAVA_SCRIPT)) {
            throw new Refused(Reason.JAVASCRIPT);
        }
        if (LAUNCH.equals(action)) {
            throw new Refused(Reason.LAUNCH);
        }
        if (action != null && ACTIVE_ACTIONS.contains(action)) {
            throw new Refused(Reason.ACTIVE_CONTENT);
        }
        COSName subtype = dictionary.getCOSName(COSName.SUBTYPE);
        if (dictionary.containsKey(COSName.EMBEDDED_FILES) || dictionary.containsKey(EMBEDDED_FILE_STREAMS)
                || COSName.EMBEDDED_FILE.equals(dictionary.getCOSName(COSName.TYPE)) || FILE_ATTACHMENT.equals(subtype)) {
            throw new Refused(Reason.EMBEDDED_FILE);
        }
        if (dictionary.containsKey(XFA)) {
            throw new Refused(Reason.XFA);
        }
        if (subtype != null && ACTIVE_ANNOTATIONS.contains(subtype)) {
            throw new Refused(Reason.ACTIVE_CONTENT);
        }
    }
}
