package org.raporto.identity;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * A QR code drawn by our server as an SVG path: no image from another site, no script, and it scales crisply on any
 * screen. The secret it carries never leaves the server except in the page that shows it.
 */
final class QrCode {

    private QrCode() {
    }

    /** The SVG element, with a quiet zone of four modules; its accessible name is given by the caller's label. */
    static String svg(String text, String labelId) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
            StringBuilder path = new StringBuilder();
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    if (matrix.get(x, y)) {
                        path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                    }
                }
            }
            return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"" + labelId + "\" viewBox=\"0 0 "
                    + matrix.getWidth() + " " + matrix.getHeight() + "\" width=\"240\" height=\"240\" shape-rendering=\"crispEdges\">"
                    + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
        }
        catch (WriterException e) {
            throw new IllegalArgumentException("Too long for a QR code", e);
        }
    }
}
