package org.raporto.stats.web;

import java.awt.BasicStroke;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.Map;

import org.w3c.dom.Element;

import com.openhtmltopdf.css.parser.FSRGBColor;
import com.openhtmltopdf.extend.FSObjectDrawer;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.render.DefaultObjectDrawerFactory;
import com.openhtmltopdf.render.RenderingContext;

/**
 * Draws the bars of the annual report's charts as vector paths: {@code <object type="application/x-raporto-bar">},
 * sized by its style, filled solid, or hatched with diagonal lines when {@code data-fill="hatched"}, as the
 * dashboard's charts are (this year solid, the year before hatched), so that the two tell apart in grey too.
 */
final class Bars implements FSObjectDrawer {

    static final String TYPE = "application/x-raporto-bar";

    private static final FSRGBColor INK = new FSRGBColor(0x1b, 0x3a, 0x5c);
    /** Hatch lines: their distance apart and width, in CSS pixels. */
    private static final double HATCH_SPACING = 4;
    private static final float HATCH_WIDTH = 1.2f;

    private Bars() {
    }

    static DefaultObjectDrawerFactory factory() {
        DefaultObjectDrawerFactory factory = new DefaultObjectDrawerFactory();
        factory.registerDrawer(TYPE, new Bars());
        return factory;
    }

    @Override
    public Map<Shape, String> drawObject(Element element, double x, double y, double width, double height, OutputDevice device,
            RenderingContext context, int dotsPerPixel) {
        Rectangle2D bar = new Rectangle2D.Double(x, y, width, height);
        device.setColor(INK);
        if (!"hatched".equals(element.getAttribute("data-fill"))) {
            device.fill(bar);
            return Map.of();
        }
        device.setStroke(new BasicStroke(HATCH_WIDTH * dotsPerPixel));
        device.pushClip(bar);
        double step = HATCH_SPACING * dotsPerPixel;
        for (double start = x - height; start < x + width; start += step) {
            device.draw(new Line2D.Double(start, y + height, start + height, y));
        }
        device.popClip();
        device.setStroke(new BasicStroke(0.6f * dotsPerPixel));
        device.draw(bar);
        return Map.of();
    }
}
