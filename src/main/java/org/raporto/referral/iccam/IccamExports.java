package org.raporto.referral.iccam;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.raporto.audit.Actor;
import org.raporto.audit.AuditAction;
import org.raporto.audit.AuditLog;
import org.raporto.casework.Analyst;
import org.raporto.casework.Classification.Outcome;
import org.raporto.referral.iccam.IccamCodes.ActionType;
import org.raporto.referral.iccam.IccamCodes.AgeGroup;
import org.raporto.referral.iccam.IccamCodes.Classification;
import org.raporto.referral.iccam.IccamCodes.Commerciality;
import org.raporto.referral.iccam.IccamCodes.ContentType;
import org.raporto.referral.iccam.IccamCodes.Gender;
import org.raporto.referral.iccam.IccamCodes.PaymentMethod;
import org.raporto.referral.iccam.IccamCodes.SiteType;
import org.raporto.tracing.HostingTrace;
import org.raporto.referral.ReferralProperties;
import org.raporto.tracing.HostingTraces;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exports assessed reports in ICCAM's terms for another hotline or ICCAM itself. Only addresses with a final
 * classification are exported (four eyes confirmed where the category asks for it), and only from reports the analyst
 * may see: child sexual abuse material needs the clearance, as everywhere in casework. Every export is audited, once
 * for the file and once on each report, so that it shows in the report's history.
 * <p>
 * How Raporto's assessment becomes ICCAM's:
 * <ul>
 * <li>outcome {@code BASELINE_CSAM} → classification baseline (1); {@code NATIONAL_ILLEGAL} → national (2) when the
 * item is child sexual abuse material (its harm category, or else its report's, is {@code csam}), otherwise the item is
 * not exported: ICCAM exchanges child sexual abuse material only; {@code HARMFUL_NOT_ILLEGAL} and
 * {@code NOT_ACTIONABLE} → not illegal (4), with the action NI dated when the classification became final;
 * {@code OUT_OF_REMIT} and {@code DUPLICATE} are not exported. Accounts on platforms are not addresses and not
 * exported;</li>
 * <li>the report's site type, commerciality and payment methods are those of its first address classified as child
 * sexual abuse material (ICCAM has them per report, Raporto per item); payment methods are recognised by name in the
 * analyst's text (Visa, Mastercard, PayPal, Bitcoin…), other text is "other", none given "not determined", and
 * material that is not commercial has "none";</li>
 * <li>content type is media (1) for an address whose path ends in an image or video file name, a website (2)
 * otherwise; the source address is the first exported one;</li>
 * <li>hosting country, IP address, network owner and its number come from the latest hosting trace of the address's
 * host; the country is left out when the addresses are in several countries or behind a CDN.</li>
 * </ul>
 */
@Service
public class IccamExports {

    /** The most reports one file holds. */
    public static final int MAX_REPORTS = IccamReader.MAX_REPORTS;

    static final String OBJECT = "report";
    private static final Pattern MEDIA = Pattern.compile(".*\\.(jpe?g|png|gif|webp|bmp|avif|heic|tiff?|mp4|m4v|mov|avi|wmv|webm|mkv|flv|3gp)$",
            Pattern.CASE_INSENSITIVE);

    private final JdbcClient jdbc;
    private final HostingTraces traces;
    private final IccamActions actions;
    private final AuditLog audit;
    private final String hotlineCountry;

    IccamExports(JdbcClient jdbc, HostingTraces traces, IccamActions actions, AuditLog audit, ReferralProperties properties) {
        this.jdbc = jdbc;
        this.traces = traces;
        this.actions = actions;
        this.audit = audit;
        this.hotlineCountry = properties.country();
    }

    /** This hotline's country, as it signs its exports. */
    public String hotlineCountry() {
        return hotlineCountry;
    }

    /**
     * Which reports to export: those chosen in the queue, those named by reference, or those received between two days
     * (in the site's time zone, both included). Whatever the analyst may not see is left out as if it did not exist.
     */
    public sealed interface Selection {

        /** Reports chosen by id, in the queue. */
        record Chosen(List<UUID> reports) implements Selection {

            public Chosen {
                reports = List.copyOf(reports);
            }
        }

        /** Reports named by reference. */
        record Named(List<String> references) implements Selection {

            public Named {
                references = references.stream().map(reference -> reference.strip().toUpperCase(Locale.ROOT)).filter(reference -> !reference.isEmpty())
                        .distinct().toList();
            }
        }

        /** Reports received from one day to another. */
        record Received(LocalDate from, LocalDate to, ZoneId zone) implements Selection {

            public Received {
                if (to.isBefore(from)) {
                    throw new IllegalArgumentException("The first day comes before the last");
                }
            }
        }
    }

    /**
     * The reports of a selection in ICCAM's terms, audited as exported in this format.
     *
     * @return the reports with at least one exported address, and the references asked for that gave none (unknown, not
     *         visible to the analyst, or without an address to export: the three look the same). With references
     *         missing, or no report, nothing is audited: the caller is to show what is missing, and export nothing
     * @throws TooMany when more than {@link #MAX_REPORTS} reports are selected; nothing is audited then
     */
    @Transactional
    public Export export(Selection selection, IccamFormat format, Analyst analyst) {
        List<UUID> chosen = chosen(selection, analyst);
        Map<UUID, Building> building = new LinkedHashMap<>();
        if (!chosen.isEmpty()) {
            jdbc.sql("""
                    SELECT c.report_id, c.reference, c.received_at, c.category_code, i.position, u.canonical_url, i.host, i.outcome,
                        i.harm_category, i.age_group, i.gender, i.site_type, i.commercial, i.payment_method, i.virtual, i.child_modelling,
                        i.user_generated, coalesce(i.confirmed_at, i.classified_at) AS final_at
                    FROM casework_case c
                    JOIN casework_item i ON i.report_id = c.report_id
                    JOIN casework_url u ON u.id = i.url_id
                    WHERE c.report_id IN (:reports) AND (NOT c.restricted OR :cleared) AND i.kind = 'URL' AND i.outcome IS NOT NULL
                        AND (i.confirmed_at IS NOT NULL
                            OR NOT coalesce((SELECT r.four_eyes FROM casework_category_rule r WHERE r.category_code = c.category_code), false))
                    ORDER BY c.received_at, c.reference, i.position""")
                    .param("reports", chosen)
                    .param("cleared", analyst.cleared())
                    .query(row -> {
                        Item item = new Item(row.getString("canonical_url"), row.getString("host"), Outcome.valueOf(row.getString("outcome")),
                                row.getString("harm_category"), row.getString("age_group"), row.getString("gender"), row.getString("site_type"),
                                (Boolean) row.getObject("commercial"), row.getString("payment_method"), row.getBoolean("virtual"),
                                row.getBoolean("child_modelling"), row.getBoolean("user_generated"), row.getTimestamp("final_at").toInstant());
                        if (classification(item, row.getString("category_code")) != null) {
                            UUID id = row.getObject("report_id", UUID.class);
                            String reference = row.getString("reference");
                            Instant received = row.getTimestamp("received_at").toInstant();
                            building.computeIfAbsent(id, key -> new Building(id, reference, received)).items().add(item);
                        }
                    });
        }
        Map<String, HostingTrace> traced = traces.latest(building.values().stream().flatMap(report -> report.items().stream())
                .map(Item::host).filter(Objects::nonNull).distinct().toList());
        Map<IccamActions.Key, List<IccamUrl.Action>> done = actions.of(List.copyOf(building.keySet()));
        List<IccamReport> reports = new ArrayList<>();
        for (Building report : building.values()) {
            reports.add(report(report, traced, done));
        }
        List<String> missing = new ArrayList<>();
        if (selection instanceof Selection.Named named) {
            List<String> found = reports.stream().map(IccamReport::hotlineReference).toList();
            named.references().stream().filter(reference -> !found.contains(reference)).forEach(missing::add);
        }
        if (!reports.isEmpty() && missing.isEmpty()) {
            Actor actor = analyst.actor();
            int urls = reports.stream().mapToInt(report -> report.urls().size()).sum();
            String file = UUID.randomUUID().toString();
            for (Building report : building.values()) {
                audit.record(actor, AuditAction.EXPORT_MADE, OBJECT, report.id().toString(),
                        Map.of("reference", report.reference(), "format", "ICCAM " + format.name(), "file", file));
            }
            audit.record(actor, AuditAction.EXPORT_MADE, "iccam-export", file,
                    Map.of("format", "ICCAM " + format.name(), "reports", String.valueOf(reports.size()), "urls", String.valueOf(urls)));
        }
        return new Export(reports, missing);
    }

    /**
     * An export's content.
     *
     * @param missing references asked for that gave nothing to export
     */
    public record Export(List<IccamReport> reports, List<String> missing) {

        public Export {
            reports = List.copyOf(reports);
            missing = List.copyOf(missing);
        }

        public int urls() {
            return reports.stream().mapToInt(report -> report.urls().size()).sum();
        }
    }

    /** More reports were selected than one file holds. */
    public static final class TooMany extends RuntimeException {

        TooMany() {
            super("More than " + MAX_REPORTS + " reports selected");
        }
    }

    /** The ids of the selected reports the analyst may see, at most {@link #MAX_REPORTS}. */
    private List<UUID> chosen(Selection selection, Analyst analyst) {
        List<UUID> ids;
        if (selection instanceof Selection.Chosen chosen) {
            ids = chosen.reports().isEmpty() ? List.of()
                    : jdbc.sql("SELECT report_id FROM casework_case WHERE report_id IN (:ids) AND (NOT restricted OR :cleared) LIMIT :limit")
                            .param("ids", chosen.reports()).param("cleared", analyst.cleared()).param("limit", MAX_REPORTS + 1)
                            .query(UUID.class).list();
        }
        else if (selection instanceof Selection.Named named) {
            ids = named.references().isEmpty() ? List.of()
                    : jdbc.sql("SELECT report_id FROM casework_case WHERE reference IN (:references) AND (NOT restricted OR :cleared) LIMIT :limit")
                            .param("references", named.references()).param("cleared", analyst.cleared()).param("limit", MAX_REPORTS + 1)
                            .query(UUID.class).list();
        }
        else {
            Selection.Received received = (Selection.Received) selection;
            ids = jdbc.sql("""
                            SELECT c.report_id FROM casework_case c
                            WHERE c.received_at >= :from AND c.received_at < :to AND (NOT c.restricted OR :cleared)
                                AND EXISTS (SELECT 1 FROM casework_item i WHERE i.report_id = c.report_id AND i.kind = 'URL' AND i.outcome IS NOT NULL)
                            LIMIT :limit""")
                    .param("from", Timestamp.from(received.from().atStartOfDay(received.zone()).toInstant()))
                    .param("to", Timestamp.from(received.to().plusDays(1).atStartOfDay(received.zone()).toInstant()))
                    .param("cleared", analyst.cleared()).param("limit", MAX_REPORTS + 1)
                    .query(UUID.class).list();
        }
        if (ids.size() > MAX_REPORTS) {
            throw new TooMany();
        }
        return ids;
    }

    private IccamReport report(Building report, Map<String, HostingTrace> traced, Map<IccamActions.Key, List<IccamUrl.Action>> done) {
        Item first = report.items().stream().filter(item -> item.outcome() != Outcome.HARMFUL_NOT_ILLEGAL && item.outcome() != Outcome.NOT_ACTIONABLE)
                .findFirst().orElse(null);
        List<IccamUrl> urls = new ArrayList<>();
        for (Item item : report.items()) {
            HostingTrace trace = item.host() == null ? null : traced.get(item.host());
            HostingTrace.Address address = trace == null ? null
                    : trace.addresses().stream().filter(HostingTrace.Address::onInternet).findFirst().orElse(null);
            Classification classification = Objects.requireNonNull(classification(item, "csam"));
            List<IccamUrl.Action> taken = new ArrayList<>(done.getOrDefault(new IccamActions.Key(report.id(), item.url()), List.of()));
            if (classification == Classification.NOT_ILLEGAL && taken.stream().noneMatch(action -> action.actionType() == ActionType.NI)) {
                taken.add(new IccamUrl.Action(ActionType.NI, item.finalAt(), null));
            }
            urls.add(new IccamUrl(item.url(), urls.isEmpty(), MEDIA.matcher(path(item.url())).matches() ? ContentType.MEDIA : ContentType.WEBSITE,
                    trace == null ? null : trace.hostingCountry().orElse(null), address == null ? null : address.ip(),
                    address == null || address.network() == null || address.network().isBlank() ? null : clip(address.network()),
                    address == null ? null : address.asn(),
                    new IccamUrl.Assessment(classification, age(item.ageGroup()), gender(item.gender()), item.virtual(), item.childModelling(),
                            item.userGenerated()),
                    taken));
        }
        return new IccamReport(report.reference(), report.receivedAt(), hotlineCountry,
                first == null || first.siteType() == null ? SiteType.NOT_DETERMINED : SiteType.valueOf(first.siteType()),
                first == null || first.commercial() == null ? Commerciality.NOT_DETERMINED
                        : first.commercial() ? Commerciality.COMMERCIAL : Commerciality.NON_COMMERCIAL,
                first == null ? List.of(PaymentMethod.NOT_DETERMINED) : paymentMethods(first.commercial(), first.paymentMethod()), urls);
    }

    /** ICCAM's classification of an item, or null when it is not exported (see the class's description). */
    private static @Nullable Classification classification(Item item, String reportCategory) {
        return switch (item.outcome()) {
            case BASELINE_CSAM -> Classification.BASELINE;
            case NATIONAL_ILLEGAL -> "csam".equals(item.harmCategory() == null ? reportCategory : item.harmCategory()) ? Classification.NATIONAL : null;
            case HARMFUL_NOT_ILLEGAL, NOT_ACTIONABLE -> Classification.NOT_ILLEGAL;
            case OUT_OF_REMIT, DUPLICATE -> null;
        };
    }

    /** Payment methods named in an analyst's text, by ICCAM's names. */
    static List<PaymentMethod> paymentMethods(@Nullable Boolean commercial, @Nullable String text) {
        if (commercial == null) {
            return List.of(PaymentMethod.NOT_DETERMINED);
        }
        if (!commercial) {
            return List.of(PaymentMethod.NONE);
        }
        if (text == null || text.isBlank()) {
            return List.of(PaymentMethod.NOT_DETERMINED);
        }
        String folded = text.toLowerCase(Locale.ROOT);
        List<PaymentMethod> found = new ArrayList<>();
        Map<PaymentMethod, List<String>> names = new LinkedHashMap<>();
        names.put(PaymentMethod.AMEX, List.of("amex", "american express"));
        names.put(PaymentMethod.DINERS, List.of("diners"));
        names.put(PaymentMethod.MASTERCARD, List.of("mastercard", "master card"));
        names.put(PaymentMethod.PAYPAL, List.of("paypal", "pay pal"));
        names.put(PaymentMethod.VISA, List.of("visa"));
        names.put(PaymentMethod.WESTERN_UNION, List.of("western union"));
        names.put(PaymentMethod.SMS, List.of("sms"));
        names.put(PaymentMethod.EMAIL, List.of("e-mail", "email"));
        names.put(PaymentMethod.LIBERTY_RESERVE, List.of("liberty reserve"));
        names.put(PaymentMethod.BITCOIN, List.of("bitcoin", "btc"));
        names.forEach((method, words) -> {
            if (words.stream().anyMatch(word -> Pattern.compile("\\b" + Pattern.quote(word) + "\\b").matcher(folded).find())) {
                found.add(method);
            }
        });
        return found.isEmpty() ? List.of(PaymentMethod.OTHER) : found;
    }

    private static AgeGroup age(@Nullable String group) {
        return group == null ? AgeGroup.NOT_DETERMINED : switch (group) {
            case "INFANT" -> AgeGroup.INFANT;
            case "PRE_PUBESCENT" -> AgeGroup.PRE_PUBESCENT;
            case "PUBESCENT" -> AgeGroup.PUBESCENT;
            default -> AgeGroup.NOT_DETERMINED;
        };
    }

    private static Gender gender(@Nullable String gender) {
        return gender == null ? Gender.NOT_DETERMINED : switch (gender) {
            case "FEMALE" -> Gender.FEMALE;
            case "MALE" -> Gender.MALE;
            case "BOTH" -> Gender.BOTH;
            default -> Gender.NOT_DETERMINED;
        };
    }

    private static String path(String url) {
        String path = java.net.URI.create(url).getRawPath();
        return path == null ? "" : path;
    }

    private static String clip(String text) {
        String stripped = text.strip().replaceAll("\\p{Cntrl}", " ");
        return stripped.length() > IccamUrl.MAX_ORGANIZATION ? stripped.substring(0, IccamUrl.MAX_ORGANIZATION) : stripped;
    }

    /** A report's exported items as they are read. */
    private record Building(UUID id, String reference, Instant receivedAt, List<Item> items) {

        Building(UUID id, String reference, Instant receivedAt) {
            this(id, reference, receivedAt, new ArrayList<>());
        }
    }

    /** One item's classification and address, as casework keeps them. */
    private record Item(String url, @Nullable String host, Outcome outcome, @Nullable String harmCategory, @Nullable String ageGroup,
            @Nullable String gender, @Nullable String siteType, @Nullable Boolean commercial, @Nullable String paymentMethod, boolean virtual,
            boolean childModelling, boolean userGenerated, Instant finalAt) {
    }
}
