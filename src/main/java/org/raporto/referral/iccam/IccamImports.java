package org.raporto.referral.iccam;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.jspecify.annotations.Nullable;
import org.raporto.audit.AuditAction;
import org.raporto.audit.AuditLog;
import org.raporto.casework.Analyst;
import org.raporto.intake.ForwardedReport;
import org.raporto.intake.ReportIntake;
import org.raporto.intake.ReportRefused;
import org.raporto.tracing.CanonicalUrl;
import org.raporto.tracing.InvalidUrlException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports reports another hotline forwarded in an ICCAM file: each becomes a report of the {@code HOTLINE} channel
 * with its addresses as items, and casework opens its case as for any other. A report is in the category of child
 * sexual abuse material when one of its addresses is classified baseline, national or doubtful, and "other" when
 * every address is not illegal; the sending hotline's assessment is not copied: our analysts assess it again.
 * <p>
 * A file is imported whole or not at all, in one transaction, and only without any problem; a report the same hotline
 * forwarded under the same reference before is recognised and skipped, so importing a file twice changes nothing.
 * Importing child sexual abuse material needs the clearance for it.
 */
@Service
public class IccamImports {

    public static final String CSAM = "csam";
    public static final String OTHER = "other";
    /** The longest file as carried from the preview to the import, compressed: a form holds no more. */
    public static final int MAX_CARRIED = 200_000;

    private final ReportIntake intake;
    private final AuditLog audit;

    IccamImports(ReportIntake intake, AuditLog audit) {
        this.intake = intake;
        this.audit = audit;
    }

    /**
     * What importing a file would do.
     *
     * @param reports       reports that would be imported, problems or not
     * @param csam          of which of child sexual abuse material
     * @param known         of which already imported before (skipped)
     * @param problems      what is wrong with the file, at most {@link IccamReader#MAX_PROBLEMS}
     * @param needsCountry  whether a report does not say which country's hotline sent it, and no country was given
     * @param needsClearance whether it holds child sexual abuse material and the analyst is not cleared for it
     */
    public record Preview(@Nullable IccamFormat format, int reports, int urls, int csam, int known, List<IccamProblem> problems,
            boolean moreProblems, boolean needsCountry, boolean needsClearance) {

        public Preview {
            problems = List.copyOf(problems);
        }

        /** Whether the file may be imported as it is. */
        public boolean acceptable() {
            return reports > 0 && problems.isEmpty() && !needsCountry && !needsClearance;
        }
    }

    /**
     * What importing a file would do, without doing it.
     *
     * @param country the sending hotline's country for reports that do not say it; null when not given
     */
    public Preview preview(IccamReader.Read read, @Nullable String country, Analyst analyst) {
        List<IccamProblem> problems = new ArrayList<>(read.problems());
        int csam = 0;
        int known = 0;
        boolean needsCountry = false;
        for (int r = 0; r < read.reports().size(); r++) {
            IccamReport report = read.reports().get(r);
            csam += report.isCsam() ? 1 : 0;
            String from = report.reportingHotlineCountryCode() == null ? country : report.reportingHotlineCountryCode();
            needsCountry |= from == null;
            if (from != null && intake.forwarded(from, report.hotlineReference()).isPresent()) {
                known++;
            }
            for (int u = 0; u < report.urls().size(); u++) {
                try {
                    CanonicalUrl.parse(report.urls().get(u).urlString());
                }
                catch (InvalidUrlException unusable) {
                    if (problems.size() < IccamReader.MAX_PROBLEMS) {
                        problems.add(new IccamProblem(IccamProblem.Code.INVALID_VALUE, 0, r + 1, u + 1, "urlString", ""));
                    }
                }
            }
        }
        return new Preview(read.format(), read.reports().size(), read.urls(), csam, known, problems, read.moreProblems(), needsCountry,
                csam > 0 && !analyst.cleared());
    }

    /**
     * Imports every report of a file that was not imported before, in one transaction.
     *
     * @param country the sending hotline's country for reports that do not say it; null when not given
     * @return our references of the reports imported now, and of those skipped as imported before
     * @throws Refused when the file may not be imported as it is (see {@link Preview#acceptable()}); nothing is stored
     */
    @Transactional
    public Imported importAll(IccamReader.Read read, @Nullable String country, Analyst analyst) {
        Preview preview = preview(read, country, analyst);
        if (!preview.acceptable()) {
            throw new Refused(preview);
        }
        List<String> created = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<Runnable> audited = new ArrayList<>();
        for (IccamReport report : read.reports()) {
            String from = report.reportingHotlineCountryCode() == null ? country : report.reportingHotlineCountryCode();
            ForwardedReport forwarded = new ForwardedReport(report.isCsam() ? CSAM : OTHER,
                    report.urls().stream().map(url -> CanonicalUrl.parse(url.urlString())).toList(), from, report.hotlineReference());
            ForwardedReport.Received received;
            try {
                received = intake.forward(forwarded);
            }
            catch (ReportRefused refused) {
                throw new Refused(preview);
            }
            if (received.created()) {
                created.add(received.reference());
                audited.add(() -> audit.record(analyst.actor(), AuditAction.REPORT_IMPORTED, IccamExports.OBJECT,
                        received.id().value().toString(),
                        Map.of("reference", received.reference(), "from", from, "theirReference", report.hotlineReference())));
            }
            else {
                skipped.add(received.reference());
            }
        }
        // The audit log's chain is locked from the first entry until the commit: last, as one step.
        audited.forEach(Runnable::run);
        return new Imported(created, skipped);
    }

    /** What an import did: our references of the reports created, and of those that were there already. */
    public record Imported(List<String> created, List<String> skipped) {

        public Imported {
            created = List.copyOf(created);
            skipped = List.copyOf(skipped);
        }
    }

    /** The file may not be imported as it is; the preview says why. */
    public static final class Refused extends RuntimeException {

        private final transient Preview preview;

        Refused(Preview preview) {
            super("The file may not be imported as it is");
            this.preview = preview;
        }

        public Preview preview() {
            return preview;
        }
    }

    /** A file as carried in a form from its preview to its import: compressed, in URL-safe Base64. */
    public static String carry(byte[] file) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
            out.write(file);
        }
        catch (IOException inMemory) {
            throw new IllegalStateException(inMemory);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(compressed.toByteArray());
    }

    /**
     * The file carried in a form, or null when what came back is not one {@link #carry} made (or larger than a file
     * may be).
     */
    public static byte @Nullable [] carried(String text) {
        if (text.isEmpty() || text.length() > MAX_CARRIED) {
            return null;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(text)))) {
            byte[] file = in.readNBytes(IccamReader.MAX_BYTES + 1);
            return file.length > IccamReader.MAX_BYTES ? null : file;
        }
        catch (IOException | IllegalArgumentException notCarried) {
            return null;
        }
    }
}
