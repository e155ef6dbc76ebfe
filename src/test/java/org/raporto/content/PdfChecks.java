package org.raporto.content;

/** The PDF check of the media library, for tests in other packages. */
public final class PdfChecks {

    private PdfChecks() {
    }

    /** The PDF as the library would store it; throws when the library would refuse it. */
    public static byte[] clean(byte[] pdf) {
        return PdfCheck.clean(pdf);
    }
}
